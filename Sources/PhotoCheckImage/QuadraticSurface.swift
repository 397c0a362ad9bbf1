/// Least-squares fit of a smooth colour model over the picture: each channel is a quadratic in
/// normalised coordinates (x, y in −1…1), with terms 1, x, y, x², y², xy. The backdrop model of the
/// person mask and the backdrop statistics both use it, on RGB and on CIELAB samples.
package enum QuadraticSurface {
    package static let termCount = 6

    /// Pixel index → −1…1 across `size` pixels.
    package static func normalised(_ v: Int, _ size: Int) -> Double {
        size <= 1 ? 0 : 2 * Double(v) / Double(size - 1) - 1
    }

    /// The terms 1, x, y, x², y², xy (two unused lanes; a vector, so nothing is allocated).
    @inline(__always)
    package static func terms(_ x: Double, _ y: Double) -> SIMD8<Double> {
        SIMD8(1, x, y, x * x, y * y, x * y, 0, 0)
    }

    package static func evaluate(_ coefficients: [SIMD3<Double>], _ x: Double, _ y: Double) -> SIMD3<Double> {
        let t = terms(x, y)
        var sum = SIMD3<Double>(0, 0, 0)
        for k in 0..<termCount { sum += coefficients[k] * t[k] }
        return sum
    }

    /// Normal equations solved with partial pivoting; nil when they are singular.
    package static func fit(_ samples: [(x: Double, y: Double, value: SIMD3<Double>)]) -> [SIMD3<Double>]? {
        fit(count: samples.count) { i in samples[i] }
    }

    /// The fit over `count` samples read through `sample` (no intermediate array): the normal
    /// equations are accumulated in a flat 6×6 buffer, a few million times a batch.
    package static func fit(count: Int, _ sample: (Int) -> (x: Double, y: Double, value: SIMD3<Double>)) -> [SIMD3<Double>]? {
        let n = termCount
        var ata = [Double](repeating: 0, count: n * n)
        var atb = [SIMD3<Double>](repeating: .zero, count: n)
        ata.withUnsafeMutableBufferPointer { m in
            atb.withUnsafeMutableBufferPointer { v in
                for index in 0..<count {
                    let s = sample(index)
                    let t = terms(s.x, s.y)
                    for i in 0..<n {
                        for j in 0..<n { m[i * n + j] += t[i] * t[j] }
                        v[i] += s.value * t[i]
                    }
                }
            }
        }
        // A light ridge keeps unsupported terms (e.g. no side samples) near zero instead of wild.
        let ridge = 1e-3 * Double(count)
        for i in 1..<n { ata[i * n + i] += ridge }
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(ata[$0 * n + col]) < abs(ata[$1 * n + col]) }),
                abs(ata[pivot * n + col]) > 1e-12
            else { return nil }
            if pivot != col {
                for k in 0..<n { ata.swapAt(col * n + k, pivot * n + k) }
                atb.swapAt(col, pivot)
            }
            for row in 0..<n where row != col {
                let f = ata[row * n + col] / ata[col * n + col]
                if f == 0 { continue }
                for k in col..<n { ata[row * n + k] -= f * ata[col * n + k] }
                atb[row] -= atb[col] * f
            }
        }
        return (0..<n).map { atb[$0] / ata[$0 * n + $0] }
    }
}
