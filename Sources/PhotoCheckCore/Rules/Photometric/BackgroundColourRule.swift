/// background.colour: ΔE2000 of the backdrop's median colour to the profile's reference (light blue
/// RGB(100,197,255) for CHSI). Another plain light colour warns (some schools accept it); a dark
/// backdrop (L* below the lightness limit) fails.
struct BackgroundColourRule: Rule {
    static let check: CheckID = "background.colour"
    static let limits: [LimitSpec] = [LimitSpec("background.colour", 0...200), LimitSpec("background.colour.lightness", 0...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let stats = try photo.backgroundStatistics()
        let p = photo.profile
        guard p.background.count == 3 else {
            throw SkipReason(zh: "配置中没有背景参考色", en: "the profile has no reference background colour")
        }
        let reference = Colour.lab(UInt8(clamping: p.background[0]), UInt8(clamping: p.background[1]), UInt8(clamping: p.background[2]))
        let distance = Colour.deltaE2000(stats.median, reference)
        let rgb = Colour.srgb(fromLab: stats.median)
        let colour = "RGB(\(rgb.0),\(rgb.1),\(rgb.2))"
        let ref = "RGB(\(p.background[0]),\(p.background[1]),\(p.background[2]))"
        let dLimit = try p.limit("background.colour"), lLimit = try p.limit("background.colour.lightness")
        let measurements = [
            Measurement("delta_e2000", distance, limit: dLimit),
            Measurement("lightness_l", stats.median.L, limit: lLimit),
            Measurement("median_r", Double(rgb.0)), Measurement("median_g", Double(rgb.1)), Measurement("median_b", Double(rgb.2)),
        ]
        let d = formatNumber(distance, digits: 1), l = formatNumber(stats.median.L, digits: 0)
        let dark = lLimit.status(for: stats.median.L) != .pass
        return judged(measurements) { status in
            if status == .pass {
                return Localized(
                    zh: "背景 \(colour),与参考浅蓝 \(ref) 的色差 \(d)(要求 \(dLimit.passDescription))",
                    en: "Backdrop \(colour), colour difference \(d) from the reference light blue \(ref) (limit \(dLimit.passDescription))")
            }
            if dark {
                return Localized(
                    zh: "背景太暗:\(colour),亮度 \(l)(要求 \(lLimit.passDescription)),应为浅蓝色 \(ref)",
                    en: "The backdrop is dark: \(colour), lightness \(l) (limit \(lLimit.passDescription)); it should be light blue \(ref)")
            }
            return Localized(
                zh: "背景不是标准浅蓝色:\(colour),与参考 \(ref) 的色差 \(d)(\(dLimit.requirement(for: distance).zh));部分学校接受其他浅色背景,请确认",
                en:
                    "The backdrop is not the standard light blue: \(colour), colour difference \(d) from \(ref) (\(dLimit.requirement(for: distance).en)); some schools accept another light colour, check yours"
            )
        } hint: { _ in
            Localized(
                zh: "在浅蓝色 \(ref) 的纯色背景布或墙前重拍(或由照相馆换成标准蓝底)",
                en: "Re-shoot in front of a plain light-blue \(ref) backdrop (or have a studio replace it with the standard blue)")
        }
    }
}
