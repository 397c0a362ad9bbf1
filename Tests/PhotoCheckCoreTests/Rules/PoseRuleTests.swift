import PhotoCheckCore
import PhotoCheckTestSupport
import Testing

import func Foundation.tan

/// pose.roll and pose.yaw on given faces (chsi-2017: roll ≤ 5° passes, ≤ 7° warns; yaw ≤ 8°
/// passes, ≤ 12° warns; beyond fails).
@Suite struct RollRuleTests {
    static let limit = Limit.atMost(5, warnMax: 7)

    static func finding(roll: Double) -> Finding {
        GivenPhoto.finding("pose.roll", GivenPhoto.photo(face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240, roll: roll)))
    }

    @Test func aLevelishPupilLinePasses() {
        let finding = Self.finding(roll: 3)
        expectFinding(
            finding, "pose.roll", .pass, [Measurement("roll_deg", 3, limit: Self.limit), Measurement("roll_signed_deg", 3)],
            zh: "双眼连线倾斜 3°(允许 ≤ 5°)", en: "Pupil line tilts 3° (allowed ≤ 5°)")
        // The line measured is the one between the pupils.
        guard case .line(let a, let b) = finding.marks.first?.shape else {
            Issue.record("no pupil line")
            return
        }
        #expect(abs((b.y - a.y) / (b.x - a.x) - tan(3 * Double.pi / 180)) < 1e-9)
    }

    @Test func aSlightTiltWarns() {
        expectFinding(
            Self.finding(roll: 6), "pose.roll", .warn, [Measurement("roll_deg", 6, limit: Self.limit), Measurement("roll_signed_deg", 6)],
            zh: "双眼连线倾斜 6°(画面右侧偏低),超过 5° 的标准,可容忍至 7°",
            en: "The pupil line tilts 6° (lower on the picture's right); above the 5° target, tolerated up to 7°",
            hint: Localized(
                zh: "头部摆正:把画面右侧的眼睛抬高,使双眼水平;拍摄时保持相机水平",
                en: "Straighten your head: raise the eye on the picture's right until both eyes are level, and hold the camera level"))
    }

    @Test func aTiltedHeadFails() {
        expectFinding(
            Self.finding(roll: -9), "pose.roll", .fail, [Measurement("roll_deg", 9, limit: Self.limit), Measurement("roll_signed_deg", -9)],
            zh: "瞳孔平行角度不合格:双眼连线倾斜 9°(画面左侧偏低),要求 ≤ 5°",
            en: "The pupil line tilts 9° (lower on the picture's left); limit ≤ 5°",
            hint: Localized(
                zh: "头部摆正:把画面左侧的眼睛抬高,使双眼水平;拍摄时保持相机水平",
                en: "Straighten your head: raise the eye on the picture's left until both eyes are level, and hold the camera level"))
    }
}

@Suite struct YawRuleTests {
    static let limit = Limit.atMost(8, warnMax: 12)

    static func finding(yaw: Double) -> Finding {
        GivenPhoto.finding("pose.yaw", GivenPhoto.photo(face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240, yaw: yaw)))
    }

    @Test func aFrontalFacePasses() {
        expectFinding(
            Self.finding(yaw: 4), "pose.yaw", .pass, [Measurement("yaw_deg", 4, limit: Self.limit), Measurement("yaw_signed_deg", 4)],
            zh: "头部转动约 4°(允许 ≤ 8°)", en: "Head turn about 4° (allowed ≤ 8°)")
    }

    @Test func aSlightTurnWarns() {
        expectFinding(
            Self.finding(yaw: 10), "pose.yaw", .warn, [Measurement("yaw_deg", 10, limit: Self.limit), Measurement("yaw_signed_deg", 10)],
            zh: "头部略有转动:约向画面右侧转动 10°,超过 8° 的标准,可容忍至 12°",
            en: "The head is turned about 10° towards the picture's right; above the 8° target, tolerated up to 12°",
            hint: Localized(
                zh: "正对镜头:把脸向画面左侧转回,两耳对称可见",
                en: "Face the camera: turn your face back towards the picture's left until both ears show equally"))
    }

    @Test func aTurnedHeadFails() {
        expectFinding(
            Self.finding(yaw: -15), "pose.yaw", .fail, [Measurement("yaw_deg", 15, limit: Self.limit), Measurement("yaw_signed_deg", -15)],
            zh: "头部未正对镜头:约向画面左侧转动 15°,要求 ≤ 8°",
            en: "The head is turned about 15° towards the picture's left; limit ≤ 8°",
            hint: Localized(
                zh: "正对镜头:把脸向画面右侧转回,两耳对称可见",
                en: "Face the camera: turn your face back towards the picture's right until both ears show equally"))
    }
}
