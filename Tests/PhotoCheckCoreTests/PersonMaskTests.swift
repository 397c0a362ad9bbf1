import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckTestSupport
import Testing

/// The person mask on a plain backdrop, a vignetted synthetic picture and a busy selfie.
@Suite struct PersonMaskTests {
    @Test func referencePhotoMask() throws {
        let photo = SharedAnalyser.shared.real("frll-005-grey-480x640.jpg")
        let mask = try #require(photo.mask)
        let face = try #require(photo.face)
        #expect(mask.width == 480 && mask.height == 640)
        #expect(mask.isReliable)
        #expect(mask.backgroundSpread < 6)
        // The grey backdrop: README quotes no value for the crops; the originals are ≈ (182,186,185).
        #expect(abs(Double(mask.backgroundMedian.x) - Double(mask.backgroundMedian.y)) < 8)
        let top = try #require(mask.headTopY)
        #expect(abs(top - 78) <= 5)
        #expect(mask.contains(Int(face.faceCentreX), Int(face.eyeLineY)))
        #expect(mask.contains(240, 630))  // the shirt at the bottom
        #expect(!mask.contains(5, 5) && !mask.contains(474, 5) && !mask.contains(10, 300) && !mask.contains(470, 300))
        #expect(mask.personShare > 0.35 && mask.personShare < 0.7)
    }

    @Test func vignettedBackdropWithoutAFace() {
        // A light backdrop darkening towards the corners by 40 levels, a dark head and body.
        var image = RGBImage(width: 300, height: 400)
        var truth = [Bool](repeating: false, count: 300 * 400)
        for y in 0..<400 {
            for x in 0..<300 {
                let dx = Double(x - 150) / 150, dy = Double(y - 200) / 200
                let fall: Double = 40 * (dx * dx + dy * dy) / 2
                let v = UInt8(210 - fall)
                let hx: Double = Double(x - 150) / 60, hy: Double = Double(y - 150) / 80
                let inHead = hx * hx + hy * hy <= 1
                let inNeck = y >= 200 && y < 260 && abs(x - 150) <= 30
                let inBody = y >= 260 && abs(x - 150) <= 120
                truth[y * 300 + x] = inHead || inNeck || inBody
                image.setPixel(x, y, truth[y * 300 + x] ? (60, 45, 40) : (v, v &+ 2, v &+ 4))
            }
        }
        let mask = PersonMask(image: image, face: nil)
        #expect(mask.backgroundSpread < 5)
        #expect(mask.contains(150, 150) && mask.contains(150, 390) && mask.contains(40, 300))
        #expect(!mask.contains(2, 2) && !mask.contains(297, 2) && !mask.contains(10, 200) && !mask.contains(290, 240))
        let wrong = zip(mask.isPerson, truth).filter { $0 != $1 }.count
        #expect(wrong == 0)
    }

    @Test func aBusyBackgroundDoesNotClaimTheWholePicture() throws {
        let selfie = SharedAnalyser.shared.real("selfie-head-tilted-busy-bg-03.jpg")
        let mask = try #require(selfie.mask)
        #expect(mask.personShare < 0.95)
        let face = try #require(selfie.face)
        #expect(mask.contains(Int(face.faceCentreX), Int(face.eyeLineY)))
    }
    /// The mode of the border samples counted on distinct colours equals the plain count over
    /// every sample (first of equals winning), on clustered, spread and tied samples.
    @Test(arguments: [1, 7, 299, 300, 301, 4000])
    func densestColourEqualsThePlainCount(_ count: Int) {
        var state = UInt64(count)
        func next(_ range: Int) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int(state >> 33) % range)
        }
        for spread in [3, 30, 256] {
            let values = (0..<count).map { i -> SIMD3<Double> in
                // Two clusters (a backdrop and hair) with noise of ±spread/2.
                let base: SIMD3<Double> = i % 3 == 0 ? [40, 30, 25] : [180, 190, 200]
                return SIMD3(
                    min(255, max(0, base.x + next(spread) - Double(spread / 2))), min(255, max(0, base.y + next(spread) - Double(spread / 2))),
                    min(255, max(0, base.z + next(spread) - Double(spread / 2))))
            }
            // The plain count: every candidate against every sample.
            let step = max(1, values.count / 300)
            var best = values[0], bestCount = -1
            for i in stride(from: 0, to: values.count, by: step) {
                let c = values.filter { v in
                    let d =
                        SIMD3<Float>(Float(v.x), Float(v.y), Float(v.z)) - SIMD3<Float>(Float(values[i].x), Float(values[i].y), Float(values[i].z))
                    return (d * d).sum() < 400
                }.count
                if c > bestCount {
                    bestCount = c
                    best = values[i]
                }
            }
            #expect(PersonMask.densest(values) == best, "\(count) samples, spread \(spread)")
        }
        #expect(PersonMask.densest([]) == .zero)
    }
}
