import Foundation

/// A table for Excel: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF line
/// ends and RFC 4180 quoting. One row per photo: file, student id (the longest run of digits in the
/// file name, else the name without extension), verdict,
/// the failing and the warning checks with their messages (always Chinese; English added after a
/// " / " with `--lang en`), then one column per check of the profile holding its status.
///
/// Control characters other than line breaks become U+FFFD. A cell that starts with `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
/// shows it as text instead of running it as a formula.
public struct CSVReporter: Reporter {
    public init() {}

    public func header(_ tally: BatchTally?, _ context: ReportContext) -> String {
        let zh = context.language == .zh
        let fixed =
            zh
            ? ["文件", "学号", "结论", "不合格项", "警告项"]
            : ["file", "student_id", "verdict", "failing", "warnings"]
        return "\u{FEFF}" + Self.row(fixed + context.profile.checks)
    }

    public func photo(_ report: PhotoReport, _ context: ReportContext) -> String {
        let verdict = report.effectiveVerdict(strict: context.strict)
        var failing = report.findings.filter { $0.status == .fail }.map { describe($0, context) }
        let warnings = report.findings.filter { $0.status == .warn }.map { describe($0, context) }
        if let error = report.error {
            // The file.jpeg finding of an unreadable photo says the same thing: list it once.
            failing = [(context.language == .zh ? "无法读取:" : "cannot be read: ") + error.message.text(context.language)]
        }
        var status: [CheckID: Status] = [:]
        for finding in report.findings { status[finding.check] = finding.status }
        let perCheck = context.profile.checks.map { check in status[check].map { Words.status($0, context.language) } ?? "" }
        return Self.row(
            [
                report.path, Words.studentID(report.path) ?? Words.stem(report.path), Words.verdict(verdict, context.language),
                failing.joined(separator: "\n"), warnings.joined(separator: "\n"),
            ] + perCheck)
    }

    public func footer(_ tally: BatchTally, _ context: ReportContext) -> String { "" }

    private func describe(_ finding: Finding, _ context: ReportContext) -> String {
        var text = "\(finding.check): \(finding.message.zh)"
        if context.language == .en && finding.message.en != finding.message.zh { text += " / \(finding.message.en)" }
        return text
    }

    static func row(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\r\n"
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
    static func field(_ raw: String) -> String {
        var text = Words.printable(raw)
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
