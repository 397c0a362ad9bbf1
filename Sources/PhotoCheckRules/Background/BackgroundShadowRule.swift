import PhotoCheckAnalysis
import PhotoCheckModel

/// background.shadow: a band of backdrop just outside the person's sides that is darker than the
/// backdrop farther out on the same rows (a shadow cast on the wall).
struct BackgroundShadowRule: Rule {
    static let check: CheckID = "background.shadow"
    static let description = RuleDescription(
        check, "CHSI-2.1", title: Localized(zh: "背景阴影", en: "Background shadow"),
        summary: Localized(zh: "人像轮廓外侧是否有较暗的阴影带", en: "a darker band just outside the silhouette"))
    static let limits: [LimitSpec] = [LimitSpec("background.shadow", -100...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let stats = try photo.backgroundStatistics()
        // A shadow is a darker band on a plain backdrop; on a busy one (objects, a room) the band
        // beside the person is whatever stands there, so it is not judged.
        guard try photo.personMask().isReliable else {
            throw SkipReason(
                zh: "背景不是纯色,无法判断阴影(见背景均匀项)", en: "the backdrop is not plain, so a shadow cannot be told apart (see background.uniformity)")
        }
        guard let delta = stats.shadowDeltaLightness else {
            throw SkipReason(zh: "人像两侧可见的背景太少", en: "too little backdrop beside the person to measure")
        }
        let limit = try photo.profile.limit("background.shadow")
        let d = formatNumber(delta, digits: 1)
        // The limit is on the (negative) difference; the message speaks of how much darker it is.
        let darkness = Limit.atMost(-(limit.pass.min ?? 0), warnMax: limit.warn?.min.map { -$0 }, beyond: limit.beyond)
            .requirement(for: -delta)
        return judged([Measurement("band_delta_l", delta, limit: limit)]) { status in
            status == .pass
                ? Localized(zh: "人像周围没有阴影(亮度差 \(d))", en: "No shadow around the person (brightness difference \(d))")
                : Localized(
                    zh: "有阴影:人像旁的背景比远处暗 \(formatNumber(-delta, digits: 1))(亮度差,\(darkness.zh))",
                    en:
                        "Shadow: the backdrop next to you is \(formatNumber(-delta, digits: 1)) darker than farther out (lightness, \(darkness.en))"
                )
        } hint: { _ in
            Localized(zh: "离背景墙远一点(至少半米),或给背景单独补光", en: "Step away from the wall (half a metre or more) or light the backdrop separately")
        }
    }
}
