import PhotoCheckAnalysis
import PhotoCheckModel

/// One check of a profile. A rule is pure: it reads the shared `PhotoAnalysis` and returns its
/// finding; it never decodes, prints or reads files. It throws `SkipReason` when what it needs
/// (pixels, a face) is not there, and the checker turns that into a `skip` finding.
public protocol Rule: Sendable {
    /// The check id this rule owns (from the specification).
    static var check: CheckID { get }
    /// What the check is: its clause, titles and one-line summary (the catalogue is built from these).
    static var description: RuleDescription { get }
    /// The profile limits this rule reads (`profile.limit(key)`), with the values they may take.
    /// A profile that runs the check must have every one of them.
    static var limits: [LimitSpec] { get }
    /// The profile parameters this rule reads, with the values they may take (each has a default).
    static var parameters: [ParameterSpec] { get }
    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding
}

extension Rule {
    public static var limits: [LimitSpec] { [] }
    public static var parameters: [ParameterSpec] { [] }

    /// A finding judged from its measurements (see `Finding.judged`).
    public func judged(
        _ measurements: [Measurement], region: PixelRect? = nil, marks: [Mark] = [],
        message: (Status) -> Localized, hint: (Status) -> Localized? = { _ in nil }
    ) -> Finding {
        Finding.judged(Self.check, clause: Self.description.clause, measurements, region: region, marks: marks, message: message, hint: hint)
    }

    public func finding(
        _ status: Status, _ measurements: [Measurement] = [], message: Localized, hint: Localized? = nil,
        region: PixelRect? = nil, marks: [Mark] = []
    ) -> Finding {
        Finding(
            check: Self.check, clause: Self.description.clause, status: status, measurements: measurements, message: message, hint: hint,
            region: region, marks: marks)
    }
}
