/// file.dimensions: the stored size is exactly the profile's (480×640 for CHSI).
struct DimensionsRule: Rule {
    static let check: CheckID = "file.dimensions"

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        guard let (w, h) = photo.storedDimensions else {
            throw SkipReason(zh: "无法读出图片尺寸", en: "the picture size cannot be read")
        }
        let p = photo.profile
        let measurements = [
            Measurement("width_px", Double(w), limit: .within(Double(p.width), Double(p.width))),
            Measurement("height_px", Double(h), limit: .within(Double(p.height), Double(p.height))),
        ]
        let sameAspect = w * p.height == h * p.width
        return judged(measurements) { status in
            status == .pass
                ? Localized(zh: "尺寸 \(w)×\(h) 像素", en: "Size \(w)×\(h) px")
                : Localized(zh: "尺寸为 \(w)×\(h) 像素,要求 \(p.width)×\(p.height)", en: "Size is \(w)×\(h) px; the standard wants \(p.width)×\(p.height)")
        } hint: { _ in
            sameAspect
                ? Localized(
                    zh: "宽高比已是 3:4,直接缩放为 \(p.width)×\(p.height) 即可,无需重拍",
                    en: "The aspect is already 3:4: resize to \(p.width)×\(p.height), no need to re-shoot")
                : Localized(
                    zh: "先按 3:4 裁剪(保持头部居中、留出肩部),再缩放为 \(p.width)×\(p.height)",
                    en: "Crop to 3:4 (head centred, shoulders in frame), then resize to \(p.width)×\(p.height)")
        }
    }
}
