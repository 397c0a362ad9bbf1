import PhotoCheckCore
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
