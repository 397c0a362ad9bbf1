/// Least-squares fit of a smooth colour model over the picture: each channel is a quadratic in
/// normalised coordinates (x, y in −1…1), with terms 1, x, y, x², y², xy. The backdrop model of the
/// person mask and the backdrop statistics both use it, on RGB and on CIELAB samples.
enum QuadraticSurface {
    static let termCount = 6

    static func terms(_ x: Double, _ y: Double) -> [Double] {
        [1, x, y, x * x, y * y, x * y]
    }

    /// Pixel index → −1…1 across `size` pixels.
    static func normalised(_ v: Int, _ size: Int) -> Double {
        size <= 1 ? 0 : 2 * Double(v) / Double(size - 1) - 1
    }

    static func evaluate(_ coefficients: [SIMD3<Double>], _ x: Double, _ y: Double) -> SIMD3<Double> {
        let t = terms(x, y)
        var sum = SIMD3<Double>(0, 0, 0)
        for k in 0..<termCount { sum += coefficients[k] * t[k] }
        return sum
    }

    /// Normal equations solved with partial pivoting; nil when they are singular.
    static func fit(_ samples: [(x: Double, y: Double, value: SIMD3<Double>)]) -> [SIMD3<Double>]? {
        var ata = [[Double]](repeating: [Double](repeating: 0, count: termCount), count: termCount)
        var atb = [SIMD3<Double>](repeating: .zero, count: termCount)
        for s in samples {
            let t = terms(s.x, s.y)
            for i in 0..<termCount {
                for j in 0..<termCount { ata[i][j] += t[i] * t[j] }
                atb[i] += s.value * t[i]
            }
        }
        // A light ridge keeps unsupported terms (e.g. no side samples) near zero instead of wild.
        let ridge = 1e-3 * Double(samples.count)
        for i in 1..<termCount { ata[i][i] += ridge }
        for col in 0..<termCount {
            guard let pivot = (col..<termCount).max(by: { abs(ata[$0][col]) < abs(ata[$1][col]) }),
                abs(ata[pivot][col]) > 1e-12
            else { return nil }
            ata.swapAt(col, pivot)
            atb.swapAt(col, pivot)
            for row in 0..<termCount where row != col {
                let f = ata[row][col] / ata[col][col]
                if f == 0 { continue }
                for k in col..<termCount { ata[row][k] -= f * ata[col][k] }
                atb[row] -= atb[col] * f
            }
        }
        return (0..<termCount).map { atb[$0] / ata[$0][$0] }
    }
}
