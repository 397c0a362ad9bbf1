/// Estimates the IJG quality setting that produced a luminance quantisation table, by inverting
/// libjpeg's quality scaling: for every quality 1…100 the standard table (ITU T.81 Annex K) is
/// scaled the way `jpeg_set_quality` does it, and the closest one wins.
public enum QualityEstimator {
    /// The estimate and how far the file's table is from the IJG table at that quality.
    public struct Estimate: Sendable, Equatable {
        public let quality: Int
        /// Mean absolute difference per coefficient; 0 means the file uses IJG tables exactly.
        public let meanDifference: Double
        public var isExactIJG: Bool { meanDifference == 0 }
    }

    /// Annex K luminance table, natural order.
    public static let standardLuminance: [UInt16] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]

    /// Annex K chrominance table, natural order.
    public static let standardChrominance: [UInt16] = [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ]

    /// The table libjpeg writes for `base` at `quality` (baseline: values clamped to 1…255).
    public static func ijgTable(_ base: [UInt16], quality: Int) -> [UInt16] {
        let q = max(1, min(100, quality))
        let scale = q < 50 ? 5000 / q : 200 - 2 * q
        return base.map { v in UInt16(max(1, min(255, (Int(v) * scale + 50) / 100))) }
    }

    private static let luminanceTables: [[UInt16]] = (1...100).map { ijgTable(standardLuminance, quality: $0) }

    public static func estimate(luminance table: [UInt16]) -> Estimate {
        precondition(table.count == 64)
        var best = Estimate(quality: 0, meanDifference: .infinity)
        // Searching from high to low quality makes ties (several qualities give the same table
        // once values clamp) resolve to the highest quality, as libjpeg users mean it.
        for quality in stride(from: 100, through: 1, by: -1) {
            let candidate = luminanceTables[quality - 1]
            var total = 0
            for i in 0..<64 { total += abs(Int(candidate[i]) - Int(table[i])) }
            let mean = Double(total) / 64
            if mean < best.meanDifference { best = Estimate(quality: quality, meanDifference: mean) }
        }
        return best
    }
}
