/// The outcome of one check on one photo.
///
/// `skip`: could not be measured (the reason is in the message). `manual`: only a human can judge.
public enum Status: String, Codable, Sendable, CaseIterable {
    case pass, warn, fail, skip, manual

    /// How much a status weighs in a photo's verdict: fail > warn > everything else.
    public var severity: Int {
        switch self {
        case .fail: 2
        case .warn: 1
        case .pass, .skip, .manual: 0
        }
    }

    /// The more severe of two statuses; on a tie the first wins.
    public static func worst(_ a: Status, _ b: Status) -> Status {
        b.severity > a.severity ? b : a
    }
}

/// A photo's overall result: the worst of its findings, or `error` when the file could not be read.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case pass, warn, fail, error

    public init(findings: [Finding]) {
        let worst = findings.map(\.status).max { $0.severity < $1.severity }
        switch worst {
        case .fail: self = .fail
        case .warn: self = .warn
        default: self = .pass
        }
    }
}
