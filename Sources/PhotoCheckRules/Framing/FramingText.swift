import PhotoCheckAnalysis
import PhotoCheckModel

/// Shared wording and arithmetic of the face and framing rules.
enum FaceRuleText {
    /// "236 px (36.9% of the height)".
    static func px(_ value: Double, pctOf size: Int, zh: Bool) -> String {
        let pct = formatNumber(100 * value / Double(max(1, size)), digits: 1)
        return zh ? "\(formatNumber(value, digits: 0)) 像素(占高度 \(pct)%)" : "\(formatNumber(value, digits: 0)) px (\(pct)% of the height)"
    }

    static func pxWidth(_ value: Double, pctOf size: Int, zh: Bool) -> String {
        let pct = formatNumber(100 * value / Double(max(1, size)), digits: 1)
        return zh ? "\(formatNumber(value, digits: 0)) 像素(占宽度 \(pct)%)" : "\(formatNumber(value, digits: 0)) px (\(pct)% of the width)"
    }

    /// "18–118 px (3–18% of the height)": how far something has to move, as a range.
    static func shift(_ a: Double, _ b: Double, of size: Int, zh: Bool, height: Bool = true) -> String {
        let lo = max(0, min(a, b)).rounded(.up), hi = max(a, b).rounded(.down)
        let pl = formatNumber(100 * lo / Double(max(1, size)), digits: 0), ph = formatNumber(100 * hi / Double(max(1, size)), digits: 0)
        let px = hi - lo >= 4 ? "\(formatNumber(lo))–\(formatNumber(hi))" : formatNumber(max(lo, hi))
        let pct = pl == ph ? pl : "\(pl)–\(ph)"
        return zh ? "\(px) 像素(\(height ? "高度" : "宽度")的 \(pct)%)" : "\(px) px (\(pct)% of the \(height ? "height" : "width"))"
    }

    /// "step back to about 1.3× the distance (1 m → 1.3 m)": distance scales a face's size inversely.
    static func distance(_ factor: Double) -> Localized {
        let f = formatNumber(factor, digits: 1)
        if factor >= 1 {
            return Localized(zh: "后退到现在距离的约 \(f) 倍(如 1 米退到 \(f) 米)", en: "step back to about \(f)× the distance (1 m → \(f) m)")
        }
        return Localized(zh: "靠近到现在距离的约 \(f) 倍(如 1 米移到 \(f) 米)", en: "move closer, to about \(f)× the distance (1 m → \(f) m)")
    }

    /// When the head top has too little room and the eyes sit too low at once, the face is too
    /// large for the frame: moving the camera up or down cannot fix both, stepping back does. The
    /// head-top and eye-line hints then both say so (by how much, from the crown-to-eye distance
    /// against the one the bands' middles give).
    static func tooLargeForFrame(_ photo: PhotoAnalysis) -> Localized? {
        guard let face = try? photo.face(), let scale = try? photo.frameScale(),
            let head = photo.profile.limits["framing.head_top"]?.scaled(by: scale).pass,
            let eye = photo.profile.limits["framing.eye_line"]?.scaled(by: scale).pass
        else { return nil }
        guard let headMin = head.min, let headMax = head.max, let eyeMin = eye.min, let eyeMax = eye.max else { return nil }
        let top = (try? photo.headOutline())?.y ?? max(0, face.estimatedHeadTopY)
        guard top < headMin, face.eyeLineY > eyeMax else { return nil }
        let wanted = (eyeMin + eyeMax) / 2 - (headMin + headMax) / 2
        let move = distance(max(1.1, (face.eyeLineY - top) / max(1, wanted)))
        return Localized(
            zh: "头顶上方留白不够,眼睛又偏低:脸在画面中太大,上下移动相机改不了,请\(move.zh)或把镜头拉远",
            en:
                "Too little room above the head and the eyes too low: the face is too large in the frame, which moving the camera up or down cannot fix; \(move.en) or zoom out"
        )
    }

    /// "; or crop …" when the picture holds a crop that frames the face without enlarging it.
    static func orCrop(_ photo: PhotoAnalysis) -> Localized {
        guard let crop = photo.framingCrop(), crop.keepsResolution,
            crop.rect.width < crop.pictureWidth || crop.rect.height < crop.pictureHeight
        else { return Localized(zh: "", en: "") }
        let advice = photo.cropAdvice(crop)
        return Localized(zh: ";或者不重拍,\(advice.zh)(photocheck fix 可自动完成)", en: "; or, without re-shooting, \(advice.en) (photocheck fix does this)")
    }

    /// The rectangle around a point list, for a finding's region.
    static func region(_ points: [Point], grow: Double = 0) -> PixelRect? {
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
            let minY = points.map(\.y).min(), let maxY = points.map(\.y).max()
        else { return nil }
        return PixelRect(
            x: Int(minX - grow), y: Int(minY - grow), width: Int(maxX - minX + 2 * grow), height: Int(maxY - minY + 2 * grow))
    }
}

extension PhotoAnalysis {
    /// The profile's geometry scale for this photo's displayed size (see `Profile.frameScale`).
    package func frameScale() throws(SkipReason) -> Double {
        let picture = try image()
        return profile.frameScale(width: picture.width, height: picture.height)
    }
}
