/// Estimates the quality setting that produced a JPEG's quantisation tables.
///
/// Two estimates agree on files made by libjpeg (IJG tables scaled the way `jpeg_set_quality`
/// does it) and differ on other encoders' tables:
/// - the IJG inversion: for every quality 1…100 the standard tables (ITU T.81 Annex K) are scaled
///   like libjpeg and the nearest luminance table wins; its distance says how "IJG" the file is.
/// - the ImageMagick estimate (what `identify -format %Q` prints): compare the sum of all tables and
///   the sum of four sentinel coefficients with the same two numbers of the IJG tables at every
///   quality, and take the first quality the file is not finer than. Its reference numbers are
///   derived here from the IJG scaling itself (they equal ImageMagick's published table).
///
/// `quality` is the IJG quality when the tables are exactly IJG, otherwise ImageMagick's estimate,
/// so photocheck and ImageMagick report the same number for Photoshop, Lightroom and camera tables.
public enum QualityEstimator {
    /// The estimate and how far the file's table is from the IJG table at that quality.
    public struct Estimate: Sendable, Equatable {
        public let quality: Int
        /// Mean absolute difference per coefficient between the luminance table and the nearest
        /// IJG table; 0 means the file uses IJG tables exactly.
        public let meanDifference: Double
        /// The nearest IJG quality (equal to `quality` when the tables are IJG).
        public let ijgQuality: Int
        public var isExactIJG: Bool { meanDifference == 0 }

        public init(quality: Int, meanDifference: Double, ijgQuality: Int? = nil) {
            self.quality = quality
            self.meanDifference = meanDifference
            self.ijgQuality = ijgQuality ?? quality
        }
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

    static let luminanceTables: [[UInt16]] = (1...100).map { ijgTable(standardLuminance, quality: $0) }
    static let chrominanceTables: [[UInt16]] = (1...100).map { ijgTable(standardChrominance, quality: $0) }

    /// Natural-order positions of ImageMagick's sentinel coefficients: luminance (0,2) and (6,5),
    /// chrominance (0,0) and (7,7).
    static let luminanceSentinels = [2, 53]
    static let chrominanceSentinels = [0, 63]

    /// Per quality 1…100: (sentinel sum, table sum) of the IJG tables, for colour (two tables)
    /// and greyscale (one table) files.
    private static let colourReference: [(sentinel: Int, sum: Int)] = (0..<100).map { i in
        let l = luminanceTables[i].map(Int.init), c = chrominanceTables[i].map(Int.init)
        return (
            luminanceSentinels.map { l[$0] }.reduce(0, +) + chrominanceSentinels.map { c[$0] }.reduce(0, +),
            l.reduce(0, +) + c.reduce(0, +)
        )
    }
    private static let greyReference: [(sentinel: Int, sum: Int)] = (0..<100).map { i in
        let l = luminanceTables[i].map(Int.init)
        return (luminanceSentinels.map { l[$0] }.reduce(0, +), l.reduce(0, +))
    }

    /// The IJG inversion of a luminance table alone.
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

    /// The estimate for a file's tables by slot id (0…3): the IJG quality when the tables are
    /// exactly IJG's, else ImageMagick's estimate (else the nearest IJG quality).
    public static func estimate(tables: [Int: [UInt16]]) -> Estimate? {
        guard let luminance = tables[0] ?? tables.min(by: { $0.key < $1.key })?.value, luminance.count == 64 else {
            return nil
        }
        let ijg = estimate(luminance: luminance)
        if ijg.isExactIJG { return ijg }
        let quality = imageMagickQuality(tables: tables) ?? ijg.quality
        return Estimate(quality: quality, meanDifference: ijg.meanDifference, ijgQuality: ijg.quality)
    }

    /// The quality ImageMagick's `identify` reports for these tables, or nil where its heuristic
    /// gives no answer (tables much coarser than IJG's at the same sums).
    public static func imageMagickQuality(tables: [Int: [UInt16]]) -> Int? {
        let slots = (0..<4).compactMap { tables[$0] }.filter { $0.count == 64 }
        guard let luminance = tables[0], luminance.count == 64 else { return nil }
        let sum = slots.reduce(0) { $0 + $1.reduce(0) { $0 + Int($1) } }
        var sentinel = luminanceSentinels.map { Int(luminance[$0]) }.reduce(0, +)
        let reference: [(sentinel: Int, sum: Int)]
        if let chrominance = tables[1], chrominance.count == 64 {
            sentinel += chrominanceSentinels.map { Int(chrominance[$0]) }.reduce(0, +)
            reference = colourReference
        } else {
            reference = greyReference
        }
        for i in 0..<100 {
            // Finer than the IJG tables at quality i+1 in both numbers: keep looking higher.
            if sentinel < reference[i].sentinel && sum < reference[i].sum { continue }
            if (sentinel <= reference[i].sentinel && sum <= reference[i].sum) || i >= 50 { return i + 1 }
            return nil
        }
        return nil
    }
}

extension JPEGFile {
    /// The quantisation tables by slot id, natural order.
    public var quantTableValues: [Int: [UInt16]] {
        quantTables.mapValues(\.values)
    }
}
