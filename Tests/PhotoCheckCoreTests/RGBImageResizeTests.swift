import Testing

@testable import PhotoCheckCore

/// Shrinking averages each output pixel's source span and rounds in whole numbers: the rounded
/// mean (sum + n/2) / n, whatever the arithmetic used to divide.
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
}
