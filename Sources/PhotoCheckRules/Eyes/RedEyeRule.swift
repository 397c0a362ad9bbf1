import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// eyes.red_eye: share of red pixels (redder than the face's skin) in a disc around each pupil
/// centre (radius 0.12 of the eye's width).
struct RedEyeRule: Rule {
    static let check: CheckID = "eyes.red_eye"
    static let description = RuleDescription(
        check, "CHSI-3.1", title: Localized(zh: "红眼", en: "Red-eye"),
        summary: Localized(zh: "瞳孔内红色像素比例", en: "red share inside the pupils"))
    static let limits: [LimitSpec] = [LimitSpec("eyes.red_eye", 0...1)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let image = try photo.image()
        let p = face.face.landmarks
        // Red-eye is redder than the face's own skin: compare each pixel's red excess (R − max(G, B))
        // with the cheeks', so saturated skin in an old or warm photo is not taken for it.
        let skin = Colour.srgb(fromLab: try photo.faceStatistics().cheekLab)
        let skinExcess = Float(Int(skin.0) - Int(max(skin.1, skin.2)))
        let minimumExcess = max(60, 1.5 * skinExcess)
        var worst = 0.0
        for (pupil, corners) in [(face.leftPupil, (p[36], p[39])), (face.rightPupil, (p[42], p[45]))] {
            let radius = max(1.5, 0.12 * corners.0.distance(to: corners.1))
            var n = 0, red = 0
            let x0 = Int(pupil.x - radius), x1 = Int(pupil.x + radius), y0 = Int(pupil.y - radius), y1 = Int(pupil.y + radius)
            for y in max(0, y0)...min(image.height - 1, max(0, y1)) {
                for x in max(0, x0)...min(image.width - 1, max(0, x1)) {
                    let dx = Double(x) - pupil.x, dy = Double(y) - pupil.y
                    guard dx * dx + dy * dy <= radius * radius else { continue }
                    let c = image.pixel(x, y)
                    n += 1
                    if c.x > 110 && c.x - max(c.y, c.z) > minimumExcess { red += 1 }
                }
            }
            if n > 0 { worst = max(worst, Double(red) / Double(n)) }
        }
        let limit = try photo.profile.limit("eyes.red_eye")
        let v = formatNumber(worst * 100, digits: 1)
        return judged([Measurement("pupil_red_ratio", worst, limit: limit)]) { status in
            status == .pass
                ? Localized(zh: "没有红眼(瞳孔红色像素 \(v)%)", en: "No red-eye (red pupil pixels \(v)%)")
                : Localized(
                    zh: "红眼:瞳孔内 \(v)% 的像素呈红色(要求 ≤ \(formatNumber((limit.pass.max ?? 0) * 100))%)",
                    en: "Red-eye: \(v)% of a pupil is red (limit \(formatNumber((limit.pass.max ?? 0) * 100))%)")
        } hint: { _ in
            Localized(zh: "关闭闪光灯或打开防红眼功能,在明亮处重拍", en: "Turn the flash off (or use red-eye reduction) and re-shoot in brighter light")
        }
    }
}
