import PhotoCheckAnalysis
import PhotoCheckModel

/// background.uniformity: the backdrop's gradient (range of L* of a smooth fit), its spread around
/// that fit, and the share of backdrop pixels far from it (objects, other people, patterns).
struct BackgroundUniformityRule: Rule {
    static let check: CheckID = "background.uniformity"
    static let description = RuleDescription(
        check, "CHSI-2.1", title: Localized(zh: "背景均匀", en: "Background uniformity"),
        summary: Localized(zh: "背景亮度的离散、渐变以及异物比例", en: "spread and gradient of the background, objects in it"))
    static let limits: [LimitSpec] = [
        LimitSpec("background.uniformity.gradient", 0...100), LimitSpec("background.uniformity.outliers", 0...1),
        LimitSpec("background.uniformity.spread", 0...200),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let stats = try photo.backgroundStatistics()
        let p = photo.profile
        let gradient = try p.limit("background.uniformity.gradient"), outliers = try p.limit("background.uniformity.outliers")
        let spread = try p.limit("background.uniformity.spread")
        let measurements = [
            Measurement("gradient_delta_l", stats.gradientLightness, limit: gradient),
            Measurement("outlier_share_ratio", stats.outlierShare, limit: outliers),
            Measurement("spread_delta_e2000", stats.spread, limit: spread),
            Measurement("background_share_ratio", stats.share),
        ]
        let g = formatNumber(stats.gradientLightness, digits: 1), o = formatNumber(stats.outlierShare * 100, digits: 1)
        let s = formatNumber(stats.spread, digits: 1)
        let gradientLimit = gradient.requirement(for: stats.gradientLightness)
        let outlierLimit = outliers.requirement(for: stats.outlierShare, unit: "%", scale: 100)
        let spreadLimit = spread.requirement(for: stats.spread)
        let busy = outliers.status(for: stats.outlierShare) != .pass || spread.status(for: stats.spread) != .pass
        return judged(measurements) { status in
            if status == .pass {
                return Localized(zh: "背景均匀:明暗相差 \(g),杂物占 \(o)%", en: "Plain backdrop: brightness varies by \(g) across it, clutter \(o)%")
            }
            return Localized(
                zh:
                    "背景不均匀:明暗相差 \(g)(\(gradientLimit.zh)),与背景色不同的杂物占 \(o)%(\(outlierLimit.zh)),颜色起伏 \(s)(\(spreadLimit.zh))",
                en:
                    "Backdrop not uniform: its brightness varies by \(g) across it (\(gradientLimit.en)), \(o)% of it is not the backdrop colour (\(outlierLimit.en)), colour varies by \(s) (\(spreadLimit.en))"
            )
        } hint: { _ in
            busy
                ? Localized(zh: "背景中有物体、图案或他人:在纯色背景布或白墙前重拍", en: "Objects, patterns or people behind you: re-shoot in front of a plain backdrop")
                : Localized(
                    zh: "背景明暗不匀:让背景均匀受光(离墙远一点、加一盏灯照背景)",
                    en: "The backdrop is unevenly lit: light it evenly (step away from the wall, add a light on the backdrop)")
        }
    }
}
