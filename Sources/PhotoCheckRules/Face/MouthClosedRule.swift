import PhotoCheckAnalysis
import PhotoCheckModel

/// face.mouth_closed: inner-lip gap relative to eye-to-chin distance, and visible teeth (teeth
/// showing counts as open).
struct MouthClosedRule: Rule {
    static let check: CheckID = "face.mouth_closed"
    static let description = RuleDescription(
        check, "CHSI-2.2", title: Localized(zh: "嘴唇闭合", en: "Mouth closed"),
        summary: Localized(zh: "内唇间隙与是否露齿", en: "inner-lip gap and visible teeth"))
    static let limits: [LimitSpec] = [LimitSpec("face.mouth_closed", 0...10), LimitSpec("face.mouth_closed.teeth", 0...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let mouth = try photo.mouth()
        let gapLimit = try photo.profile.limit("face.mouth_closed")
        let teethLimit = try photo.profile.limit("face.mouth_closed.teeth")
        let measurements = [
            Measurement("lip_gap_ratio", (mouth.gapRatio * 1000).rounded() / 1000, limit: gapLimit),
            Measurement("teeth_visible_pct", (mouth.teethPercent * 10).rounded() / 10, limit: teethLimit),
        ]
        let gap = formatNumber(mouth.gapRatio, digits: 3), teeth = formatNumber(mouth.teethPercent, digits: 1)
        let teethShow = teethLimit.status(for: mouth.teethPercent) != .pass
        return judged(measurements, region: face.mouth) { status in
            if status == .pass {
                return Localized(zh: "嘴唇自然闭合(唇间隙比 \(gap))", en: "Lips closed (lip gap ratio \(gap))")
            }
            if teethShow {
                return Localized(
                    zh: "露齿 / 嘴唇未闭合:牙齿约占嘴部 \(teeth)%(\(teethLimit.requirement(for: measurements[1].value, unit: "%").zh)),唇间隙比 \(gap)",
                    en:
                        "Teeth showing: about \(teeth)% of the mouth (\(teethLimit.requirement(for: measurements[1].value, unit: "%").en)), lip gap ratio \(gap)"
                )
            }
            return Localized(
                zh: "嘴唇未闭合:唇间隙比 \(gap),\(gapLimit.requirement(for: measurements[0].value).zh)",
                en: "Lips apart: lip gap ratio \(gap); \(gapLimit.requirement(for: measurements[0].value).en)")
        } hint: { _ in
            Localized(zh: "嘴唇自然闭合,不露齿,表情自然放松", en: "Close your lips naturally, no teeth showing, relaxed expression")
        }
    }
}
