import Foundation
import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// One known defect each, built from a real reference photo framed to the standard (blue backdrop,
/// white T-shirt): each is caught by its check, and the untouched photo passes every photometric
/// check.
@Suite struct PhotometricDefectTests {
    static let photometricChecks = [
        "background.colour", "background.uniformity", "background.shadow", "image.border", "clothing.contrast",
        "clothing.pattern", "light.exposure", "light.symmetry", "light.highlights", "eyes.red_eye",
        "glasses.reflection", "colour.cast", "focus.sharpness", "focus.upscaled",
    ]

    let base: RGBImage

    init() throws {
        base = try DefectBuilders.load("real/frll-005-blue-480x640.jpg")
    }

    func report(_ image: RGBImage) throws -> PhotoReport {
        checkPhoto(path: "defect.jpg", bytes: try DefectBuilders.jpeg(image))
    }

    @Test func untouchedPhotoPassesEveryPhotometricCheck() throws {
        let r = try report(base)
        for check in Self.photometricChecks {
            #expect(r.status(check) == .pass, "\(check): \(r.finding(check).message.en)")
        }
        #expect(try #require(r.finding("background.colour").value("delta_e2000")) < 3)
        #expect(try #require(r.finding("clothing.contrast").value("delta_e2000")) > 20)
        #expect(abs(try #require(r.finding("light.symmetry").value("cheek_luma_ratio")) - 1) < 0.05)
        #expect(r.finding("glasses.reflection").value("glasses_present") == 0)
    }

    @Test func greyBackdropRecolouredToTheReferenceBluePasses() throws {
        let grey = try DefectBuilders.load("real/frll-005-grey-480x640.jpg")
        let before = try report(grey).finding("background.colour")
        #expect(before.status == .warn)
        #expect(abs(try #require(before.value("delta_e2000")) - 21.2) < 1.5)
        let after = try report(DefectBuilders.recolouredBackground(grey, to: (100, 197, 255))).finding("background.colour")
        #expect(after.status == .pass)
        #expect(try #require(after.value("delta_e2000")) < 5)
    }

    @Test func backdropRecolouredDarkFails() throws {
        let grey = try DefectBuilders.load("real/frll-005-grey-480x640.jpg")
        let f = try report(DefectBuilders.recolouredBackground(grey, to: (60, 60, 66))).finding("background.colour")
        #expect(f.status == .fail)
        #expect(try #require(f.value("lightness_l")) < 40)
    }

    @Test func lightRampIsOneSidedLight() throws {
        let r = try report(DefectBuilders.lightRamp(base))
        let f = r.finding("light.symmetry")
        #expect(f.status == .fail)
        #expect(try #require(f.value("cheek_luma_ratio")) < 0.8)
        #expect(f.message.zh.contains("阴阳脸"))
        // The same ramp darkens the backdrop on one side: a gradient.
        #expect(r.status("background.uniformity") == .fail)
        #expect(try #require(r.finding("background.uniformity").value("gradient_delta_l")) > 25)
    }

    @Test func shadowBesideTheSilhouetteIsCaught() throws {
        let f = try report(DefectBuilders.shadowed(base, width: 30, gain: 0.8)).finding("background.shadow")
        #expect(f.status == .fail)
        #expect(try #require(f.value("band_delta_l")) < -6)
    }

    @Test func warmColourCastIsCaught() throws {
        let f = try report(DefectBuilders.colourCast(base)).finding("colour.cast")
        #expect(f.status == .fail)
        #expect(try #require(f.value("neutral_b")) > 15)
    }

    @Test func blurIsCaughtBySharpness() throws {
        let f = try report(DefectBuilders.blurred(base)).finding("focus.sharpness")
        #expect(f.status == .fail)
        #expect(try #require(f.value("face_detail_ratio")) < 0.4)
        #expect(f.message.zh.contains("照片清晰度不合格"))
    }

    @Test func enlargementFrom120x160IsCaught() throws {
        let r = try report(DefectBuilders.enlarged(base))
        #expect(r.status("focus.upscaled") == .warn)
        #expect(r.status("focus.sharpness") == .fail)
    }

    @Test func blackBorderIsCaught() throws {
        let f = try report(DefectBuilders.bordered(base)).finding("image.border")
        #expect(f.status == .fail)
        #expect(f.value("border_left_px") == 12)
    }

    @Test func shirtInTheBackdropColourIsCaught() throws {
        let f = try report(DefectBuilders.recolouredShirt(base, to: (100, 197, 255))).finding("clothing.contrast")
        #expect(f.status == .fail)
        #expect(try #require(f.value("delta_e2000")) < 5)
        #expect(f.message.zh.contains("黑边检测不合格"))
    }

    /// The face's landmarks on the base photo, found by the checker's own analysis.
    func geometry(_ image: RGBImage) throws -> FaceGeometry {
        let context = AnalysisContext(profile: .chsi2017, options: CheckOptions())
        let photo = PhotoAnalysis(path: "base.jpg", bytes: try DefectBuilders.jpeg(image), context: context)
        return try photo.face()
    }

    func paintDisc(_ image: inout RGBImage, at centre: Point, radius: Double, _ rgb: (UInt8, UInt8, UInt8)) {
        for y in Int(centre.y - radius)...Int(centre.y + radius) {
            for x in Int(centre.x - radius)...Int(centre.x + radius) {
                let dx = Double(x) - centre.x, dy = Double(y) - centre.y
                if dx * dx + dy * dy <= radius * radius { image.setPixel(x, y, rgb) }
            }
        }
    }

    @Test func redPupilsAreRedEye() throws {
        let face = try geometry(base)
        var image = base
        for pupil in [face.leftPupil, face.rightPupil] { paintDisc(&image, at: pupil, radius: 4, (205, 30, 35)) }
        let f = try report(image).finding("eyes.red_eye")
        #expect(f.status == .fail)
        #expect(try #require(f.value("pupil_red_ratio")) > 0.5)
    }

    @Test func clippedSpotOnTheForeheadIsAHighlight() throws {
        let face = try geometry(base)
        var image = base
        let r = face.forehead
        paintDisc(&image, at: Point(x: Double(r.x + r.width / 2), y: Double(r.y + r.height / 2)), radius: Double(r.height) * 0.45, (255, 255, 255))
        let f = try report(image).finding("light.highlights")
        #expect(f.status != .pass)
        #expect(try #require(f.value("worst_region_clipped_ratio")) > 0.02)
    }
}
