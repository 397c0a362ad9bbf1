/// What a check is: its stable id, the clause of the standard it enforces, and a one-line
/// explanation. This is the specification's table of checks in code; `photocheck rules` lists it.
public struct RuleDescription: Sendable, Equatable {
    public let check: CheckID
    public let clause: String
    public let title: Localized
    /// What is measured, in one line.
    public let summary: Localized

    public init(_ check: CheckID, _ clause: String, title: Localized, summary: Localized) {
        self.check = check
        self.clause = clause
        self.title = title
        self.summary = summary
    }
}
