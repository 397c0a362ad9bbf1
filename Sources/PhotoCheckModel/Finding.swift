/// A stable check identifier from the profile's specification, such as `framing.eye_line`.
public typealias CheckID = String

/// Text in the two languages photocheck speaks.
public struct Localized: Sendable, Equatable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }
}

/// The language of the output.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en
}

/// What one check says about one photo.
public struct Finding: Sendable, Equatable {
    public var check: CheckID
    public var clause: String
    public var status: Status
    public var measurements: [Measurement]
    public var message: Localized
    /// What to change; nil when there is nothing to do.
    public var hint: Localized?
    /// The part of the picture the finding is about, in displayed-image pixels.
    public var region: PixelRect?
    /// What the check judged, as geometry on the picture (bands, the lines it measured, what it
    /// looked at), for the annotated picture. No report prints it.
    public var marks: [Mark]

    /// A finding of `check` under `clause` (the clause of the standard the check enforces, from
    /// the rule's own description).
    public init(
        check: CheckID, clause: String, status: Status, measurements: [Measurement] = [], message: Localized,
        hint: Localized? = nil, region: PixelRect? = nil, marks: [Mark] = []
    ) {
        self.check = check
        self.clause = clause
        self.status = status
        self.measurements = measurements
        self.message = message
        self.hint = hint
        self.region = region
        self.marks = marks
    }

    /// A finding whose status is the worst status of its measurements against their limits:
    /// rules state values and limits, never comparisons.
    public static func judged(
        _ check: CheckID, clause: String, _ measurements: [Measurement], region: PixelRect? = nil, marks: [Mark] = [],
        message: (Status) -> Localized, hint: (Status) -> Localized?
    ) -> Finding {
        let status = measurements.map(\.status).reduce(Status.pass, Status.worst)
        return Finding(
            check: check, clause: clause, status: status, measurements: measurements, message: message(status),
            hint: status == .pass ? nil : hint(status), region: region, marks: marks)
    }

    /// A check that could not be measured, with the reason.
    public static func skip(_ check: CheckID, clause: String, _ reason: Localized) -> Finding {
        Finding(check: check, clause: clause, status: .skip, message: reason)
    }
}
