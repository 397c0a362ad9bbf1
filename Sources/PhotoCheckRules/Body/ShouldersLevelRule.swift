import PhotoCheckAnalysis
import PhotoCheckModel

/// body.shoulders_level: height difference of the two shoulders (person outline), in % of the
/// picture's height.
struct ShouldersLevelRule: Rule {
    static let check: CheckID = "body.shoulders_level"
    static let description = RuleDescription(
        check, "CHSI-2.2", title: Localized(zh: "双肩水平", en: "Shoulders level"),
        summary: Localized(zh: "由人像轮廓估计的肩线倾斜", en: "tilt of the shoulder line from the person outline"))
    static let limits: [LimitSpec] = [LimitSpec("body.shoulders_level", 0...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let mask = try photo.personMask()
        guard mask.isReliable else {
            throw SkipReason(zh: "背景不纯,无法可靠地分出人像轮廓", en: "the backdrop is not plain, so the person's outline cannot be trusted")
        }
        // The outline's top on mirrored columns 0.6–1.0 face widths either side of the face's
        // axis, searched from the chin down; the mean difference of the pairs that are both inside
        // the picture (a single pair at the edge exaggerates the slope of a sloping shoulder).
        let from = Int(face.chinY)
        // Mirror around the body's axis (the middle of the neck), not the face's: a head held a
        // little to one side must not read as uneven shoulders.
        let neckRow = min(mask.height - 1, Int(face.chinY + 0.3 * face.faceWidth))
        let axis: Double
        if let neck = mask.span(row: neckRow), Double(neck.maxX - neck.minX) < 1.2 * face.faceWidth {
            axis = Double(neck.minX + neck.maxX) / 2
        } else {
            axis = face.faceCentreX
        }
        var differences: [Double] = []
        var lys: [Int] = [], rys: [Int] = [], lxs: [Int] = [], rxs: [Int] = []
        let first = Int(0.6 * face.faceWidth), last = Int(1.0 * face.faceWidth)
        for offset in stride(from: first, through: max(first, last), by: max(1, (last - first) / 40)) {
            let lx = Int(axis) - offset, rx = Int(axis) + offset
            guard lx >= 1, rx <= mask.width - 2, let ly = mask.topOfPerson(column: lx, from: from),
                let ry = mask.topOfPerson(column: rx, from: from)
            else { continue }
            differences.append(Double(ry - ly))
            lys.append(ly); rys.append(ry); lxs.append(lx); rxs.append(rx)
        }
        guard differences.count >= 3 else {
            throw SkipReason(zh: "画面中找不到两侧肩部", en: "both shoulders are not visible in the picture")
        }
        let difference = differences.reduce(0, +) / Double(differences.count)  // positive: the picture's right shoulder is lower
        let lx = lxs.min()!, rx = rxs.max()!, ly = lys.min()!, ry = rys.min()!
        let pct = 100 * abs(difference) / Double(mask.height)
        let limit = try photo.profile.limit("body.shoulders_level")
        let measurements = [
            Measurement("shoulder_height_difference_pct", (pct * 10).rounded() / 10, limit: limit),
            Measurement("shoulder_height_difference_px", difference.rounded()),
        ]
        let p = formatNumber(pct, digits: 1)
        let low = difference > 0 ? Localized(zh: "右", en: "right") : Localized(zh: "左", en: "left")
        let region = PixelRect(x: lx, y: min(ly, ry), width: rx - lx + 1, height: abs(ry - ly) + 1)
        return judged(measurements, region: region) { status in
            status == .pass
                ? Localized(
                    zh: "双肩高度差为画面高度的 \(p)%(允许 \(limit.passDescription)%)",
                    en: "Shoulder height difference \(p)% of the height (allowed \(limit.passDescription)%)")
                : Localized(
                    zh: "双肩不平:画面\(low.zh)侧肩膀低 \(p)%(画面高度),\(limit.requirement(for: measurements[0].value, unit: "%").zh)",
                    en:
                        "Shoulders not level: the one on the picture's \(low.en) is \(p)% of the height lower; \(limit.requirement(for: measurements[0].value, unit: "%").en)"
                )
        } hint: { _ in
            Localized(zh: "坐正,双肩放松并保持水平,身体正对镜头", en: "Sit upright with both shoulders relaxed and level, body facing the camera")
        }
    }
}
