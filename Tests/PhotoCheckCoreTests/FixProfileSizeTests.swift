import Foundation
import PhotoCheckCore
import PhotoCheckDecoding
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// `fix --profile` gives the profile's own file: GA 461's 358×441 has no whole aspect step, and its
/// crop must still be chosen freely enough to frame the face in its bands.
@Suite struct FixProfileSizeTests {
    @Test func ga461GivesA358By441PhotoFramedToItsBands() throws {
        let profile = try Profile.builtIn(named: "ga461")
        let bytes = try TestPaths.fixtureBytes("real/frll-005-blue-480x640.jpg")
        let outcome = PhotoFixer(profile: profile).fix(path: "me.jpg", bytes: bytes)
        #expect(outcome.report.fix?.refusal == nil, "\(String(describing: outcome.report.fix?.refusal))")
        let fixed = try #require(outcome.fixedBytes)
        let decoded = try JPEGDecoder().decode(fixed)
        #expect(decoded.image.width == 358 && decoded.image.height == 441)
        let crop = try #require(outcome.plan?.crop)
        // The crop keeps the aspect to within half a pixel of width.
        #expect(abs(Double(crop.width) - Double(crop.height) * 358 / 441) <= 0.5)
        for check in ["file.dimensions", "framing.face_width", "framing.eye_line", "framing.centring"] {
            #expect(outcome.report.status(check) == .pass, "\(check): \(outcome.report.finding(check).message.en)")
        }
    }

    /// The whole-step crops of a 3:4 profile are unchanged: every crop is a multiple of 3×4.
    @Test func chsiCropsStayWholeMultiples() {
        let sizes = FramingPlanner.cropSizes(profileWidth: 480, profileHeight: 640, width: 1350, height: 1350, maxEnlargement: 1.25)
        #expect(!sizes.isEmpty)
        #expect(sizes.allSatisfy { $0.0 * 4 == $0.1 * 3 && $0.0 <= 1350 && $0.1 <= 1350 })
        let ga = FramingPlanner.cropSizes(profileWidth: 358, profileHeight: 441, width: 480, height: 640, maxEnlargement: 1.25)
        #expect(ga.count > 100)
        #expect(ga.allSatisfy { $0.0 <= 480 && $0.1 <= 640 })
    }
}

/// A photo already at the profile's size and inside every band keeps its framing: the crop is the
/// whole picture at scale 1, so no pixel of the face is resampled.
@Suite struct FixKeepsACompliantPhotoTests {
    @Test func aCompliantPhotoIsNotCroppedOrScaled() throws {
        let bytes = try TestPaths.fixtureBytes("real/frll-005-blue-480x640.jpg")
        let outcome = PhotoFixer(profile: .chsi2017).fix(path: "me.jpg", bytes: bytes)
        let plan = try #require(outcome.plan)
        #expect(plan.crop == PixelRect(x: 0, y: 0, width: 480, height: 640))
        #expect(plan.scale == 1)
        #expect(outcome.report.verdict == .pass)
    }
}

/// Profiles that judge the head's height (cet, icao) are framed to it: the crop is chosen so that
/// chin to crown fills the profile's band, and the fixed file passes every framing check of the
/// profile when it is checked again. Before, the planner framed to chsi-2017's face-width and
/// eye-line numbers, which these profiles inherit but do not judge, and the head came out 60–62%.
@Suite struct FixHeadHeightTests {
    static let photos = ["real/frll-005-blue-480x640.jpg", "real/frll-067-grey-480x640.jpg", "real/frll-neutral-plain-grey-bg-05.jpg"]

    @Test(arguments: ["cet", "icao"], photos)
    func theFixedPhotoPassesTheProfilesFraming(profileName: String, photo: String) throws {
        let profile = try Profile.builtIn(named: profileName)
        let outcome = PhotoFixer(profile: profile).fix(path: "me.jpg", bytes: try TestPaths.fixtureBytes(photo))
        #expect(outcome.report.fix?.refusal == nil, "\(String(describing: outcome.report.fix?.refusal?.reason.en))")
        let framing = profile.checks.filter { $0.hasPrefix("framing.") && $0 != "framing.shoulders" }
        #expect(framing.contains("framing.head_height"))
        for check in framing + ["file.dimensions"] {
            #expect(outcome.report.status(check) == .pass, "\(profileName) \(photo) \(check): \(outcome.report.finding(check).message.en)")
        }
        let retake = outcome.report.fix?.retake ?? []
        #expect(!retake.contains("framing.head_height"))
        let pct = try #require(outcome.plan?.predicted.headHeightPct)
        let band = try #require(profile.limits["framing.head_height"]?.pass)
        #expect(pct > band.min! && pct < band.max!)
    }

    /// A face whose head cannot reach the band in any crop (the head fills only 40% of a picture
    /// too small to crop tighter without enlarging past the limit) is refused by the check that
    /// blocks, not framed wrongly.
    @Test func aHeadTooSmallToFrameIsRefusedNamingItsCheck() throws {
        let planner = FramingPlanner(profile: try Profile.builtIn(named: "icao"))
        // A 413×531 picture whose head is 40% of the height: 70% would need a 1.75× enlargement.
        let face = FaceFrame(eyeLineY: 200, faceWidth: 120, faceCentreX: 206, headTopY: 120, headHeight: 212)
        guard case .failure(let refusal) = planner.plan(face, width: 413, height: 531) else {
            Issue.record("planned a crop that would blur")
            return
        }
        #expect(refusal.check == "focus.sharpness")
        #expect(refusal.reason.en.contains("head (chin to crown)"))
    }

