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
            Self.advice(backdrop: background.median, profile: photo.profile, limit: limit.pass.min ?? 20)
        }
    }

    /// What to wear against this photo's backdrop: named after the profile's reference colour it
    /// is (light blue, white, light grey) or "the backdrop"; white is suggested only where white
    /// stands out from it (a white top on a light grey or white backdrop does not), and the colours
    /// to avoid are the backdrop's own.
    static func advice(backdrop: Lab, profile: Profile, limit: Double) -> Localized {
        func lab(_ r: BackgroundReference) -> Lab { Colour.lab(UInt8(clamping: r.red), UInt8(clamping: r.green), UInt8(clamping: r.blue)) }
        let white = Colour.lab(255, 255, 255)
        let whiteStandsOut = Colour.deltaE2000(backdrop, white) >= limit
        let nearest = profile.backgrounds.min { Colour.deltaE2000(backdrop, lab($0)) < Colour.deltaE2000(backdrop, lab($1)) }
        let named = nearest.flatMap { Colour.deltaE2000(backdrop, lab($0)) <= 10 ? $0 : nil }
        let suggest = whiteStandsOut ? Localized(zh: "深色或白色", en: "dark or white") : Localized(zh: "深色", en: "dark")
        guard let named else {
            return Localized(
                zh: "换一件与背景反差明显的上衣(\(suggest.zh),不要与背景相近的颜色)",
                en: "Wear a top that contrasts with the backdrop (\(suggest.en), not a colour like the backdrop's)")
        }
        let chroma = max(named.red, named.green, named.blue) - min(named.red, named.green, named.blue)
        let avoid: Localized
        if chroma > 40 {
            // A coloured backdrop: not its hue ("浅蓝" → "蓝色", "light blue" → "blue").
            let hue = named.name.zh.hasPrefix("浅") ? String(named.name.zh.dropFirst()) : named.name.zh
            let hueEn = named.name.en.hasPrefix("light ") ? String(named.name.en.dropFirst(6)) : named.name.en
            avoid = Localized(zh: hue + "色", en: hueEn)
        } else if min(named.red, named.green, named.blue) >= 245 {
            avoid = Localized(zh: "白色或浅色", en: "white or pale")
        } else {
            avoid = Localized(zh: "白色或\(named.name.zh)色", en: "white or \(named.name.en)")
        }
        let adjective = named.name.en.replacingOccurrences(of: " ", with: "-")
        return Localized(
            zh: "换一件与\(named.name.zh)背景反差明显的上衣(\(suggest.zh),不要\(avoid.zh))",
            en: "Wear a top that contrasts with the \(adjective) backdrop (\(suggest.en), not \(avoid.en))")
    }
}
