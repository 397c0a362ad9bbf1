/// Every rule photocheck has, one explicit list per area. A check of the profile without a rule here
/// is reported as `skip` ("not implemented"), so coverage is always visible.
public enum RuleRegistry {
    public static let rules: [any Rule] =
        FileRules.all + EditRules.all + FaceRules.all + PhotometricRules.all + ManualRules.all

    public static let byCheck: [CheckID: any Rule] = Dictionary(
        rules.map { (type(of: $0).check, $0) }, uniquingKeysWith: { first, _ in first })

    public static func rule(for check: CheckID) -> (any Rule)? { byCheck[check] }

    /// Parameters the shared analysis reads (not one rule's): the face detector's score floor.
    public static let analysisParameters: [ParameterSpec] = [ParameterSpec("face.score_floor", 0...10)]

    /// Every limit some rule reads, by key: a profile limit outside this list is a typo.
    public static let limitSpecs: [String: LimitSpec] = Dictionary(
        rules.flatMap { type(of: $0).limits }.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every parameter the rules and the analysis read, by key.
    public static let parameterSpecs: [String: ParameterSpec] = Dictionary(
        (rules.flatMap { type(of: $0).parameters } + analysisParameters).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
}
