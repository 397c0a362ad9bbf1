import PhotoCheckAnalysis
import PhotoCheckModel

/// light.symmetry: median luma of the image-left cheek over the image-right cheek (阴阳脸).
struct LightSymmetryRule: Rule {
    static let check: CheckID = "light.symmetry"
    static let description = RuleDescription(
        check, "CHSI-3.1", title: Localized(zh: "阴阳脸", en: "Light symmetry"),
        summary: Localized(zh: "左右脸颊亮度比", en: "left/right cheek brightness ratio"))
    static let limits: [LimitSpec] = [LimitSpec("light.symmetry", 0...10)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let s = try photo.faceStatistics()
        guard s.rightCheekLuma > 0, s.leftCheekLuma.isFinite, s.rightCheekLuma.isFinite else {
            throw SkipReason(zh: "脸颊区域无法测量", en: "the cheeks cannot be measured")
        }
        let ratio = s.leftCheekLuma / s.rightCheekLuma
        let limit = try photo.profile.limit("light.symmetry")
        let r = formatNumber(ratio, digits: 2)
        let darkerSide = ratio < 1 ? Localized(zh: "左", en: "left") : Localized(zh: "右", en: "right")
        return judged(
            [
                Measurement("cheek_luma_ratio", ratio, limit: limit), Measurement("left_cheek_luma", s.leftCheekLuma),
                Measurement("right_cheek_luma", s.rightCheekLuma),
            ],
            region: face.leftCheek
        ) { status in
            status == .pass
                ? Localized(zh: "左右脸光线均匀(亮度比 \(r))", en: "Even light on both cheeks (ratio \(r))")
                : Localized(
                    zh: "阴阳脸:左右脸颊亮度比 \(r)(\(limit.requirement(for: ratio).zh)),画面\(darkerSide.zh)侧的脸偏暗",
                    en:
                        "One-sided light: cheek brightness ratio \(r) (\(limit.requirement(for: ratio).en)); the face is darker on the picture's \(darkerSide.en)"
                )
        } hint: { _ in
            Localized(
                zh: "在画面\(darkerSide.zh)侧补一盏灯或反光板,或正对窗户拍摄",
                en: "Add a light or reflector on the picture's \(darkerSide.en) side, or face the window squarely")
        }
    }
}
