/// The bands a measured value is judged against: inside the pass band passes, inside the warn band
/// warns, anywhere else gets `beyond` (normally `fail`; `warn` for checks that never fail).
///
/// A missing bound is open. The warn band should contain the pass band; a value in the pass band
/// passes whatever the warn band says.
public struct Limit: Sendable, Equatable, Codable {
    public var pass: Band
    public var warn: Band?
    public var beyond: Status

    public init(pass: Band, warn: Band? = nil, beyond: Status = .fail) {
        self.pass = pass
        self.warn = warn
        self.beyond = beyond
    }

    /// A closed interval with optional ends.
    public struct Band: Sendable, Equatable, Codable {
        public var min: Double?
        public var max: Double?

        public init(min: Double? = nil, max: Double? = nil) {
            self.min = min
            self.max = max
        }

        public func contains(_ value: Double) -> Bool {
            if let min, value < min { return false }
            if let max, value > max { return false }
            return true
        }
    }

    public static func atMost(_ passMax: Double, warnMax: Double? = nil, beyond: Status = .fail) -> Limit {
        Limit(pass: Band(max: passMax), warn: warnMax.map { Band(max: $0) }, beyond: beyond)
    }

    public static func atLeast(_ passMin: Double, warnMin: Double? = nil, beyond: Status = .fail) -> Limit {
        Limit(pass: Band(min: passMin), warn: warnMin.map { Band(min: $0) }, beyond: beyond)
    }

    public static func within(_ lower: Double, _ upper: Double, warn: Band? = nil, beyond: Status = .fail) -> Limit {
        Limit(pass: Band(min: lower, max: upper), warn: warn, beyond: beyond)
    }

    /// The one place where a measurement and a limit become a status.
    public func status(for value: Double) -> Status {
        if !value.isFinite { return .skip }
        if pass.contains(value) { return .pass }
        if let warn, warn.contains(value) { return .warn }
        return beyond
    }

    /// A geometry limit of the profile's 480×640 frame scaled to a photo's size (the spec: by
    /// width/480 or height/640), its bounds rounded to whole pixels so messages read "141–309 px".
    public func scaled(by factor: Double) -> Limit {
        // A photo of the profile's own size is judged by the profile's own numbers (159.3 px stays
        // 159.3: rounding would move the edge of a band given in fractions of the frame).
        if factor == 1 { return self }
        func scale(_ band: Band) -> Band {
            Band(min: band.min.map { ($0 * factor).rounded() }, max: band.max.map { ($0 * factor).rounded() })
        }
        return Limit(pass: scale(pass), warn: warn.map(scale), beyond: beyond)
    }

    /// Every bound carried from a frame side of `old` px to one of `new` px, unrounded (a profile's
    /// limits carried to another frame: 24 px of 480 is 7.2 px of 144).
    public func rescaled(from old: Int, to new: Int) -> Limit {
        func carry(_ x: Double) -> Double { x * Double(new) / Double(old) }
        func scale(_ band: Band) -> Band { Band(min: band.min.map(carry), max: band.max.map(carry)) }
        return Limit(pass: scale(pass), warn: warn.map(scale), beyond: beyond)
    }

    /// The limit as a message quotes it for `value`: "limit ≤ 5°" when the value passes or fails;
    /// for a value that only warns, that it is outside the target and tolerated ("above the 5°
    /// target, tolerated up to 7°"), so a warning never reads as a failure. `unit` follows each
    /// number ("°", " px", "%"); `scale` converts the limit's numbers to the shown ones (100 for
    /// ratios shown as %).
    public func requirement(for value: Double, unit: String = "", scale: Double = 1) -> Localized {
        func show(_ x: Double) -> String { Self.describe(Band(min: x * scale, max: x * scale)) + unit }
        let scaledPass = Band(min: pass.min.map { $0 * scale }, max: pass.max.map { $0 * scale })
        let target = Self.describe(scaledPass) + unit
        guard status(for: value) == .warn else { return Localized(zh: "要求 \(target)", en: "limit \(target)") }
        if let max = pass.max, value > max {
            if let warnMax = warn?.max, value <= warnMax {
                return Localized(
                    zh: "超过 \(show(max)) 的标准,可容忍至 \(show(warnMax))", en: "above the \(show(max)) target, tolerated up to \(show(warnMax))")
            }
            return Localized(zh: "超过 \(show(max)) 的标准,此项只提醒", en: "above the \(show(max)) target; a warning, not a failure")
        }
        if let min = pass.min, value < min {
            if let warnMin = warn?.min, value >= warnMin {
                return Localized(
                    zh: "低于 \(show(min)) 的标准,可容忍至 \(show(warnMin))", en: "below the \(show(min)) target, tolerated down to \(show(warnMin))")
            }
            return Localized(zh: "低于 \(show(min)) 的标准,此项只提醒", en: "below the \(show(min)) target; a warning, not a failure")
        }
        return Localized(zh: "标准 \(target),此项只提醒", en: "target \(target); a warning, not a failure")
    }

    /// "200–300", "≥ 60", "≤ 3" for messages.
    public var passDescription: String { Self.describe(pass) }

    public static func describe(_ band: Band) -> String {
        // Scaled pixel limits carry fractions nobody needs to read: fewer decimals for larger numbers.
        func show(_ value: Double) -> String {
            formatNumber(value, digits: abs(value) >= 100 ? 0 : abs(value) >= 10 ? 1 : 2)
        }
        switch (band.min, band.max) {
        case let (lo?, hi?) where lo == hi: return show(lo)
        case let (lo?, hi?): return "\(show(lo))–\(show(hi))"
        case let (lo?, nil): return "≥ \(show(lo))"
        case let (nil, hi?): return "≤ \(show(hi))"
        case (nil, nil): return "any"
        }
    }
}

/// A number as people read it: no trailing ".0", at most `digits` decimals.
public func formatNumber(_ value: Double, digits: Int = 2) -> String {
    if !value.isFinite { return "n/a" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    var text = String(rounded)
    if text.contains("e") { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
