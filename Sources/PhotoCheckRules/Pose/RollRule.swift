import PhotoCheckAnalysis
import PhotoCheckModel

/// pose.roll: angle of the pupil line.
struct RollRule: Rule {
    static let check: CheckID = "pose.roll"
    static let description = RuleDescription(
        check, "CHSI-2.2", title: Localized(zh: "头部倾斜", en: "Head tilt (roll)"),
        summary: Localized(zh: "双眼瞳孔连线的倾斜角", en: "angle of the line through the pupils"))
    static let limits: [LimitSpec] = [LimitSpec("pose.roll", 0...90)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let roll = face.rollDegrees
        let limit = try photo.profile.limit("pose.roll")
        let measurements = [
            Measurement("roll_deg", (abs(roll) * 10).rounded() / 10, limit: limit),
            Measurement("roll_signed_deg", (roll * 10).rounded() / 10),
        ]
        let a = formatNumber(abs(roll), digits: 1)
        // Positive roll: the pupil on the picture's right is lower.
        let lowSide = roll > 0 ? Localized(zh: "右", en: "right") : Localized(zh: "左", en: "left")
        let region = FaceRuleText.region([face.leftPupil, face.rightPupil], grow: face.faceWidth * 0.1)
        let marks = [Mark(.line(from: face.leftPupil, to: face.rightPupil), .measured)]
        return judged(measurements, region: region, marks: marks) { status in
            status == .pass
                ? Localized(zh: "双眼连线倾斜 \(a)°(允许 \(limit.passDescription)°)", en: "Pupil line tilts \(a)° (allowed \(limit.passDescription)°)")
                : Localized(
                    zh:
                        "\(status == .fail ? "瞳孔平行角度不合格:" : "")双眼连线倾斜 \(a)°(画面\(lowSide.zh)侧偏低),\(limit.requirement(for: measurements[0].value, unit: "°").zh)",
                    en:
                        "The pupil line tilts \(a)° (lower on the picture's \(lowSide.en)); \(limit.requirement(for: measurements[0].value, unit: "°").en)"
                )
        } hint: { _ in
            Localized(
                zh: "头部摆正:把画面\(lowSide.zh)侧的眼睛抬高,使双眼水平;拍摄时保持相机水平",
                en: "Straighten your head: raise the eye on the picture's \(lowSide.en) until both eyes are level, and hold the camera level")
        }
    }
}
