/// Every rule photocheck has, one explicit list per area. A check of the profile without a rule here
/// is reported as `skip` ("not implemented"), so coverage is always visible.
public enum RuleRegistry {
    public static let rules: [any Rule] =
        FileRules.all + EditRules.all + FaceRules.all + PhotometricRules.all + ManualRules.all

    public static let byCheck: [CheckID: any Rule] = Dictionary(
        rules.map { (type(of: $0).check, $0) }, uniquingKeysWith: { first, _ in first })

    public static func rule(for check: CheckID) -> (any Rule)? { byCheck[check] }
}
