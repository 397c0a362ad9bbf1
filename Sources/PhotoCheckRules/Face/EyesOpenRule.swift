import PhotoCheckAnalysis
import PhotoCheckModel

/// face.eyes_open: eye aspect ratio (opening / width) of each eye.
struct EyesOpenRule: Rule {
    static let check: CheckID = "face.eyes_open"
    static let description = RuleDescription(
        check, "CHSI-2.2", title: Localized(zh: "双眼睁开", en: "Eyes open"),
        summary: Localized(zh: "每只眼睛的睁开程度(眼睛纵横比)", en: "eye opening (eye aspect ratio) of each eye"))
    static let limits: [LimitSpec] = [LimitSpec("face.eyes_open", 0...10)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let ratios = face.eyeAspectRatios
        let limit = try photo.profile.limit("face.eyes_open")
        let measurements = [
            Measurement("left_eye_aspect_ratio", (ratios.left * 1000).rounded() / 1000, limit: limit),
            Measurement("right_eye_aspect_ratio", (ratios.right * 1000).rounded() / 1000, limit: limit),
        ]
        let l = formatNumber(ratios.left, digits: 2), r = formatNumber(ratios.right, digits: 2)
        let region = FaceRuleText.region(Array(face.face.landmarks[36...47]), grow: face.faceWidth * 0.05)
        return judged(measurements, region: region) { status in
            switch status {
            case .pass:
                return Localized(
                    zh: "双眼睁开(睁眼比 左 \(l)、右 \(r),要求 \(limit.passDescription))",
                    en: "Both eyes open (aspect ratio left \(l), right \(r); needs \(limit.passDescription))")
            case .warn:
                return Localized(
                    zh: "眼睛睁得不够大(睁眼比 左 \(l)、右 \(r),\(limit.requirement(for: min(measurements[0].value, measurements[1].value)).zh))",
                    en:
                        "An eye is barely open (aspect ratio left \(l), right \(r); \(limit.requirement(for: min(measurements[0].value, measurements[1].value)).en))"
                )
            default:
                return Localized(
                    zh: "双眼未睁开(睁眼比 左 \(l)、右 \(r),要求 \(limit.passDescription))",
                    en: "An eye is closed (aspect ratio left \(l), right \(r); needs \(limit.passDescription))")
            }
        } hint: { _ in
            Localized(zh: "双眼自然睁开,平视镜头,拍摄瞬间不要眨眼", en: "Open both eyes naturally and look straight into the lens; do not blink")
        }
    }
}
