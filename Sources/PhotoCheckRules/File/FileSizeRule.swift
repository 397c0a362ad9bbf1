import PhotoCheckAnalysis
import PhotoCheckModel

/// file.size: bytes on disk in KB (1 KB = 1024 bytes). A file too large because the picture has
/// more pixels than the profile needs is advised the size and quality that reach the band.
struct FileSizeRule: Rule {
    static let check: CheckID = "file.size"
    static let description = RuleDescription(
        check, "CHSI-4.1", title: Localized(zh: "文件大小", en: "File size"),
        summary: Localized(zh: "文件大小(KB,1 KB = 1024 字节)", en: "file size in KB (1 KB = 1024 bytes)"))
    static let limits: [LimitSpec] = [LimitSpec("file.size", 0...65536)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let kb = Double(photo.bytes.count) / 1024
        let limit = try photo.profile.limit("file.size")
        let shown = formatNumber(kb, digits: 1)
        return judged([Measurement("size_kb", kb, limit: limit)]) { status in
            status == .pass
                ? Localized(zh: "文件大小 \(shown) KB", en: "File size \(shown) KB")
                : Localized(
                    zh: "文件大小 \(shown) KB(\(limit.requirement(for: kb, unit: " KB").zh))",
                    en: "File size is \(shown) KB (\(limit.requirement(for: kb, unit: " KB").en))")
        } hint: { _ in
            if kb < (limit.pass.min ?? 0) {
                return Localized(zh: "提高导出品质(如 90)后重新保存,使文件变大", en: "Save again at a higher quality (about 90) so the file grows")
            }
            // A picture larger than the profile's size needs resizing: a lower quality alone cannot
            // bring a 3000×4000 photo under 200 KB.
            if let saved = Self.resized(photo) {
                let band = "\(formatNumber(limit.pass.min ?? 0))–\(formatNumber(limit.pass.max ?? 0)) KB"
                return Localized(
                    zh: "只降低品质不够,照片的像素太多:缩放为 \(saved.text.zh)保存,即在 \(band) 之内;photocheck fix 可自动完成",
                    en:
                        "A lower quality alone is not enough, the picture has too many pixels: save it at \(saved.text.en), inside \(band). photocheck fix does this"
                )
            }
            return Localized(zh: "以稍低的品质(如 85)重新导出,使文件变小", en: "Export again at a slightly lower quality (about 85) so the file shrinks")
        }
    }

    /// The size and quality a too-large file should be saved at (`SavedSize`), when that means
    /// fewer pixels than the photo has; nil when the picture is already that size.
    static func resized(_ photo: PhotoAnalysis) -> SavedSize? {
        guard let (w, h) = photo.storedDimensions, let saved = photo.savedSize(), saved.width * saved.height < w * h else { return nil }
        return saved
    }
}
