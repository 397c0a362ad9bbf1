import Foundation
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckCore

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
