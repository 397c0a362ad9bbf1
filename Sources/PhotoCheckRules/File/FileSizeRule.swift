import PhotoCheckAnalysis
import PhotoCheckModel

/// file.size: bytes on disk in KB (1 KB = 1024 bytes).
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
            kb < (limit.pass.min ?? 0)
                ? Localized(zh: "提高导出品质(如 90)后重新保存,使文件变大", en: "Save again at a higher quality (about 90) so the file grows")
                : Localized(zh: "以稍低的品质(如 85)重新导出,使文件变小", en: "Export again at a slightly lower quality (about 85) so the file shrinks")
        }
    }
}
