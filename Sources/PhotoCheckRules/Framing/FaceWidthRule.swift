import PhotoCheckAnalysis
import PhotoCheckModel

/// framing.face_width: cheek-to-cheek width (jaw contour at cheekbone height).
struct FaceWidthRule: Rule {
    static let check: CheckID = "framing.face_width"
    static let description = RuleDescription(
        check, "CHSI-4.2", title: Localized(zh: "脸宽", en: "Face width"),
        summary: Localized(zh: "两颊间脸宽(像素)", en: "cheek-to-cheek face width in px"))
    static let limits: [LimitSpec] = [LimitSpec("framing.face_width", 0...1, scale: .frameWidth)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let w = try photo.image().width
        let limit = try photo.profile.limit("framing.face_width").scaled(by: try photo.frameScale())
        let width = face.faceWidth
        let measurements = [
            Measurement("face_width_px", (width * 10).rounded() / 10, limit: limit),
            Measurement("face_width_pct", (1000 * width / Double(w)).rounded() / 10),
        ]
        let p = face.face.landmarks
        // The narrowest and widest face allowed, as ticks either side of the face's axis at
        // cheekbone height, and the cheek-to-cheek line measured.
        let cheekY = (p[1].y + p[15].y) / 2, tick = 0.15 * width
        var marks: [Mark] = []
        for half in [limit.pass.min, limit.pass.max].compactMap({ $0 }).map({ $0 / 2 }) {
            for side in [-1.0, 1.0] {
                marks.append(.vertical(face.faceCentreX + side * half, from: cheekY - tick, to: cheekY + tick, .limit))
            }
        }
        marks.append(Mark(.line(from: p[1], to: p[15]), .measured, label: "face \(formatNumber(width, digits: 0)) px"))
        return judged(measurements, region: FaceRuleText.region([p[1], p[15]], grow: 4), marks: marks) { status in
            let zh = FaceRuleText.pxWidth(width, pctOf: w, zh: true), en = FaceRuleText.pxWidth(width, pctOf: w, zh: false)
            if status == .pass {
                return Localized(zh: "脸宽 \(zh)(要求 \(limit.passDescription) 像素)", en: "Face width \(en) (needs \(limit.passDescription) px)")
            }
            if let hi = limit.pass.max, width > hi {
                return Localized(
                    zh: "脸太大(大头照):脸宽 \(zh),要求 \(limit.passDescription) 像素",
                    en: "Close-up: the face is \(en) wide; the standard wants \(limit.passDescription) px")
            }
            return Localized(
                zh: "脸太小:脸宽 \(zh),要求 \(limit.passDescription) 像素", en: "The face is \(en) wide; the standard wants \(limit.passDescription) px")
        } hint: { _ in
            // The face's size in the picture is inversely proportional to the camera's distance.
            let middle = ((limit.pass.min ?? width) + (limit.pass.max ?? width)) / 2
            let move = FaceRuleText.distance(width / max(1, middle))
            if let hi = limit.pass.max, width > hi {
                return Localized(
                    zh: "\(move.zh)或把镜头拉远,让肩部进入画面",
                    en: "\(move.en.prefix(1).uppercased() + move.en.dropFirst()) or zoom out, so the shoulders come into the frame")
            }
            let crop = FaceRuleText.orCrop(photo)
            return Localized(
                zh: "\(move.zh)或把镜头拉近,让脸占满规定宽度\(crop.zh)",
                en: "\(move.en.prefix(1).uppercased() + move.en.dropFirst()) or zoom in, so the face fills the required width\(crop.en)")
        }
    }
}
