import Foundation
import PhotoCheckAnalysis
import PhotoCheckModel

/// manual.accessories: hats, earrings, necklaces, clips, make-up and dyed hair are for a human to
/// judge (`manual`). One cue is measured: on a plain backdrop, a person outline that rises far
/// higher above the eyes than a head does (a hat, a head covering, a tall hair ornament) warns
/// "possible hat or headwear" with the measured height; it never fails.
struct AccessoriesRule: Rule {
    static let check: CheckID = "manual.accessories"
    static var description: RuleDescription { ManualChecks.Accessories.description }
    static let parameters: [ParameterSpec] = [
        ParameterSpec("manual.accessories.headwear_ratio_max", 1.0...5), ParameterSpec("framing.head_top.crown_ratio_max", 0.1...5),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let summary = Self.description.summary
        let manual = finding(.manual, message: Localized(zh: "请人工确认:\(summary.zh)", en: "Check by eye: \(summary.en)"))
        // Only an outline that can be read: a plain backdrop, its top centred on the head and no
        // wider than one (not a wall clock beside it). Too high is what is measured here.
        guard let face = try? photo.face(), let mask = try? photo.personMask(), mask.isReliable,
            let outline = try? photo.headOutline(), let top = outline.outlineY,
            outline.doubt == nil || outline.doubt == .tooHigh
        else { return manual }
        let ratioMax = photo.profile.parameter("manual.accessories.headwear_ratio_max", default: 1.6)
        let limit = Limit.atMost(ratioMax, beyond: .warn)
        let ratio = (outline.crownRatio * 100).rounded() / 100
        guard limit.status(for: ratio) != .pass else { return manual }
        // How far above the highest crown a head's proportions allow the outline reaches.
        let highestCrown = face.eyeLineY - photo.profile.parameter("framing.head_top.crown_ratio_max", default: 1.39) * face.eyeToChin
        let above = max(0, (highestCrown - Double(top)).rounded())
        let measurements = [
            Measurement("outline_top_ratio", ratio, limit: limit),
            Measurement("outline_above_crown_px", above),
        ]
        let r = formatNumber(ratio, digits: 2), px = formatNumber(above, digits: 0)
        let region = PixelRect(
            x: Int(face.faceCentreX - face.faceWidth), y: top, width: Int(2 * face.faceWidth),
            height: max(1, Int(highestCrown) - top + 1))
        return finding(
            .warn, measurements,
            message: Localized(
                zh:
                    "可能戴了帽子或头饰(或高发髻):人像轮廓高出双眼 \(r) 倍眼到下巴的距离,比头部比例允许的最高头顶还高约 \(px) 像素(头部通常不超过 \(formatNumber(ratioMax, digits: 1)) 倍);另请人工确认:\(summary.zh)",
                en:
                    "Possible hat or headwear (or a tall hairstyle): the outline rises \(r)× the eye-to-chin distance above the eyes, about \(px) px above the highest crown a head's proportions allow (a head stays within \(formatNumber(ratioMax, digits: 1))×); also check by eye: \(summary.en)"
            ),
            hint: Localized(zh: "摘下帽子或头饰,露出头顶", en: "Take off any hat or headwear so the top of the head shows"),
            region: region.clipped(to: PixelRect(x: 0, y: 0, width: mask.width, height: mask.height)))
    }
}
