/// Turns reports into text. Reporters are pure: same input, same bytes.
///
/// A report is written in three parts so a batch of any size can be streamed as results arrive:
/// `header`, then `photo` for each listed photo (joined by `photoSeparator`), then `footer` with the
/// batch's tally. A reporter whose header shows totals sets `needsTallyFirst`; its writer then
/// spools the photos and writes the header at the end.
public protocol Reporter: Sendable {
    /// The header shows the batch's totals, so it can only be written once every photo is done.
    var needsTallyFirst: Bool { get }
    /// Written between two photos (a comma in JSON).
    var photoSeparator: String { get }
    /// The text before the first photo. `tally` is the whole batch's when `needsTallyFirst`, else nil.
    func header(_ tally: BatchTally?, _ context: ReportContext) -> String
    /// One photo.
    func photo(_ report: PhotoReport, _ context: ReportContext) -> String
    /// The text after the last photo.
    func footer(_ tally: BatchTally, _ context: ReportContext) -> String
}

extension Reporter {
    public var needsTallyFirst: Bool { false }
    public var photoSeparator: String { "" }

    /// The whole report for `reports` (every one listed), as a writer would stream it.
    public func render(_ reports: [PhotoReport], _ context: ReportContext) -> String {
        var tally = BatchTally()
        for report in reports { tally.add(report, listed: true, strict: context.strict) }
        var out = header(needsTallyFirst ? tally : nil, context)
        out += reports.map { photo($0, context) }.joined(separator: photoSeparator)
        out += footer(tally, context)
        return out
    }
}

/// What every reporter may need besides the reports.
public struct ReportContext: Sendable {
    public var language: Language
    public var profile: Profile
    public var toolVersion: String
    /// Warnings count as failures.
    public var strict: Bool
    /// ANSI colour (text only, on a terminal).
    public var colour: Bool

    public init(language: Language, profile: Profile, toolVersion: String = PhotoCheckVersion.current, strict: Bool = false, colour: Bool = false) {
        self.language = language
        self.profile = profile
        self.toolVersion = toolVersion
        self.strict = strict
        self.colour = colour
    }
}

public enum PhotoCheckVersion {
    public static let current = "0.1.0"
}

/// Totals over a batch, gathered while its reports stream past (no report is kept).
public struct BatchTally: Sendable, Equatable {
    /// Counts by the photos' own verdicts (the JSON contract's `summary`).
    public var summary = BatchSummary([])
    /// Counts by verdict with `--strict` applied (warnings count as failures).
    public var effective: [Verdict: Int] = [:]
    /// Photos that failed each check / warned on each check.
    public var failing: [CheckID: Int] = [:]
    public var warning: [CheckID: Int] = [:]
    /// Photos written into the report (all, or only the failures) and their effective verdicts.
    public var listed: [Verdict: Int] = [:]

    public init() {}

    public mutating func add(_ report: PhotoReport, listed isListed: Bool, strict: Bool) {
        summary.add(report)
        let verdict = report.effectiveVerdict(strict: strict)
        effective[verdict, default: 0] += 1
        if isListed { listed[verdict, default: 0] += 1 }
        // An unreadable file's one finding says why it is not a photo: not a failed check.
        for finding in report.findings where report.verdict != .error {
            switch finding.status {
            case .fail: failing[finding.check, default: 0] += 1
            case .warn: warning[finding.check, default: 0] += 1
            default: break
            }
        }
    }

    public var photos: Int { summary.photos }
    public var listedCount: Int { listed.values.reduce(0, +) }

    /// Checks by the number of photos they failed, most first (ties by check id), at most `limit`.
    public func mostCommonFailing(_ limit: Int = 5) -> [(check: CheckID, photos: Int)] {
        Array(failing.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit))
            .map { (check: $0.key, photos: $0.value) }
    }
}

/// The order findings are listed in for people: failures first, then warnings, then the rest,
/// each group in profile order.
public func findingsForReading(_ findings: [Finding]) -> [Finding] {
    let rank: [Status: Int] = [.fail: 0, .warn: 1, .manual: 2, .pass: 3, .skip: 4]
    return findings.enumerated().sorted { a, b in
        let ra = rank[a.element.status]!, rb = rank[b.element.status]!
        return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
}

/// Labels shared by the reporters.
enum Words {
    static func verdict(_ v: Verdict, _ language: Language) -> String {
        switch (v, language) {
        case (.pass, .zh): "通过"
        case (.warn, .zh): "警告"
        case (.fail, .zh): "不合格"
        case (.error, .zh): "无法读取"
        case (_, .en): v.rawValue
        }
    }

    static func status(_ s: Status, _ language: Language) -> String {
        switch (s, language) {
        case (.pass, .zh): "通过"
        case (.warn, .zh): "警告"
        case (.fail, .zh): "不合格"
        case (.skip, .zh): "未检查"
        case (.manual, .zh): "需人工确认"
        case (_, .en): s.rawValue
        }
    }

    /// Text safe to print on a terminal or put in a table: control characters (which could move
    /// the cursor or recolour the terminal) become U+FFFD; a line break, kept, is followed by
    /// `indent` spaces so continuation lines stay aligned (pass nil to turn breaks into U+FFFD too).
    static func printable(_ text: String, indent: Int? = 0) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n", let indent {
                out += "\n" + String(repeating: " ", count: indent)
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out.unicodeScalars.append("\u{FFFD}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The file name without folders.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    /// The student id in a file name: its longest run of at least 4 ASCII digits (the first on a
    /// tie), else nil. "2021301234_张三.jpg" → "2021301234".
    static func studentID(_ path: String) -> String? {
        var best = "", run = ""
        for ch in stem(path) {
            if ch.isASCII && ch.isNumber {
                run.append(ch)
            } else {
                if run.count > best.count { best = run }
                run = ""
            }
        }
        if run.count > best.count { best = run }
        return best.count >= 4 ? best : nil
    }

    /// The file name without folders and extension.
    static func stem(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
