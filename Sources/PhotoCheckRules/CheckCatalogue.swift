import PhotoCheckModel

/// Every check photocheck has, in the specification's order: the descriptions the rules carry
/// (`Rule.description`), gathered from the registry. This is the specification's table of checks;
/// `photocheck rules` lists it.
public enum CheckCatalogue {
    public static func description(of check: CheckID) -> RuleDescription? {
        byID[check]
    }

    public static let all: [RuleDescription] = RuleRegistry.rules.map { type(of: $0).description }

    private static let byID: [CheckID: RuleDescription] = Dictionary(
        all.map { ($0.check, $0) }, uniquingKeysWith: { first, _ in first })
}
