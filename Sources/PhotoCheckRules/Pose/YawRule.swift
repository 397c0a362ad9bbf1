import PhotoCheckAnalysis
import PhotoCheckModel

/// pose.yaw: head turn estimated from landmark symmetry (nose between the cheeks).
struct YawRule: Rule {
    static let check: CheckID = "pose.yaw"
    static let description = RuleDescription(
        check, "CHSI-2.2", title: Localized(zh: "头部左右转动", en: "Head turn (yaw)"),
        summary: Localized(zh: "由面部特征点对称性估计的转头角度", en: "head turn estimated from landmark symmetry"))
    static let limits: [LimitSpec] = [LimitSpec("pose.yaw", 0...90)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let yaw = face.yawDegrees
        let limit = try photo.profile.limit("pose.yaw")
        let measurements = [
            Measurement("yaw_deg", (abs(yaw) * 10).rounded() / 10, limit: limit),
            Measurement("yaw_signed_deg", (yaw * 10).rounded() / 10),
        ]
        // One decimal, as measured: "8°" beside an 8° limit would not say which side it is on.
        let a = formatNumber(abs(yaw), digits: 1)
        // Positive yaw: the nose is nearer the picture's right cheek, the face turned that way.
        let side = yaw > 0 ? Localized(zh: "右", en: "right") : Localized(zh: "左", en: "left")
        let back = yaw > 0 ? Localized(zh: "左", en: "left") : Localized(zh: "右", en: "right")
        return judged(measurements, region: face.face.box) { status in
            status == .pass
                ? Localized(zh: "头部转动约 \(a)°(允许 \(limit.passDescription)°)", en: "Head turn about \(a)° (allowed \(limit.passDescription)°)")
                : Localized(
                    zh:
                        "\(status == .fail ? "头部未正对镜头" : "头部略有转动"):约向画面\(side.zh)侧转动 \(a)°,\(limit.requirement(for: measurements[0].value, unit: "°").zh)",
                    en:
                        "The head is turned about \(a)° towards the picture's \(side.en); \(limit.requirement(for: measurements[0].value, unit: "°").en)"
                )
        } hint: { _ in
            Localized(
                zh: "正对镜头:把脸向画面\(back.zh)侧转回,两耳对称可见",
                en: "Face the camera: turn your face back towards the picture's \(back.en) until both ears show equally")
        }
    }
}
