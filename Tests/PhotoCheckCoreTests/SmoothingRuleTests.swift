import PhotoCheckDecoding
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

@Suite struct SmoothingRuleTests {
    static func finding(_ name: String) throws -> Finding {
        checkPhoto(path: name, bytes: try TestPaths.fixtureBytes(name), only: ["edit.smoothing"]).finding("edit.smoothing")
    }

    /// Real, unfiltered photos: a clean studio reference and a busy, noisy press photo both show
    /// skin texture well above the picture's own reference level.
    @Test(arguments: ["real/frll-005-grey-480x640.jpg", "real/frll-005-blue-480x640.jpg", "real/speech-mouth-open-microphone.jpg"])
    func realSkinIsNatural(_ name: String) throws {
        let f = try Self.finding(name)
        #expect(f.status == .pass)
        #expect(try #require(f.value("skin_to_reference_ratio")) > 1.5)
    }

    /// The same face before and after a bilateral filter: skin texture falls to under a third,
    /// the rest of the picture keeps its noise floor, and the finding warns (never fails).
    @Test func bilateralFilterIsSuspectedNotAccused() throws {
        let before = try Self.finding("edit/original-005.jpg")
        let after = try Self.finding("edit/smoothed-face-005.jpg")
        let skinBefore = try #require(before.value("skin_texture_levels"))
        let skinAfter = try #require(after.value("skin_texture_levels"))
        #expect(skinAfter < skinBefore / 3)
        let noiseBefore = try #require(before.value("noise_floor_levels"))
        let noiseAfter = try #require(after.value("noise_floor_levels"))
        #expect(abs(noiseAfter - noiseBefore) < 0.05)
        #expect(after.status == .warn)
        #expect(after.message.zh.contains("美颜"))
    }

    /// Without a single clean face there is nothing to judge: skip with the reason.
    @Test func noFaceSkips() throws {
        let f = try Self.finding("file/greyscale.jpg")
        #expect(f.status == .pass || f.status == .skip)
        let blank = RGBImage(width: 480, height: 640, fill: (100, 197, 255))
        let bytes = try JPEGEncoder().encode(blank, quality: 90)
        let report = checkPhoto(path: "blank.jpg", bytes: bytes, only: ["edit.smoothing"])
        #expect(report.status("edit.smoothing") == .skip)
    }
}
