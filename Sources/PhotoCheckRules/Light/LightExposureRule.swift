import PhotoCheckAnalysis
import PhotoCheckModel

/// light.exposure: the face judged against itself, not against an absolute brightness, so dark
/// skin is not called under-exposed and pale skin on a white top is not called over-exposed.
///
/// Under-exposure: the face's brightest reliable reference stays dark. The reference is the
/// brighter of the whites of the eyes (90th percentile of luma inside the eye outlines, near-white
/// on every face whatever the skin's tone) and the skin's own highlights (95th percentile of the
/// lower face's luma); or skin crushed to black. Over-exposure: skin clipped to white, or even the
/// face's darkest skin (5th percentile) washed out. The scene's brightest level is reported too.
struct LightExposureRule: Rule {
    static let check: CheckID = "light.exposure"
    static let description = RuleDescription(
        check, "CHSI-3.1", title: Localized(zh: "面部曝光", en: "Face exposure"),
        summary: Localized(zh: "面部亮度及过暗/过亮像素比例", en: "face brightness and share of crushed or clipped pixels"))
    static let limits: [LimitSpec] = [
        LimitSpec("light.exposure.reference", 0...255), LimitSpec("light.exposure.face_p05", 0...255), LimitSpec("light.exposure.dark_share", 0...1),
        LimitSpec("light.exposure.clipped_share", 0...1),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let s = try photo.faceStatistics()
        let p = photo.profile
        let reference = max(s.eyeWhiteLuma ?? 0, s.lumaP95)
        let refLimit = try p.limit("light.exposure.reference"), dark = try p.limit("light.exposure.dark_share")
        let clipped = try p.limit("light.exposure.clipped_share"), washed = try p.limit("light.exposure.face_p05")
        let measurements = [
            Measurement("face_reference_luma", reference, limit: refLimit),
            Measurement("dark_share_ratio", s.darkShare, limit: dark),
            Measurement("clipped_share_ratio", s.clippedShare, limit: clipped),
            Measurement("face_p05_luma", s.lumaP05, limit: washed),
            Measurement("face_p95_luma", s.lumaP95),
            Measurement("eye_white_luma", s.eyeWhiteLuma ?? .nan),
            Measurement("face_median_luma", s.lumaMedian),
            Measurement("scene_p99_level", s.sceneBrightP99),
        ]
        let under = refLimit.status(for: reference) != .pass || dark.status(for: s.darkShare) != .pass
        let m = formatNumber(s.lumaMedian, digits: 0), r = formatNumber(reference, digits: 0)
        let crushed = formatNumber(s.darkShare * 100, digits: 1), burnt = formatNumber(s.clippedShare * 100, digits: 1)
        return judged(measurements) { status in
            if status == .pass {
                return Localized(zh: "面部曝光正常(亮度中位 \(m),眼白/高光 \(r))", en: "Face well exposed (median luma \(m), eye whites/highlights \(r))")
            }
            return under
                ? Localized(
                    zh:
                        "面部曝光不足:眼白和皮肤高光最亮只有 \(r)(\(refLimit.requirement(for: reference).zh)),死黑像素 \(crushed)%(\(dark.requirement(for: s.darkShare, unit: "%", scale: 100).zh))",
                    en:
                        "Face under-exposed: even the eye whites and skin highlights reach only \(r) (\(refLimit.requirement(for: reference).en)); \(crushed)% crushed to black (\(dark.requirement(for: s.darkShare, unit: "%", scale: 100).en))"
                )
                : Localized(
                    zh:
                        "面部曝光过度:过曝像素 \(burnt)%(\(clipped.requirement(for: s.clippedShare, unit: "%", scale: 100).zh)),面部最暗处亮度 \(formatNumber(s.lumaP05, digits: 0))(\(washed.requirement(for: s.lumaP05).zh))",
                    en:
                        "Face over-exposed: \(burnt)% clipped to white (\(clipped.requirement(for: s.clippedShare, unit: "%", scale: 100).en)); its darkest skin is \(formatNumber(s.lumaP05, digits: 0)) (\(washed.requirement(for: s.lumaP05).en))"
                )
        } hint: { _ in
            under
                ? Localized(zh: "在更亮的地方重拍:面向窗户或加一盏柔光灯,不要在昏暗室内自拍", en: "Re-shoot in more light: face a window or add a soft lamp; avoid dim rooms")
                : Localized(zh: "减弱光线或降低曝光,避免强光直射和闪光灯", en: "Use softer light or lower the exposure; avoid direct sun and flash")
        }
    }
}
