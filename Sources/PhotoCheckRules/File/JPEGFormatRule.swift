import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckModel

/// file.jpeg: the bytes are a JPEG that libjpeg-turbo decodes cleanly.
package struct JPEGFormatRule: Rule {
    package static let check: CheckID = "file.jpeg"
    package static let description = RuleDescription(
        check, "CHSI-4.1", title: Localized(zh: "JPEG 格式", en: "JPEG format"),
        summary: Localized(zh: "文件内容是否为可完整解码的 JPEG", en: "the bytes are a JPEG that decodes without error"))

    package func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let file: JPEGFile
        switch photo.jpeg {
        case .failure(let notJPEG):
            // What the file really is and what to do (the photo's verdict is `error`).
            let error = ReadError.notAJPEG(notJPEG.type)
            return finding(.fail, message: error.message, hint: error.hint)
        case .success(let parsed):
            file = parsed
        }
        if case .failure(let error) = photo.decoded, !error.isTooLarge {
            // Nothing of the picture can be had (the photo's verdict is `error`).
            let unreadable = ReadError.undecodable(detail: error.message)
            return finding(.fail, message: unreadable.message, hint: unreadable.hint)
        }
        if file.isTruncated {
            // The first structural problem says where the file stops making sense.
            let detail = file.problems.first { !$0.hasPrefix("no end-of-image") }.map { " (\($0))" } ?? ""
            return finding(
                .fail, [Measurement("file_bytes", Double(file.byteCount))],
                message: Localized(
                    zh: "JPEG 文件不完整(被截断或损坏),缺少结束标记",
                    en: "The JPEG file is truncated or damaged: it has no end-of-image marker\(detail)"),
                hint: Localized(zh: "重新复制或下载原始照片,确认传输完整", en: "Copy or download the original photo again and make sure the transfer completes"))
        }
        switch photo.decoded {
        case .failure(let error):
            if case .tooLarge(let w, let h) = error.kind {
                return finding(
                    .fail, [Measurement("width_px", Double(w)), Measurement("height_px", Double(h))],
                    message: Localized(zh: "图片声明的尺寸 \(w)×\(h) 过大,拒绝解码", en: "The header claims \(w)×\(h) pixels, too large to decode"),
                    hint: Localized(
                        zh: "将照片缩小为 \(photo.profile.sizeText) 后重新保存", en: "Resize the photo to \(photo.profile.sizeText) and save it again"))
            }
            return finding(.skip, message: Localized(zh: error.message, en: error.message))
        case .success(let result):
            let problems = file.problems + (result.warning.map { [$0] } ?? [])
            if !problems.isEmpty {
                let detail = problems.joined(separator: "; ")
                return finding(
                    .warn, [Measurement("decoder_warnings", Double(problems.count))],
                    message: Localized(
                        zh: "JPEG 能解码,但有 \(problems.count) 处数据损坏", en: "The JPEG decodes, but with corrupt data recovered (\(detail))"),
                    hint: Localized(zh: "从原图重新导出一份 JPEG", en: "Export a fresh JPEG from the original photo"))
            }
            return finding(.pass, message: Localized(zh: "标准 JPEG,解码正常", en: "A JPEG that decodes cleanly"))
        }
    }
}