    /// A head too large for the frame: even the whole picture leaves it over 80%.
    @Test func aHeadTooLargeIsRefusedByHeadHeight() throws {
        let planner = FramingPlanner(profile: try Profile.builtIn(named: "icao"))
        let face = FaceFrame(eyeLineY: 250, faceWidth: 300, faceCentreX: 206, headTopY: 20, headHeight: 480)
        guard case .failure(let refusal) = planner.plan(face, width: 413, height: 531) else {
            Issue.record("planned a crop with the head over 80%")
            return
        }
        #expect(refusal.check == "framing.head_height")
        #expect(refusal.reason.en.contains("too large"))
    }

    /// cet judges the margin above the head and the head's height, not the eye line or the face
    /// width: a planned crop puts both judged positions inside their bands, whatever chsi-2017's
    /// inherited eye-line numbers say.
    @Test func cetIsFramedToItsOwnBandsOnly() throws {
        let planner = FramingPlanner(profile: try Profile.builtIn(named: "cet"))
        let face = FaceFrame(eyeLineY: 900, faceWidth: 500, faceCentreX: 1500, headTopY: 500, headHeight: 950)
        let plan = try planner.plan(face, width: 3000, height: 4000).get()
        #expect((9.6...28.8).contains(plan.predicted.headTopY))
        #expect((65...75).contains(try #require(plan.predicted.headHeightPct)))
        #expect(plan.crop.width * 4 == plan.crop.height * 3)
    }
}

/// A profile that sets only a minimum size (cet: at least 144×192) keeps the crop's own pixels:
/// shrunk to the minimum, the face is about 60 px wide and `focus.sharpness` warns.
@Suite struct FixOutputSizeTests {
    @Test(arguments: ["real/frll-005-blue-480x640.jpg", "real/frll-021-blue-480x640.jpg"])
    func cetKeepsTheCropsSize(photo: String) throws {
        let profile = try Profile.builtIn(named: "cet")
        let outcome = PhotoFixer(profile: profile).fix(path: "me.jpg", bytes: try TestPaths.fixtureBytes(photo))
        let fixed = try #require(outcome.fixedBytes)
        let picture = try JPEGDecoder().decode(fixed).image
        let crop = try #require(outcome.plan?.crop)
        #expect(picture.width == crop.width && picture.height == crop.height)
        #expect(picture.width > 144 && picture.width * 4 == picture.height * 3)
        #expect(outcome.report.fix?.outputWidth == picture.width && outcome.report.fix?.outputHeight == picture.height)
        #expect(outcome.plan?.scale == 1)
        for check in ["file.dimensions", "file.size", "focus.sharpness"] {
            #expect(outcome.report.status(check) == .pass, "\(check): \(outcome.report.finding(check).message.en)")
        }
    }

    /// A large photo's crop would not fit cet's 200 KB at a good quality: the output steps down
    /// until it does, staying at 3:4 and above the minimum.
    @Test func aLargeCropStaysInsideTheFileSizeBand() throws {
        let profile = try Profile.builtIn(named: "cet")
        let outcome = PhotoFixer(profile: profile).fix(path: "me.jpg", bytes: try TestPaths.fixtureBytes("real/frll-neutral-plain-grey-bg-05.jpg"))
        let fixed = try #require(outcome.fixedBytes)
        let picture = try JPEGDecoder().decode(fixed).image
        #expect(fixed.count <= 200 * 1024 && fixed.count >= 20 * 1024)
        #expect(picture.width >= 144 && picture.width * 4 == picture.height * 3)
        let quality = try #require(outcome.quality), cropHeight = try #require(outcome.plan?.crop.height)
        #expect(quality >= 85)
        #expect(picture.height <= cropHeight)
        #expect(outcome.report.status("file.size") == .pass && outcome.report.status("file.dimensions") == .pass)
    }

    /// Exact-size profiles always get their size; a minimum-size profile's smaller steps keep the
    /// aspect and stop at the minimum.
    @Test func outputSizes() throws {
        let cet = try Profile.builtIn(named: "cet")
        #expect(PhotoFixer.outputSize(.chsi2017, crop: PixelRect(x: 0, y: 0, width: 900, height: 1200)) == (480, 640))
        #expect(PhotoFixer.outputSize(cet, crop: PixelRect(x: 0, y: 0, width: 900, height: 1200)) == (900, 1200))
        #expect(PhotoFixer.outputSize(cet, crop: PixelRect(x: 0, y: 0, width: 120, height: 160)) == (144, 192))
        var size = (width: 900, height: 1200)
        var steps = 0
        while let next = PhotoFixer.smallerOutput(cet, width: size.width, height: size.height) {
            #expect(next.height < size.height && next.width * 4 == next.height * 3 && next.height >= 192)
            size = next
            steps += 1
        }
        #expect(size == (144, 192) && steps > 3)
        #expect(PhotoFixer.smallerOutput(.chsi2017, width: 480, height: 640) == nil)
    }
}
