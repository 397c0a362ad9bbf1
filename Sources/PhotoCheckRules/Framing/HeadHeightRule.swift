import PhotoCheckAnalysis
import PhotoCheckModel

/// framing.head_height: the head from chin to crown (the top of the hair) in % of the frame's
/// height. ICAO wants 70–80%, CET about 7/10; CHSI judges the face's width instead and does not
/// run this check. The crown is the person outline's top on a plain backdrop, else the estimate
/// from the face's proportions (then the check only warns, as `framing.head_top` does).
struct HeadHeightRule: Rule {
    static let check: CheckID = "framing.head_height"
    static let description = RuleDescription(
        check, "CHSI-4.2", title: Localized(zh: "头部大小", en: "Head size"),
        summary: Localized(zh: "下巴到头顶(含头发)的高度占画面高度的百分比", en: "chin-to-crown height in % of the picture's height"))
    static let limits: [LimitSpec] = [LimitSpec("framing.head_height", 0...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let mask = try photo.personMask()
        var limit = try photo.profile.limit("framing.head_height")
        // The frame the limits speak of: the largest crop of the profile's aspect (the whole
        // picture when its aspect is right).
        let frameHeight = Double(photo.profile.height) * (try photo.frameScale())
        let reliable = mask.isReliable && mask.headTopY != nil
        let top = reliable ? Double(mask.headTopY ?? 0) : max(0, face.estimatedHeadTopY.rounded())
        if !reliable { limit.beyond = .warn }
        let head = max(0, face.chinY - top)
        let pct = 100 * head / max(1, frameHeight)
        var measurements = [
            Measurement("head_height_pct", (pct * 10).rounded() / 10, limit: limit),
            Measurement("head_height_px", head.rounded()),
        ]
        if !reliable { measurements.append(Measurement("head_top_estimated", 1)) }
        let shown = formatNumber(pct, digits: 1), px = formatNumber(head, digits: 0)
        let caveat =
            reliable
            ? Localized(zh: "", en: "")
            : Localized(zh: "(背景不纯,头顶位置按脸部比例估计)", en: " (busy backdrop: head top estimated from the face's proportions)")
        let region = PixelRect(
            x: Int(face.faceCentreX - face.faceWidth), y: Int(top), width: Int(2 * face.faceWidth), height: max(1, Int(head)))
        // The head measured (crown to chin) beside the face, with the shortest and tallest head
        // allowed as ticks up from the chin; dashed when the crown is the estimate.
        let x = face.faceCentreX + 0.9 * face.faceWidth, tick = 0.12 * face.faceWidth
        var marks = [
            Mark.vertical(x, from: top, to: face.chinY, reliable ? .measured : .estimated, label: "head \(shown)%"),
            .horizontal(face.chinY, from: x - tick, to: x + tick, .limit),
        ]
        for pct in [limit.pass.min, limit.pass.max].compactMap({ $0 }) {
            let y = face.chinY - pct * frameHeight / 100
            marks.append(.horizontal(y, from: x - tick, to: x + tick, .limit))
        }
        return judged(measurements, region: region, marks: marks) { status in
            if status == .pass {
                return Localized(
                    zh: "头部(下巴到头顶)高 \(px) 像素,占画面高度 \(shown)%(要求 \(limit.passDescription)%)\(caveat.zh)",
                    en: "The head (chin to crown) is \(px) px, \(shown)% of the height (needs \(limit.passDescription)%)\(caveat.en)")
            }
            let small = pct < (limit.pass.min ?? 0)
            return Localized(
                zh:
                    "头部\(small ? "太小" : "太大"):下巴到头顶 \(px) 像素,占画面高度 \(shown)%,\(limit.requirement(for: measurements[0].value, unit: "%").zh)\(caveat.zh)",
                en:
                    "The head is too \(small ? "small" : "large"): chin to crown \(px) px, \(shown)% of the height; \(limit.requirement(for: measurements[0].value, unit: "%").en)\(caveat.en)"
            )
        } hint: { _ in
            // A head's size in the picture is inversely proportional to the camera's distance.
            let middle = ((limit.pass.min ?? pct) + (limit.pass.max ?? pct)) / 2
            let move = FaceRuleText.distance(pct / max(1, middle))
            let crop = FaceRuleText.orCrop(photo)
            return pct < (limit.pass.min ?? 0)
                ? Localized(
                    zh: "\(move.zh)或把镜头拉近,让头部占画面高度的 \(limit.passDescription)%\(crop.zh)",
                    en:
                        "\(move.en.prefix(1).uppercased() + move.en.dropFirst()) or zoom in, so the head fills \(limit.passDescription)% of the height\(crop.en)"
                )
                : Localized(
                    zh: "\(move.zh)或把镜头拉远,让头部占画面高度的 \(limit.passDescription)%",
                    en:
                        "\(move.en.prefix(1).uppercased() + move.en.dropFirst()) or zoom out, so the head fills \(limit.passDescription)% of the height"
                )
        }
    }
}
