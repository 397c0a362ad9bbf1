import PhotoCheckCore
import PhotoCheckTestSupport
import Testing

/// face.count on given faces (chsi-2017: exactly one face, at most 5% of it outside the picture).
@Suite struct FaceCountRuleTests {
    static let count = Limit.within(1, 1), outside = Limit.atMost(5)

    static func photo(_ faces: [DetectedFace]) -> PhotoAnalysis {
        let photo = GivenPhoto.photo(face: nil)
        photo.given(faces: faces)
        return photo
    }

    @Test func oneWholeFacePasses() {
        let face = GivenPhoto.face(eyeY: 250, width: 220, centreX: 240, score: 1.234)
        let finding = GivenPhoto.finding("face.count", Self.photo([face]))
        expectFinding(
            finding, "face.count", .pass,
            [
                Measurement("face_count", 1, limit: Self.count), Measurement("face_outside_pct", 0, limit: Self.outside),
                Measurement("face_score", 1.23),
            ],
            zh: "检测到 1 张正面人脸", en: "One frontal face found")
        #expect(finding.marks == [Mark(.box(face.box), .measured), Mark(.dots(face.landmarks), .found)])
        #expect(finding.region == face.box)
    }

    @Test func aFaceCutByTheEdgeFails() {
        let face = GivenPhoto.face(eyeY: 250, width: 220, centreX: 60, outsideShare: 0.29)
        expectFinding(
            GivenPhoto.finding("face.count", Self.photo([face])), "face.count", .fail,
            [
                Measurement("face_count", 1, limit: Self.count), Measurement("face_outside_pct", 29, limit: Self.outside),
                Measurement("face_score", 2),
            ],
            zh: "人脸约 29% 在画面之外,被边缘截断", en: "About 29% of the face is outside the picture (cut off at the edge)",
            hint: Localized(zh: "让整张脸和头部都在画面内,并居中", en: "Keep the whole face and head inside the picture, centred"))
    }

    @Test func twoFacesFail() {
        let faces = [
            GivenPhoto.face(eyeY: 250, width: 200, centreX: 140), GivenPhoto.face(eyeY: 260, width: 150, centreX: 380, score: 0.8),
        ]
        let finding = GivenPhoto.finding("face.count", Self.photo(faces))
        expectFinding(
            finding, "face.count", .fail,
            [
                Measurement("face_count", 2, limit: Self.count), Measurement("face_outside_pct", 0, limit: Self.outside),
                Measurement("face_score", 2),
            ],
            zh: "检测到 2 张人脸,照片中只能有本人", en: "2 faces found; the photo must show only you",
            hint: Localized(zh: "单独拍摄,背景中不要有其他人或人像", en: "Take the photo alone, with no other person or portrait behind you"))
        #expect(finding.marks.filter { $0.role == .measured }.count == 2)
    }

    /// No face at all is a failure of this check (the other face checks skip).
    @Test func noFaceFails() {
        expectFinding(
            GivenPhoto.finding("face.count", Self.photo([])), "face.count", .fail, [Measurement("face_count", 0, limit: Self.count)],
            zh: "未检测到正面人脸", en: "No frontal face found",
            hint: Localized(zh: "正对镜头拍摄,脸部不要被遮挡,光线充足", en: "Face the camera squarely, nothing covering the face, in good light"))
    }
}
