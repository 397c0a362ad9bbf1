import PhotoCheckAnalysis
import PhotoCheckModel

/// framing.head_top: y of the highest hair/head pixel (person mask above the face).
struct HeadTopRule: Rule {
    static let check: CheckID = "framing.head_top"
    static let description = RuleDescription(
        check, "CHSI-4.2", title: Localized(zh: "头顶位置", en: "Head-top position"),
        summary: Localized(zh: "头顶(含头发)距上边沿的像素数", en: "distance of the top of the hair from the top edge, in px"))
    static let limits: [LimitSpec] = [LimitSpec("framing.head_top", 0...1, scale: .frameHeight)]
    static let parameters: [ParameterSpec] = [
        ParameterSpec("framing.head_top.crown_ratio_min", 0.1...5), ParameterSpec("framing.head_top.crown_ratio_max", 0.1...5),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let mask = try photo.personMask()
        let outline = try photo.headOutline()
        let h = mask.height
        var limit = try photo.profile.limit("framing.head_top").scaled(by: try photo.frameScale())
        let y = outline.isEstimated ? outline.y.rounded() : outline.y
        var measurements: [Measurement] = []
        if !outline.isEstimated {
            measurements.append(Measurement("head_top_y_px", y, limit: limit))
        } else {
            // The outline above the face is not trustworthy (a busy backdrop, or something merged
            // into it beside or above the head), so estimate from the face's proportions, and only
            // warn.
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
            if outline.doubt == .busyBackdrop {
                measurements.append(Measurement("backdrop_spread", mask.backgroundSpread.rounded()))
            } else if let outlineY = outline.outlineY {
                // The outline's top that was not used, for the record (not judged).
                measurements.append(Measurement("head_top_outline_y_px", Double(outlineY)))
            }
        }
        measurements.insert(Measurement("head_top_y_pct", (1000 * y / Double(h)).rounded() / 10), at: 1)
        let top = Int(y)
        let caveat = Self.caveat(outline.doubt)
        let region = PixelRect(x: Int(face.faceCentreX - face.faceWidth), y: 0, width: Int(2 * face.faceWidth), height: max(1, top + 1))
        // What was judged: the band, and the head top measured on the outline or estimated (with
        // the range of crowns a head's proportions allow, which is judged against the band too).
        var marks = [Mark.rows(limit.pass, height: h)].compactMap { $0 }
        let shown = formatNumber(y, digits: 0)
        if outline.isEstimated {
            let p = photo.profile
            let low = face.eyeLineY - p.parameter("framing.head_top.crown_ratio_min", default: 0.87) * face.eyeToChin
            let high = face.eyeLineY - p.parameter("framing.head_top.crown_ratio_max", default: 1.39) * face.eyeToChin
            marks.append(.horizontal(y, from: 0, to: Double(mask.width - 1), .estimated, label: "head top ~\(shown) px (estimated)"))
            marks.append(.vertical(face.faceCentreX + 0.25 * face.faceWidth, from: high, to: low, .estimated))
        } else {
            marks.append(.horizontal(y, from: 0, to: Double(mask.width - 1), .measured, label: "head top \(shown) px"))
        }
        // CHSI's own checker rejects with this phrase, which students search for; other standards'
        // checkers do not, and its "percentage" would misname the pixels they are judged in.
        let official = photo.profile.family == "chsi-2017" ? "头顶距离顶部百分比不合格:" : "头顶位置不合格:"
        return judged(measurements, region: region, marks: marks) { status in
            // An estimate is "about" so many px: the outline could not pin it down.
            let about = outline.isEstimated ? Localized(zh: "约 ", en: "about ") : Localized(zh: "", en: "")
            let where_ = Localized(
                zh: about.zh + FaceRuleText.px(y, pctOf: h, zh: true), en: about.en + FaceRuleText.px(y, pctOf: h, zh: false))
            if status == .pass {
                return Localized(
                    zh: "头顶距上边沿 \(where_.zh)(要求 \(limit.passDescription) 像素)\(caveat.zh)",
                    en: "Head top is \(where_.en) from the top edge (needs \(limit.passDescription) px)\(caveat.en)")
            }
            if top == 0 {
                let fails = status == .fail ? official : ""
                if outline.isEstimated {
                    return Localized(
                        zh: "\(fails)头顶很可能被画面上边沿截断(要求留出 \(limit.passDescription) 像素)\(caveat.zh)",
                        en:
                            "Head top is probably cut off by the top edge (the standard wants \(limit.passDescription) px of space above it)\(caveat.en)"
                    )
                }
                return Localized(
                    zh: "\(fails)头发顶到或超出画面上边沿,头顶上方没有留白(要求留出 \(limit.passDescription) 像素)",
                    en: "The hair reaches or is cut by the top edge: no space above the head (the standard wants \(limit.passDescription) px)")
            }
            return Localized(
                zh:
                    "\(status == .fail ? official : "")头顶距上边沿 \(where_.zh),\((status == .fail ? Limit(pass: limit.pass) : limit).requirement(for: y, unit: " 像素").zh)\(caveat.zh)",
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

    /// Why the head top is an estimate, appended to the message; empty when it was measured.
    static func caveat(_ doubt: HeadOutline.Doubt?) -> Localized {
        switch doubt {
        case nil:
            return Localized(zh: "", en: "")
        case .busyBackdrop:
            return Localized(zh: "(背景不纯,头顶位置按脸部比例估计)", en: " (busy backdrop: head top estimated from the face's proportions)")
        case .offCentre:
            return Localized(
                zh: "(头部轮廓与旁边的物体连在一起,无法测准头顶,按脸部比例估计)",
                en: " (the outline above the face runs into something beside the head, so the head top is estimated from the face's proportions)")
        case .tooWide:
            return Localized(
                zh: "(头顶上方的轮廓比头宽得多,可能连着背景中的物体,头顶位置按脸部比例估计)",
                en:
                    " (the outline above the face is far wider than a head, probably joined to something behind it, so the head top is estimated from the face's proportions)"
            )
        case .tooHigh:
            return Localized(
                zh: "(头顶上方的轮廓远高于头部应有的高度,可能连着背景中的物体,头顶位置按脸部比例估计)",
                en:
                    " (the outline above the face reaches far higher than a head, probably joined to something behind it, so the head top is estimated from the face's proportions)"
            )
        case .noOutline:
            return Localized(
                zh: "(头顶上方没有识别出轮廓,头顶位置按脸部比例估计)",
                en: " (no outline was found above the face, so the head top is estimated from the face's proportions)")
        }
    }
}
