import PhotoCheckAnalysis
import PhotoCheckModel

/// clothing.pattern: edge density of the top at a fixed face scale (stripes, prints, letters).
struct ClothingPatternRule: Rule {
    static let check: CheckID = "clothing.pattern"
    static let description = RuleDescription(
        check, "CHSI-2.5", title: Localized(zh: "服装图案", en: "Clothing pattern"),
        summary: Localized(zh: "上衣区域的边缘密度(条纹、图案、字母)", en: "edge density in the torso region (stripes, prints, letters)"))
    static let limits: [LimitSpec] = [LimitSpec("clothing.pattern", 0...1)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let clothing = try photo.clothingStatistics()
        let limit = try photo.profile.limit("clothing.pattern")
        let v = formatNumber(clothing.edgeDensity * 100, digits: 1)
        return judged([Measurement("edge_density_ratio", clothing.edgeDensity, limit: limit)], region: clothing.region) { status in
            status == .pass
                ? Localized(zh: "上衣素净(边缘密度 \(v)%)", en: "Plain top (edge density \(v)%)")
                : Localized(
                    zh: "上衣有图案、条纹或文字(边缘密度 \(v)%,\(limit.requirement(for: clothing.edgeDensity, unit: "%", scale: 100).zh))",
                    en:
                        "The top has a pattern, stripes or letters (edge density \(v)%, \(limit.requirement(for: clothing.edgeDensity, unit: "%", scale: 100).en))"
                )
        } hint: { _ in
            Localized(zh: "换一件纯色、无图案无字母的上衣", en: "Wear a plain top without patterns or letters")
        }
    }
}
