import PhotoCheckAnalysis
import PhotoCheckModel

/// file.extension: the name ends in .jpg or .jpeg (any case).
struct FileExtensionRule: Rule {
    static let check: CheckID = "file.extension"
    static let description = RuleDescription(
        check, "CHSI-4.1", title: Localized(zh: "扩展名", en: "File extension"),
        summary: Localized(zh: "扩展名为 .jpg 或 .jpeg", en: "the file name ends in .jpg or .jpeg"))

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let ext = photo.fileExtension
        let shown = ext.isEmpty ? "(none)" : ".\(ext)"
        if ext == "jpg" || ext == "jpeg" {
            return finding(.pass, message: Localized(zh: "扩展名为 \(shown)", en: "The extension is \(shown)"))
        }
        return finding(
            .fail,
            message: Localized(zh: "扩展名为 \(shown),要求 .jpg", en: "The extension is \(shown); the standard wants .jpg"),
            hint: Localized(
                zh: photo.fileType == .jpeg ? "文件内容已是 JPEG,把扩展名改为 .jpg 即可" : "导出为 JPEG 并以 .jpg 结尾命名",
                en: photo.fileType == .jpeg ? "The content is already JPEG: rename the file to end in .jpg" : "Export as JPEG and name the file .jpg")
        )
    }
}
