import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// focus.sharpness: fine detail of the face at a fixed face scale (the face resampled to a width of
/// 120 px), so a large and a small face are judged alike: the finest-octave to next-octave energy
/// ratio over textured tiles of the face box.
struct FocusSharpnessRule: Rule {
    static let check: CheckID = "focus.sharpness"
    static let description = RuleDescription(
        check, "CHSI-1.3", title: Localized(zh: "清晰度", en: "Sharpness"),
        summary: Localized(zh: "固定脸部尺度下的细节能量", en: "face detail at a fixed face scale"))
    static let limits: [LimitSpec] = [LimitSpec("focus.sharpness", 0...100)]
    static let parameters: [ParameterSpec] = [ParameterSpec("focus.sharpness.tile_px", 4...1024)]
    static let faceWidth = 120.0

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let image = try photo.image()
        let fw = face.faceWidth
        let box = PixelRect(
            x: Int(face.faceCentreX - 0.55 * fw), y: Int(face.eyeLineY - 0.45 * fw), width: Int(1.1 * fw),
            height: Int(max(1, face.chinY - face.eyeLineY + 0.45 * fw))
        ).clipped(to: image.bounds)
        let scale = Self.faceWidth / max(1, fw)
        let w = Int((Double(box.width) * scale).rounded()), h = Int((Double(box.height) * scale).rounded())
        guard w >= 32, h >= 32 else {
            throw SkipReason(zh: "人脸区域太小,无法判断清晰度", en: "the face is too small to judge its sharpness")
        }
        let plane = FloatPlane(image.cropped(to: box).resized(width: w, height: h).gray())
        let tile = Int(photo.profile.parameter("focus.sharpness.tile_px", default: 16))
        guard let detail = plane.fineDetailRatio(tile: tile, minimumEnergy: 1) else {
            throw SkipReason(zh: "脸部几乎没有纹理,无法判断清晰度", en: "the face shows almost no texture to judge")
        }
        let limit = try photo.profile.limit("focus.sharpness")
        let v = formatNumber(detail.ratio, digits: 2)
        return judged(
            [Measurement("face_detail_ratio", detail.ratio, limit: limit), Measurement("face_width_px", fw)], region: box
        ) { status in
            status == .pass
                ? Localized(zh: "脸部清晰(细节比 \(v))", en: "The face is sharp (detail ratio \(v))")
                : Localized(
                    zh: "\(status == .fail ? "照片清晰度不合格:" : "")脸部细节不足(细节比 \(v),\(limit.requirement(for: detail.ratio).zh)),照片模糊或失焦",
                    en: "The face is soft or out of focus (detail ratio \(v), \(limit.requirement(for: detail.ratio).en))")
        } hint: { _ in
            Localized(
                zh: "对焦在眼睛上、拿稳相机(或用三脚架)在明亮处重拍,不要用数码变焦",
                en: "Focus on the eyes, hold the camera steady (or use a tripod) in good light; no digital zoom")
        }
    }
}
