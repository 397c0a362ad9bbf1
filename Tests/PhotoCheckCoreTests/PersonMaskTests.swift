import PhotoCheckCore
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
}
