/// A limit a rule reads from its profile, and the values its bounds may take. A profile is
/// checked against these when it is loaded, so a missing, unknown or impossible limit is an error
/// that names the key, never a crash in the middle of a batch.
public struct LimitSpec: Sendable, Equatable {
    /// What the allowed range is a share of: nothing (absolute values), or the profile's frame.
    public enum Scale: Sendable, Equatable {
        case absolute, frameWidth, frameHeight
    }

    public let key: String
    /// The values a bound may take; for `frameWidth`/`frameHeight`, as a share of that side.
    public let range: ClosedRange<Double>
    public let scale: Scale

    public init(_ key: String, _ range: ClosedRange<Double>, scale: Scale = .absolute) {
        self.key = key
        self.range = range
        self.scale = scale
    }

    /// The allowed range for a profile whose frame is `width`×`height`.
    public func range(width: Int, height: Int) -> ClosedRange<Double> {
        switch scale {
        case .absolute: range
        case .frameWidth: (range.lowerBound * Double(width))...(range.upperBound * Double(width))
        case .frameHeight: (range.lowerBound * Double(height))...(range.upperBound * Double(height))
        }
    }
}

/// A tunable number a rule or the analysis reads (`parameters` in a profile), with the values it
/// may take: a tile size of 0 would divide by zero, so it is refused when the profile is loaded.
public struct ParameterSpec: Sendable, Equatable {
    public let key: String
    public let range: ClosedRange<Double>

    public init(_ key: String, _ range: ClosedRange<Double>) {
        self.key = key
        self.range = range
    }
}
