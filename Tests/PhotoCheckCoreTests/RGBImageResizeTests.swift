import PhotoCheckImage
import Testing

/// Shrinking averages each output pixel's source span and rounds in whole numbers (the rounded
/// mean (sum + n/2) / n); enlarging blends the nearest pixels bilinearly.
@Suite struct RGBImageResizeTests {
    @Test(arguments: [(7, 5, 3, 2), (480, 640, 216, 150), (640, 480, 1, 1), (1000, 9, 7, 1), (33, 33, 32, 32)])
    func shrinkingGivesTheRoundedMeanOfEachSpan(size: (Int, Int, Int, Int)) {
        let (w, h, nw, nh) = size
        var state: UInt64 = UInt64(w * 7 + h)
        let pixels = (0..<(w * h * 3)).map { i -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Mostly near-white (sums near 255·n, where rounding is tightest) and some noise.
            return i % 5 == 0 ? UInt8(truncatingIfNeeded: state >> 56) : 254 + UInt8(state >> 63)
        }
        let image = RGBImage(width: w, height: h, pixels: pixels)
        let small = image.resized(width: nw, height: nh)
        let xs = AreaSpans.along(count: nw, scale: Double(w) / Double(nw), sourceSize: w)
        let ys = AreaSpans.along(count: nh, scale: Double(h) / Double(nh), sourceSize: h)
        var mismatches = 0
        for oy in 0..<nh {
            for ox in 0..<nw {
                for c in 0..<3 {
                    var sum = 0
                    for y in ys[oy].start..<ys[oy].end {
                        for x in xs[ox].start..<xs[ox].end { sum += Int(pixels[(y * w + x) * 3 + c]) }
                    }
                    let n = (xs[ox].end - xs[ox].start) * (ys[oy].end - ys[oy].start)
                    if Int(small.pixels[(oy * nw + ox) * 3 + c]) != (sum + n / 2) / n { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0, "\(w)×\(h) → \(nw)×\(nh)")
    }

    /// Enlarging blends the two nearest source pixels each way around the output pixel's centre,
    /// clamped at the edges, rounded to the nearest whole value.
    @Test(arguments: [(2, 3, 5, 7), (48, 64, 480, 640), (7, 5, 8, 5)])
    func enlargingBlendsTheNearestPixels(size: (Int, Int, Int, Int)) {
        let (w, h, nw, nh) = size
        let pixels = (0..<(w * h * 3)).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
        let big = RGBImage(width: w, height: h, pixels: pixels).resized(width: nw, height: nh)
        let sx = Double(w) / Double(nw), sy = Double(h) / Double(nh)
        var mismatches = 0
        for oy in 0..<nh {
            for ox in 0..<nw {
                let fx = max(0, min(Double(w - 1), (Double(ox) + 0.5) * sx - 0.5))
                let fy = max(0, min(Double(h - 1), (Double(oy) + 0.5) * sy - 0.5))
                let x0 = Int(fx), y0 = Int(fy), x1 = min(w - 1, x0 + 1), y1 = min(h - 1, y0 + 1)
                let ax = fx - Double(x0), ay = fy - Double(y0)
                for c in 0..<3 {
                    func p(_ x: Int, _ y: Int) -> Double { Double(pixels[(y * w + x) * 3 + c]) }
                    let v = (p(x0, y0) * (1 - ax) + p(x1, y0) * ax) * (1 - ay) + (p(x0, y1) * (1 - ax) + p(x1, y1) * ax) * ay
                    if big.pixels[(oy * nw + ox) * 3 + c] != UInt8(max(0, min(255, v.rounded()))) { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0, "\(w)×\(h) → \(nw)×\(nh)")
    }
}
