/// One measured quantity of a photo: a key that ends in its unit (`eye_line_y_px`), a value, and
/// the limit it is judged against (none for values reported for information).
public struct Measurement: Sendable, Equatable {
    public var key: String
    public var value: Double
    public var limit: Limit?

    public init(_ key: String, _ value: Double, limit: Limit? = nil) {
        self.key = key
        self.value = value
        self.limit = limit
    }

    /// The status this value earns against its limit; `pass` for informational values.
    public var status: Status {
        limit?.status(for: value) ?? .pass
    }
}
