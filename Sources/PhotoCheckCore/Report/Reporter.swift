/// Turns reports into text. Reporters are pure: same input, same bytes.
public protocol Reporter: Sendable {
    func render(_ reports: [PhotoReport], _ context: ReportContext) -> String
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

/// The order findings are listed in for people: failures first, then warnings, then the rest,
/// each group in profile order.
public func findingsForReading(_ findings: [Finding]) -> [Finding] {
    let rank: [Status: Int] = [.fail: 0, .warn: 1, .manual: 2, .pass: 3, .skip: 4]
    return findings.enumerated().sorted { a, b in
        let ra = rank[a.element.status]!, rb = rank[b.element.status]!
        return ra != rb ? ra < rb : a.offset < b.offset
    }.map(\.element)
}
