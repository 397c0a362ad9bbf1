/// Why `fix` will not repair a photo: no lawful crop and scale can make it meet the standard, so
/// the student has to take a new one. Names the check that blocks the fix.
public struct FixRefusal: Error, Sendable, Equatable {
    /// The check (a spec check id) the fixed photo could not pass.
    public var check: CheckID
    /// What is wrong and what to do, in both languages.
    public var reason: Localized

    public init(check: CheckID, reason: Localized) {
        self.check = check
        self.reason = reason
    }

    public init(check: CheckID, zh: String, en: String) {
        self.init(check: check, reason: Localized(zh: zh, en: en))
    }
}
