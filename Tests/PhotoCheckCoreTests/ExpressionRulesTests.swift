import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// face.eyes_open and face.mouth_closed on real photos.
@Suite struct ExpressionRulesTests {
    @Test(arguments: ["frll-005-grey-480x640.jpg", "frll-087-grey-480x640.jpg"])
    func neutralFacesHaveOpenEyesAndClosedLips(name: String) throws {
        let photo = SharedAnalyser.shared.real(name)
        #expect(photo.status("face.eyes_open") == .pass)
        #expect(photo.status("face.mouth_closed") == .pass)
        // 005 is the narrow, heavy-lidded subject (0.24); open eyes stay well above 0.18.
        #expect((photo.value("face.eyes_open", "left_eye_aspect_ratio") ?? 0) > 0.2)
        #expect((photo.value("face.eyes_open", "right_eye_aspect_ratio") ?? 0) > 0.2)
        #expect((photo.value("face.mouth_closed", "lip_gap_ratio") ?? 1) < 0.03)
        #expect((photo.value("face.mouth_closed", "teeth_visible_pct") ?? 100) < 1)
    }

    @Test func aSmileWithTeethFailsMouthClosed() throws {
        let smile = SharedAnalyser.shared.real("frll-smiling-teeth-plain-grey-bg-02.jpg")
        #expect(smile.status("face.mouth_closed") == .fail)
        let teeth = try #require(smile.value("face.mouth_closed", "teeth_visible_pct"))
        #expect(teeth > 10)
        let gap = try #require(smile.value("face.mouth_closed", "lip_gap_ratio"))
        #expect(gap > 0.08)
        #expect(smile.finding("face.mouth_closed")?.message.zh.contains("露齿") == true)
        // The eyes of a broad smile are narrower but open.
        #expect(smile.status("face.eyes_open") == .pass)
    }

    @Test func eyeAspectRatioOfAClosedEyeIsSmall() throws {
        // Corner, two upper, corner, two lower points of an eye 30 px wide and 2 px open.
        let closed: [Point] = [
            Point(x: 0, y: 0), Point(x: 10, y: -1), Point(x: 20, y: -1), Point(x: 30, y: 0), Point(x: 20, y: 1), Point(x: 10, y: 1),
        ]
        #expect(abs(FaceGeometry.eyeAspectRatio(closed[...]) - 2.0 / 30) < 1e-9)
        let limit = try Profile.chsi2017.limit("face.eyes_open")
        #expect(limit.status(for: FaceGeometry.eyeAspectRatio(closed[...])) == .fail)
    }
}

/// Teeth in a small, warm, blocky web copy: the FRLL teeth smile fitted into a 320 px wide 3:4
/// frame (a mouth about 75 px wide once enlarged), saved at JPEG quality 50, enlarged to 480×640
/// and warmed. The teeth are off-yellow there; judged against the lips and cheeks they still count,
/// while closed mouths put through the same treatment stay closed.
@Suite struct TeethInWebCopiesTests {
    static func webCopy(_ name: String, warmth: (Double, Double) = (1.08, 0.85)) throws -> AnalysedPhoto {
        let image = try DefectBuilders.webCopy(try DefectBuilders.load("real/\(name)"), warmth: warmth)
        return SharedAnalyser.shared.picture(image, name: "web-\(name)-\(warmth.0)")
    }

    @Test(arguments: [(1.0, 1.0), (1.08, 0.85), (1.15, 0.75)])
    func teethInAWebCopyFailMouthClosed(warmth: (Double, Double)) throws {
        let copy = try Self.webCopy("frll-smiling-teeth-plain-grey-bg-02.jpg", warmth: warmth)
        let face = try #require(copy.face)
        #expect(face.faceWidth < 200)  // a small face: the mouth is about 75 px wide
        let teeth = try #require(copy.value("face.mouth_closed", "teeth_visible_pct"))
        // Measured 22.9-30; the bright-and-colourless test found 0.1-2.1 here.
        #expect(teeth > 10)
        #expect(copy.status("face.mouth_closed") == .fail)
        let message = try #require(copy.finding("face.mouth_closed")?.message)
        #expect(message.en.hasPrefix("Teeth showing"))
        #expect(message.zh.contains("露齿"))
    }

    @Test(arguments: [
        "frll-smiling-plain-grey-bg-01.jpg", "frll-neutral-plain-grey-bg-05.jpg", "frll-neutral-plain-grey-bg-06.jpg",
        "frll-005-grey-480x640.jpg", "frll-008-blue-480x640.jpg", "frll-021-grey-480x640.jpg", "frll-067-blue-480x640.jpg",
        "frll-087-grey-480x640.jpg",
    ])
    func closedMouthsStayClosed(name: String) throws {
        for photo in [SharedAnalyser.shared.real(name), try Self.webCopy(name)] {
            #expect(photo.status("face.mouth_closed") == .pass, "\(name)")
            #expect((photo.value("face.mouth_closed", "teeth_visible_pct") ?? 100) < 1, "\(name)")
        }
    }
}
