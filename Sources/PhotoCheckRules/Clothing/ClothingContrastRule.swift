import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// clothing.contrast: ΔE2000 between the top's median colour and the backdrop's (a top the colour
/// of the backdrop merges with it: the official checker's 黑边).
struct ClothingContrastRule: Rule {
    static let check: CheckID = "clothing.contrast"
    static let description = RuleDescription(
        check, "CHSI-2.5", title: Localized(zh: "服装与背景区分", en: "Clothing contrast"),
        summary: Localized(zh: "上衣颜色与背景的色差 ΔE2000", en: "ΔE2000 between the top and the background"))
    static let limits: [LimitSpec] = [LimitSpec("clothing.contrast", 0...200)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let clothing = try photo.clothingStatistics()
        let background = try photo.backgroundStatistics()
        let distance = Colour.deltaE2000(clothing.median, background.median)
        let limit = try photo.profile.limit("clothing.contrast")
        let d = formatNumber(distance, digits: 1)
        let top = Colour.srgb(fromLab: clothing.median)
        return judged([Measurement("delta_e2000", distance, limit: limit), Measurement("clothing_l", clothing.median.L)], region: clothing.region) {
            status in
            status == .pass
                ? Localized(zh: "上衣与背景区分明显(色差 \(d))", en: "The top stands out from the backdrop (colour difference \(d))")
                : Localized(
                    zh:
                        "\(status == .fail ? "黑边检测不合格:" : "")上衣 RGB(\(top.0),\(top.1),\(top.2)) 与背景颜色太接近,色差仅 \(d)(\(limit.requirement(for: distance).zh))",
                    en:
                        "The top RGB(\(top.0),\(top.1),\(top.2)) is close to the backdrop colour: colour difference \(d) (\(limit.requirement(for: distance).en))"
                )
        } hint: { _ in
            Localized(zh: "换一件与浅蓝背景反差明显的上衣(深色或白色,不要蓝色)", en: "Wear a top that contrasts with the light-blue backdrop (dark or white, not blue)")
        }
    }
}
