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

    /// Which pixels of `image` lie within `radius` of the surface `coefficients` (RGB, Euclidean):
    /// a mask in the picture's row-major order. The surface along a row is a quadratic in x, so it is
    /// evaluated row by row, four pixels at a time on vector lanes; each lane does the one-pixel
    /// loop's operations in its order, so the lanes decide as it would.
    package static func pixelsNear(_ image: RGBImage, _ coefficients: [SIMD3<Double>], within radius: Double) -> [Bool] {
        let w = image.width, h = image.height
        var near = [Bool](repeating: false, count: w * h)
        let limit2 = radius * radius
        let columns = (0..<w).map { normalised($0, w) }
        image.pixels.withUnsafeBufferPointer { px in
            near.withUnsafeMutableBufferPointer { out in
                for y in 0..<h {
                    let ny = normalised(y, h)
                    // The surface along this row: a + b·x + c·x², per channel.
                    let a = coefficients[0] + coefficients[2] * ny + coefficients[4] * ny * ny
                    let b = coefficients[1] + coefficients[5] * ny
                    let c = coefficients[3]
                    var x = 0
                    while x + 4 <= w {
                        let nx = SIMD4(columns[x], columns[x + 1], columns[x + 2], columns[x + 3])
                        let i = (y * w + x) * 3
                        let r = SIMD4(Double(px[i]), Double(px[i + 3]), Double(px[i + 6]), Double(px[i + 9]))
                        let g = SIMD4(Double(px[i + 1]), Double(px[i + 4]), Double(px[i + 7]), Double(px[i + 10]))
                        let bl = SIMD4(Double(px[i + 2]), Double(px[i + 5]), Double(px[i + 8]), Double(px[i + 11]))
                        let dr = r - (a.x + b.x * nx + c.x * nx * nx)
                        let dg = g - (a.y + b.y * nx + c.y * nx * nx)
                        let db = bl - (a.z + b.z * nx + c.z * nx * nx)
                        let lanes = dr * dr + dg * dg + db * db .< SIMD4(repeating: limit2)
                        out[y * w + x] = lanes[0]
                        out[y * w + x + 1] = lanes[1]
                        out[y * w + x + 2] = lanes[2]
                        out[y * w + x + 3] = lanes[3]
                        x += 4
                    }
                    while x < w {
                        let nx = columns[x]
                        let i = (y * w + x) * 3
                        let dr = Double(px[i]) - (a.x + b.x * nx + c.x * nx * nx)
                        let dg = Double(px[i + 1]) - (a.y + b.y * nx + c.y * nx * nx)
                        let db = Double(px[i + 2]) - (a.z + b.z * nx + c.z * nx * nx)
                        out[y * w + x] = dr * dr + dg * dg + db * db < limit2
                        x += 1
                    }
                }
            }
        }
        return near
    }
}
