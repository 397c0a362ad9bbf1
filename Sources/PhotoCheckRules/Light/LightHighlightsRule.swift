import PhotoCheckAnalysis
import PhotoCheckModel

/// light.highlights: clipped specular spots on the forehead (below the hairline, so a bald
/// scalp's shine is not counted), the nose and the cheeks.
struct LightHighlightsRule: Rule {
    static let check: CheckID = "light.highlights"
    static let description = RuleDescription(
        check, "CHSI-3.1", title: Localized(zh: "高光/光斑", en: "Highlights"),
        summary: Localized(zh: "额头、鼻子、脸颊上的过曝光斑", en: "clipped specular spots on forehead, nose and cheeks"))
    static let limits: [LimitSpec] = [LimitSpec("light.highlights", 0...1)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let s = try photo.faceStatistics()
        let limit = try photo.profile.limit("light.highlights")
        let v = formatNumber(s.highlightWorstRegionShare * 100, digits: 1)
        return judged(
            [
                Measurement("worst_region_clipped_ratio", s.highlightWorstRegionShare, limit: limit),
                Measurement("clipped_share_ratio", s.highlightShare),
            ]
        ) { status in
            status == .pass
                ? Localized(zh: "面部没有明显的过曝光斑(最多 \(v)%)", en: "No clipped highlights on the face (at most \(v)%)")
                : Localized(
                    zh: "面部有过曝光斑:额头、鼻子或脸颊处最多 \(v)% 的像素过曝(\(limit.requirement(for: s.highlightWorstRegionShare, unit: "%", scale: 100).zh))",
                    en:
                        "Clipped highlights on the face: up to \(v)% of the forehead, nose or a cheek is burnt out (\(limit.requirement(for: s.highlightWorstRegionShare, unit: "%", scale: 100).en))"
                )
        } hint: { _ in
            Localized(zh: "用柔光(不要直射灯或闪光灯),拍前用吸油纸擦去脸上油光", en: "Use diffuse light (no direct lamp or flash) and blot shiny skin before the shot")
        }
    }
}
