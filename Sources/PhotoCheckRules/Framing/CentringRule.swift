import PhotoCheckAnalysis
import PhotoCheckModel

/// framing.centring: |face centre x − width/2|.
struct CentringRule: Rule {
    static let check: CheckID = "framing.centring"
    static let description = RuleDescription(
        check, "CHSI-4.2", title: Localized(zh: "水平居中", en: "Horizontal centring"),
        summary: Localized(zh: "脸部中心与画面中线的偏差", en: "distance of the face centre from the vertical centre line"))
    static let limits: [LimitSpec] = [LimitSpec("framing.centring", 0...0.5, scale: .frameWidth)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let picture = try photo.image()
        let w = picture.width
        let limit = try photo.profile.limit("framing.centring").scaled(by: try photo.frameScale())
        let offset = face.faceCentreX - Double(w) / 2  // positive: the face is right of centre
        let distance = abs(offset)
        let measurements = [
            Measurement("centre_offset_px", (distance * 10).rounded() / 10, limit: limit),
            Measurement("centre_offset_signed_px", (offset * 10).rounded() / 10),
            Measurement("centre_offset_pct", (1000 * distance / Double(w)).rounded() / 10),
        ]
        let side = offset > 0 ? Localized(zh: "偏右", en: "right of") : Localized(zh: "偏左", en: "left of")
        let d = formatNumber(distance, digits: 0), pct = formatNumber(100 * distance / Double(w), digits: 1)
        // Where the face's axis had to be (the centre line, and how far off it may lie), and the
        // axis measured, from the eyes to the chin.
        let centre = Double(w) / 2, allowed = limit.pass.max ?? 0
        let marks = [
            Mark(.columns(left: centre - allowed, right: centre + allowed), .limit),
            .vertical(centre, from: 0, to: Double(picture.height - 1), .limit),
            .vertical(
                face.faceCentreX, from: face.eyeLineY - 0.5 * face.faceWidth, to: face.chinY, .measured,
                label: "axis \(Int(offset.rounded()) > 0 ? "+" : "")\(Int(offset.rounded())) px"),
        ]
        return judged(measurements, marks: marks) { status in
            status == .pass
                ? Localized(
                    zh: "脸部中心距画面中线 \(d) 像素(允许 \(limit.passDescription))",
                    en: "Face centre is \(d) px from the centre line (allowed \(limit.passDescription))")
                : Localized(
                    zh: "人像未水平居中:脸部中心\(side.zh) \(d) 像素(宽度的 \(pct)%),\(limit.requirement(for: measurements[0].value, unit: " 像素").zh)",
                    en:
                        "Not centred: the face centre is \(d) px (\(pct)% of the width) \(side.en) the centre line; \(limit.requirement(for: measurements[0].value, unit: " px").en)"
                )
        } hint: { _ in
            // Cutting c px off one side moves the centre line c/2 towards the other side.
            let cut = formatNumber(2 * distance, digits: 0)
            return offset > 0
                ? Localized(
                    zh: "脸需左移约 \(d) 像素:相机向右移一些,或裁剪时左边多裁约 \(cut) 像素(再按 \(photo.profile.aspectText) 裁剪)",
                    en:
                        "The face needs to move about \(d) px left: move the camera to the right, or crop about \(cut) px more off the left (then crop back to \(photo.profile.aspectText))"
                )
                : Localized(
                    zh: "脸需右移约 \(d) 像素:相机向左移一些,或裁剪时右边多裁约 \(cut) 像素(再按 \(photo.profile.aspectText) 裁剪)",
                    en:
                        "The face needs to move about \(d) px right: move the camera to the left, or crop about \(cut) px more off the right (then crop back to \(photo.profile.aspectText))"
                )
        }
    }
}
