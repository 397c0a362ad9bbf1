import PhotoCheckModel

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
package enum Words {
    package static func verdict(_ v: Verdict, _ language: Language) -> String {
        switch (v, language) {
        case (.pass, .zh): "通过"
        case (.warn, .zh): "警告"
        case (.fail, .zh): "不合格"
        case (.error, .zh): "无法读取"
        case (_, .en): v.rawValue
        }
    }

    package static func status(_ s: Status, _ language: Language) -> String {
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
    package static func printable(_ text: String, indent: Int? = 0) -> String {
        var out = ""
        for scalar in RawPath.display(text).unicodeScalars {
            if scalar == "\n", let indent {
                out += "\n" + String(repeating: " ", count: indent)
            } else if ControlCharacters.contains(scalar) {
                out.unicodeScalars.append("\u{FFFD}")
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The file name without folders.
    package static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    /// The student id in a file name: its longest run of at least 4 ASCII digits (the first on a
    /// tie), with a trailing X kept (the check digit of an ID-card number, upper-cased), else nil.
    /// "2021301234_张三.jpg" → "2021301234", "11010519900101123x-李四.jpg" → "11010519900101123X".
    /// Names that cameras and apps give (IMG_20240601_123456, DSC_0042, PXL_…, mmexport…,
    /// 微信图片_…) and date-time stamps (20240601_123456, a 13-digit millisecond time) hold no id.
    package static func studentID(_ path: String) -> String? {
        let name = stem(path)
        let lower = name.lowercased()
        if cameraPrefixes.contains(where: { lower.hasPrefix($0) }) { return nil }
        // Runs of digits, each with whether an X follows it directly (and ends the word).
        var runs: [(digits: String, x: Bool)] = []
        var run = ""
        let chars = Array(name)
        for (i, ch) in chars.enumerated() {
            if ch.isASCII && ch.isNumber {
                run.append(ch)
                continue
            }
            if !run.isEmpty {
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                let x = (ch == "X" || ch == "x") && !(next.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false)
                runs.append((run, x))
                run = ""
            }
        }
        if !run.isEmpty { runs.append((run, false)) }
        var best: String?
        for (i, r) in runs.enumerated() where r.digits.count >= 4 {
            if isTimestamp(r.digits) { continue }
            // A date followed by a time of day (20240601_123456, 2024-06-01 12.34.56 has no long run).
            if isDate(r.digits), i + 1 < runs.count, isTime(runs[i + 1].digits) { continue }
            if i > 0, isDate(runs[i - 1].digits), isTime(r.digits) { continue }
            let id = r.digits + (r.x ? "X" : "")
            if id.count > (best?.count ?? 0) { best = id }
        }
        return best
    }

    /// How the names of camera and app pictures start (lower case).
    static let cameraPrefixes = [
        "img", "image", "dsc", "dcim", "pxl", "mvimg", "vid", "mmexport", "wx_camera", "wechatimg", "screenshot",
        "photo_", "pic_", "mtxx", "retouch_", "qq图片", "微信图片", "截图", "屏幕截图",
    ]

    /// yyyyMMdd with a plausible year, month and day.
    static func isDate(_ digits: String) -> Bool {
        guard digits.count == 8, let v = Int(digits) else { return false }
        let y = v / 10000, m = v / 100 % 100, d = v % 100
        return (1990...2099).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }

    /// HHmmss, optionally followed by milliseconds (PXL_20240601_123456789).
    static func isTime(_ digits: String) -> Bool {
        guard (6...9).contains(digits.count), let v = Int(digits.prefix(6)) else { return false }
        return v / 10000 < 24 && v / 100 % 100 < 60 && v % 100 < 60
    }

    /// yyyyMMddHHmmss, or milliseconds since 1970 between 2010 and 2040.
    static func isTimestamp(_ digits: String) -> Bool {
        if digits.count == 14 { return isDate(String(digits.prefix(8))) && isTime(String(digits.suffix(6))) }
        if digits.count == 13, let v = Int(digits) { return (1_262_304_000_000...2_208_988_800_000).contains(v) }
        return false
    }

    /// The file name without folders and extension.
    static func stem(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
