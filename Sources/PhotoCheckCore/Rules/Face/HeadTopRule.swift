/// framing.head_top: y of the highest hair/head pixel (person mask above the face).
struct HeadTopRule: Rule {
    static let check: CheckID = "framing.head_top"
    static let limits: [LimitSpec] = [LimitSpec("framing.head_top", 0...1, scale: .frameHeight)]
    static let parameters: [ParameterSpec] = [
        ParameterSpec("framing.head_top.crown_ratio_min", 0.1...5), ParameterSpec("framing.head_top.crown_ratio_max", 0.1...5),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let mask = try photo.personMask()
        let h = mask.height
        var limit = try photo.profile.limit("framing.head_top").scaled(by: try photo.frameScale())
        let y: Double
        var measurements: [Measurement] = []
        if mask.isReliable, let top = mask.headTopY {
            y = Double(top)
            measurements.append(Measurement("head_top_y_px", y, limit: limit))
        } else {
            // Busy backdrop: the outline is not trustworthy (it runs into whatever is behind the
            // head), so estimate from the face's proportions, and only warn.
            y = max(0, face.estimatedHeadTopY.rounded())
            let typical = limit
            limit.beyond = .warn
            measurements.append(Measurement("head_top_y_px", y, limit: limit))
            measurements.append(Measurement("head_top_estimated", 1))
            // Heads differ: crown-to-eye is 0.87-1.39 eye-to-chin on the real photos. When even
            // the most generous proportion puts the crown outside the band (a face so high the
            // crown must be cut off, or so low there must be too much room), it fails outright.
            let p = photo.profile
            let lowestCrown = face.eyeLineY - p.parameter("framing.head_top.crown_ratio_min", default: 0.87) * face.eyeToChin
            let highestCrown = face.eyeLineY - p.parameter("framing.head_top.crown_ratio_max", default: 1.39) * face.eyeToChin
            measurements.append(Measurement("head_top_lowest_estimate_y_px", lowestCrown.rounded(), limit: .atLeast(typical.pass.min ?? 0)))
            measurements.append(Measurement("head_top_highest_estimate_y_px", highestCrown.rounded(), limit: .atMost(typical.pass.max ?? .infinity)))
            measurements.append(Measurement("backdrop_spread", mask.backgroundSpread.rounded()))
        }
        measurements.insert(Measurement("head_top_y_pct", (1000 * y / Double(h)).rounded() / 10), at: 1)
        let top = Int(y)
        let caveat =
            mask.isReliable
            ? Localized(zh: "", en: "")
            : Localized(zh: "(背景不纯,头顶位置按脸部比例估计)", en: " (busy backdrop: head top estimated from the face's proportions)")
        let region = PixelRect(x: Int(face.faceCentreX - face.faceWidth), y: 0, width: Int(2 * face.faceWidth), height: max(1, top + 1))
        return judged(measurements, region: region) { status in
            let where_ = Localized(zh: FaceRuleText.px(y, pctOf: h, zh: true), en: FaceRuleText.px(y, pctOf: h, zh: false))
            if status == .pass {
                return Localized(
                    zh: "头顶距上边沿 \(where_.zh)(要求 \(limit.passDescription) 像素)\(caveat.zh)",
                    en: "Head top is \(where_.en) from the top edge (needs \(limit.passDescription) px)\(caveat.en)")
            }
            if top == 0 {
                return Localized(
                    zh: "\(status == .fail ? "头顶距离顶部百分比不合格:" : "")头顶被画面上边沿截断(要求留出 \(limit.passDescription) 像素)\(caveat.zh)",
                    en: "Head top is cut off by the top edge (the standard wants \(limit.passDescription) px of space above it)\(caveat.en)")
            }
            return Localized(
                zh:
                    "\(status == .fail ? "头顶距离顶部百分比不合格:" : "")头顶距上边沿 \(where_.zh),\((status == .fail ? Limit(pass: limit.pass) : limit).requirement(for: y, unit: " 像素").zh)\(caveat.zh)",
                en:
                    "Head top is \(where_.en) from the top edge; \((status == .fail ? Limit(pass: limit.pass) : limit).requirement(for: y, unit: " px").en)\(caveat.en)"
            )
        } hint: { _ in
            let crop = FaceRuleText.orCrop(photo)
            let lo = limit.pass.min ?? 0, hi = limit.pass.max ?? Double(h)
            if y < lo {
                if let tooLarge = FaceRuleText.tooLargeForFrame(photo) { return tooLarge }
                let zh = FaceRuleText.shift(lo - y, hi - y, of: h, zh: true), en = FaceRuleText.shift(lo - y, hi - y, of: h, zh: false)
                return Localized(
                    zh: "头顶上方留白太少,还需多留 \(zh):相机略向上移或后退一些\(crop.zh)",
                    en: "Too little space above the head: leave \(en) more room above the head; move the camera up or step back\(crop.en)")
            }
            let zh = FaceRuleText.shift(y - hi, y - lo, of: h, zh: true), en = FaceRuleText.shift(y - hi, y - lo, of: h, zh: false)
            return Localized(
                zh: "头顶上方留白太多,多出 \(zh):相机略向下移或靠近一些\(crop.zh)",
                en: "Too much space above the head: \(en) too much; move the camera down or closer\(crop.en)")
        }
    }
}
