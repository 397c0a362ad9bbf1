/// framing.eye_line: y of the midpoint of the two pupils.
struct EyeLineRule: Rule {
    static let check: CheckID = "framing.eye_line"

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let h = try photo.image().height
        let limit = photo.profile.limit("framing.eye_line").scaled(by: try photo.frameScale())
        let y = face.eyeLineY
        let measurements = [
            Measurement("eye_line_y_px", (y * 10).rounded() / 10, limit: limit),
            Measurement("eye_line_y_pct", (1000 * y / Double(h)).rounded() / 10),
        ]
        let region = FaceRuleText.region([face.leftPupil, face.rightPupil], grow: face.faceWidth * 0.1)
        return judged(measurements, region: region) { status in
            let zh = FaceRuleText.px(y, pctOf: h, zh: true), en = FaceRuleText.px(y, pctOf: h, zh: false)
            return status == .pass
                ? Localized(
                    zh: "眼睛距上边沿 \(zh)(要求 \(limit.passDescription) 像素)", en: "Eyes are \(en) from the top edge (needs \(limit.passDescription) px)")
                : Localized(
                    zh: "眼睛中心距离顶部百分比不合格:眼睛距上边沿 \(zh),要求 \(limit.passDescription) 像素",
                    en: "Eyes are \(en) from the top edge; the standard wants \(limit.passDescription) px")
        } hint: { _ in
            if let lo = limit.pass.min, y < lo {
                return Localized(
                    zh: "眼睛位置太高:头顶上方多留空间(相机略向上移,或裁剪时上方多留)",
                    en: "The eyes are too high: leave more room above the head (move the camera up, or crop with more space above)")
            }
            return Localized(
                zh: "眼睛位置太低:减少头顶上方空间(相机略向下移,或裁剪时上方少留)",
                en: "The eyes are too low: leave less room above the head (move the camera down, or crop with less space above)")
        }
    }
}
