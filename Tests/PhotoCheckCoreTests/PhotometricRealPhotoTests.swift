import Foundation
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// The photometric checks on real photos (Fixtures/real, credits in Fixtures/README.md), with the
/// values measured when the limits were calibrated.
@Suite struct PhotometricRealPhotoTests {
    func report(_ name: String) throws -> PhotoReport {
        checkPhoto(path: name, bytes: try TestPaths.fixtureBytes("real/" + name))
    }

    @Test(arguments: ["frll-neutral-plain-grey-bg-05.jpg", "frll-neutral-plain-grey-bg-06.jpg"])
    func studioPortraitPassesLightColourAndFocusAndWarnsOnTheGreyBackdrop(_ name: String) throws {
        let r = try report(name)
        for check in [
            "light.exposure", "light.symmetry", "light.highlights", "focus.sharpness", "focus.upscaled", "colour.cast", "eyes.red_eye",
            "image.border",
        ] {
            #expect(r.status(check) == .pass, "\(name) \(check): \(r.finding(check).message.en)")
        }
        let background = r.finding("background.colour")
        #expect(background.status == .warn)
        let distance = try #require(background.value("delta_e2000"))
        #expect(distance > 20 && distance < 24, "light grey, ΔE2000 about 22 from the reference blue: \(distance)")
        #expect(try #require(background.value("lightness_l")) > 80)
    }

    /// Fairness: the dark-skinned subject's skin is dark (median luma 91, far below the light-skinned
    /// subjects' 140–160), but her eye whites (159) show the exposure is right.
    @Test func correctlyExposedDarkSkinIsNotCalledUnderExposed() throws {
        let f = try report("frll-neutral-plain-grey-bg-05.jpg").finding("light.exposure")
        #expect(f.status == .pass)
        let median = try #require(f.value("face_median_luma"))
        #expect(median > 80 && median < 100)
        #expect(try #require(f.value("eye_white_luma")) > 145)
        #expect(try #require(f.value("face_reference_luma")) >= 140)
    }

    /// Fairness: a pale face above a white T-shirt is bright (median luma 157) but not clipped.
    @Test func paleFaceOnAWhiteShirtIsNotCalledOverExposed() throws {
        let f = try report("frll-neutral-plain-grey-bg-06.jpg").finding("light.exposure")
        #expect(f.status == .pass)
        #expect(try #require(f.value("face_median_luma")) > 150)
        #expect(try #require(f.value("clipped_share_ratio")) < 0.005)
        #expect(try #require(f.value("face_p05_luma")) < 130)
    }

    @Test func dimSelfieIsUnderExposedWithAWarmCastAndABusyBackdrop() throws {
        let r = try report("selfie-head-tilted-busy-bg-03.jpg")
        let exposure = r.finding("light.exposure")
        #expect(exposure.status != .pass)
        #expect(try #require(exposure.value("face_reference_luma")) < 110)
        #expect(try #require(exposure.value("eye_white_luma")) < 80)
        #expect(r.status("colour.cast") != .pass)
        #expect(try #require(r.finding("colour.cast").value("neutral_b")) > 12)
        #expect(r.status("background.uniformity") == .fail)
    }

    @Test func glassesAreRecognised() throws {
        let r = try report("hat-glasses-flag-bg.jpg")
        let glasses = r.finding("glasses.reflection")
        #expect(glasses.value("glasses_present") == 1)
        #expect(try #require(glasses.value("bridge_contrast_luma")) > 35)
        #expect(glasses.message.en.contains("Glasses detected"))
        // The sky-blue half of the backdrop does not make it a blue backdrop: the flag makes it busy.
        #expect(r.status("background.uniformity") == .fail)
        #expect(r.status("eyes.red_eye") == .pass)
        // Without glasses, nothing is found on the bridge.
        let none = try report("frll-neutral-plain-grey-bg-05.jpg").finding("glasses.reflection")
        #expect(none.value("glasses_present") == 0)
        #expect(try #require(none.value("bridge_contrast_luma")) < 20)
    }

    @Test func darkBackdropFails() throws {
        let f = try report("portrait-dark-grey-bg-ccby.jpg").finding("background.colour")
        #expect(f.status == .fail)
        let lightness = try #require(f.value("lightness_l"))
        #expect(lightness > 5 && lightness < 40)
        #expect(f.message.en.contains("dark"))
    }

    @Test(arguments: ["frll-005-blue-480x640.jpg", "frll-021-blue-480x640.jpg"])
    func referenceBlueBackdropPasses(_ name: String) throws {
        let f = try report(name).finding("background.colour")
        #expect(f.status == .pass)
        #expect(try #require(f.value("delta_e2000")) < 2)
    }

    /// The bald subject (frll-021): the forehead box stops below the hairline, so the scalp's shine
    /// is not counted as a highlight on the face.
    @Test func baldScalpShineIsNotAFaceHighlight() throws {
        let f = try report("frll-021-grey-480x640.jpg").finding("light.highlights")
        #expect(f.status == .pass)
        #expect(try #require(f.value("worst_region_clipped_ratio")) < 0.005)
    }
}
