import PhotoCheckAnalysis
import PhotoCheckModel

/// framing.eye_line: y of the midpoint of the two pupils.
struct EyeLineRule: Rule {
    static let check: CheckID = "framing.eye_line"
    static let description = RuleDescription(
        check, "CHSI-4.2", title: Localized(zh: "眼睛位置", en: "Eye-line position"),
        summary: Localized(zh: "两眼中心连线距上边沿的像素数", en: "distance of the eye line from the top edge, in px"))
    static let limits: [LimitSpec] = [LimitSpec("framing.eye_line", 0...1, scale: .frameHeight)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let h = try photo.image().height
        let limit = try photo.profile.limit("framing.eye_line").scaled(by: try photo.frameScale())
        let y = face.eyeLineY
        let measurements = [
            Measurement("eye_line_y_px", (y * 10).rounded() / 10, limit: limit),
            Measurement("eye_line_y_pct", (1000 * y / Double(h)).rounded() / 10),
        ]
        let region = FaceRuleText.region([face.leftPupil, face.rightPupil], grow: face.faceWidth * 0.1)
        let marks =
            [Mark.rows(limit.pass, height: h)].compactMap { $0 } + [
                .horizontal(
                    y, from: face.leftPupil.x - face.faceWidth * 0.6, to: face.rightPupil.x + face.faceWidth * 0.6, .measured,
                    label: "eyes \(formatNumber(y, digits: 0)) px")
            ]
        // CHSI's own checker rejects with this phrase, which students search for; other standards'
        // checkers do not, and its "percentage" would misname the pixels they are judged in.
        let official = photo.profile.family == "chsi-2017" ? "眼睛中心距离顶部百分比不合格:" : "眼睛位置不合格:"
        return judged(measurements, region: region, marks: marks) { status in
            let zh = FaceRuleText.px(y, pctOf: h, zh: true), en = FaceRuleText.px(y, pctOf: h, zh: false)
            return status == .pass
                ? Localized(
                    zh: "眼睛距上边沿 \(zh)(要求 \(limit.passDescription) 像素)", en: "Eyes are \(en) from the top edge (needs \(limit.passDescription) px)")
                : Localized(
                    zh: "\(status == .fail ? official : "")眼睛距上边沿 \(zh),要求 \(limit.passDescription) 像素",
                    en: "Eyes are \(en) from the top edge; the standard wants \(limit.passDescription) px")
        } hint: { _ in
            let crop = FaceRuleText.orCrop(photo)
            let lo = limit.pass.min ?? 0, hi = limit.pass.max ?? Double(h)
            if y < lo {
                let zh = FaceRuleText.shift(lo - y, hi - y, of: h, zh: true), en = FaceRuleText.shift(lo - y, hi - y, of: h, zh: false)
                return Localized(
                    zh: "眼睛位置太高,需下移 \(zh):头顶上方多留这么多空间(相机略向上移)\(crop.zh)",
                    en:
                        "The eyes are too high: they need to come down by \(en); leave that much more room above the head (move the camera up)\(crop.en)"
                )
            }
            if let tooLarge = FaceRuleText.tooLargeForFrame(photo) { return tooLarge }
            let zh = FaceRuleText.shift(y - hi, y - lo, of: h, zh: true), en = FaceRuleText.shift(y - hi, y - lo, of: h, zh: false)
            return Localized(
                zh: "眼睛位置太低,需上移 \(zh):头顶上方少留这么多空间(相机略向下移)\(crop.zh)",
                en: "The eyes are too low: they need to go up by \(en); leave that much less room above the head (move the camera down)\(crop.en)")
        }
    }
}
