import PhotoCheckAnalysis
import PhotoCheckModel

/// file.trailer: bytes after the end-of-image marker (padding to a size, appended data).
struct TrailerRule: Rule {
    static let check: CheckID = "file.trailer"
    static let description = RuleDescription(
        check, "CHSI-1.2", title: Localized(zh: "文件尾部数据", en: "Data after the image"),
        summary: Localized(zh: "JPEG 结束标记之后不应有多余字节", en: "no bytes after the JPEG end-of-image marker"))

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let file = try photo.jpegFile()
        guard !file.isTruncated else {
            throw SkipReason(zh: "文件被截断,没有结束标记", en: "the file is truncated: there is no end-of-image marker")
        }
        let count = Double(file.trailingByteCount)
        return judged([Measurement("trailing_bytes", count, limit: .atMost(0, beyond: .warn))]) { status in
            status == .pass
                ? Localized(zh: "结束标记后没有多余数据", en: "Nothing after the end-of-image marker")
                : Localized(
                    zh: "JPEG 结束标记后还有 \(Int(count)) 字节多余数据(常见于凑文件大小的工具)",
                    en: "\(Int(count)) bytes follow the end-of-image marker (typical of tools that pad a file to a size)")
        } hint: { _ in
            Localized(zh: "用看图软件重新另存一次,去掉尾部数据", en: "Save the photo again from an image viewer to drop the extra bytes")
        }
    }
}
