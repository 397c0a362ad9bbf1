/// Why a check could not be measured; thrown by analysis accessors, reported as `skip`.
public struct SkipReason: Error, Sendable, Equatable {
    public let message: Localized

    public init(zh: String, en: String) {
        message = Localized(zh: zh, en: en)
    }
}
