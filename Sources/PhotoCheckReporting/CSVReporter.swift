import Foundation
import PhotoCheckModel

/// A table for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line
/// ends and RFC 4180 quoting. One row per photo: file, student id (`Words.studentID`; empty when
/// the name holds none), verdict, the failing and the warning checks with their messages (always
/// Chinese; English added after a " / " with `--lang en`), what to change (the hints, in the
/// output language), then one column per check of the profile holding its status.
///
/// Control characters other than line breaks become U+FFFD. A cell that starts with `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
/// shows it as text instead of running it as a formula.
public struct CSVReporter: Reporter {
    public init() {}

    public func header(_ tally: BatchTally?, _ context: ReportContext) -> String {
        let zh = context.language == .zh
        let fixed =
            zh
            ? ["文件", "学号", "结论", "不合格项", "警告项", "修改建议"]
            : ["file", "student_id", "verdict", "failing", "warnings", "what_to_change"]
        return "\u{FEFF}" + Self.row((fixed + context.profile.checks).map(Self.field))
    }

    public func photo(_ report: PhotoReport, _ context: ReportContext) -> String {
        let verdict = report.effectiveVerdict(strict: context.strict)
        var failing = report.findings.filter { $0.status == .fail }.map { describe($0, context) }
        let warnings = report.findings.filter { $0.status == .warn }.map { describe($0, context) }
        if let error = report.error {
            // The file.jpeg finding of an unreadable photo says the same thing: list it once.
            failing = [(context.language == .zh ? "无法读取:" : "cannot be read: ") + error.message.text(context.language)]
        }
        var hints = findingsForReading(report.findings.filter { $0.status == .fail || $0.status == .warn })
            .compactMap { finding in finding.hint.map { "\(finding.check): \($0.text(context.language))" } }
        // An unreadable file: what to do with the file, not hints about the picture it does not have.
        if let error = report.error { hints = error.hint.map { [$0.text(context.language)] } ?? [] }
        var status: [CheckID: Status] = [:]
        for finding in report.findings { status[finding.check] = finding.status }
        let perCheck = context.profile.checks.map { check in status[check].map { Words.status($0, context.language) } ?? "" }
        let text = [
            Words.verdict(verdict, context.language), failing.joined(separator: "\n"), warnings.joined(separator: "\n"),
            hints.joined(separator: "\n"),
        ]
        return Self.row([Self.field(report.path), Self.idCell(Words.studentID(report.path))] + (text + perCheck).map(Self.field))
    }

    public func footer(_ tally: BatchTally, _ context: ReportContext) -> String { "" }

    private func describe(_ finding: Finding, _ context: ReportContext) -> String {
        var text = "\(finding.check): \(finding.message.zh)"
        if context.language == .en && finding.message.en != finding.message.zh { text += " / \(finding.message.en)" }
        return text
    }

    /// The student-id cell, kept as text by spreadsheets. An id of digits only would be read as a
    /// number: 18 digits become 1.1E+17 and a leading zero is dropped. The id is followed by a tab
    /// (the convention of the bank and payment statements Chinese users open in Excel): a field
    /// that is not a number stays text in Excel and in LibreOffice's default CSV import, the digits
    /// shown unchanged. The other ways all fall short: `="…"` is a formula; a leading `'` or tab is
    /// shown or kept in front of the id; quoting the field and a trailing space or no-break space
    /// are ignored by LibreOffice's number recognition (all tried by converting with
    /// `libreoffice --headless --convert-to xlsx`, held by a test). Empty when there is no id.
    package static func idCell(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "" }
        return field(id) + "\t"
    }

    /// A row of cells already made fields.
    package static func row(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
    package static func field(_ raw: String) -> String {
        var text = Words.printable(raw)
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
