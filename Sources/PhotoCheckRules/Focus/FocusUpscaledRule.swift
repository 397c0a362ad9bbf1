import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// focus.upscaled: the picture was enlarged from a smaller source, so its finest octave of detail
/// is missing (the ratio of finest-octave to next-octave energy over textured tiles).
struct FocusUpscaledRule: Rule {
    static let check: CheckID = "focus.upscaled"
    static let description = RuleDescription(
        check, "CHSI-1.3", title: Localized(zh: "放大痕迹", en: "Upscaling"),
        summary: Localized(zh: "照片是否由小图放大而来(缺少高频)", en: "whether the picture was enlarged from a smaller source"))
    static let limits: [LimitSpec] = [LimitSpec("focus.upscaled", 0...100)]
    static let parameters: [ParameterSpec] = [ParameterSpec("focus.upscaled.tile_px", 4...1024)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let plane = FloatPlane(try photo.grayImage())
        let tile = Int(photo.profile.parameter("focus.upscaled.tile_px", default: 32))
        guard let detail = plane.fineDetailRatio(tile: tile) else {
            throw SkipReason(zh: "画面几乎没有纹理,无法判断是否放大", en: "the picture has almost no texture to judge")
        }
        let limit = try photo.profile.limit("focus.upscaled")
        let ratio = Measurement("fine_detail_ratio", detail.ratio, limit: limit)
        let value = formatNumber(detail.ratio)
        let bound = limit.passDescription
        return judged([ratio, Measurement("textured_tiles_count", Double(detail.tiles))]) { status in
            status == .pass
                ? Localized(zh: "细节比 \(value)(要求 \(bound)),未见放大痕迹", en: "Fine-detail ratio \(value) (limit \(bound)): not enlarged")
                : Localized(
                    zh: "最细一级的细节几乎缺失(细节比 \(value),\(limit.requirement(for: detail.ratio).zh)),照片像是由小图放大或经过模糊",
                    en:
                        "The finest detail is missing (fine-detail ratio \(value), \(limit.requirement(for: detail.ratio).en)): the photo looks enlarged from a smaller one or blurred"
                )
        } hint: { _ in
            Localized(
                zh: "不要把小照片放大到 \(photo.profile.sizeText);用相机或手机原图(更大的照片)缩小裁剪",
                en: "Do not enlarge a small photo to \(photo.profile.sizeText); start from the camera original and scale it down")
        }
    }
}
