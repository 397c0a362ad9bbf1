import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckModel

/// edit.encoder: which encoder family made the quantisation tables (IJG/libjpeg at a quality,
/// Photoshop, Lightroom, another editor, Apple, a camera, or unknown).
struct EncoderRule: Rule {
    static let check: CheckID = "edit.encoder"
    static let description = RuleDescription(
        check, "CHSI-1.2", title: Localized(zh: "编码器指纹", en: "Encoder fingerprint"),
        summary: Localized(zh: "量化表对应的编码器类型(相机、libjpeg、Photoshop 等)", en: "which encoder family made the quantisation tables"))
    static let limits: [LimitSpec] = [LimitSpec("edit.encoder", 0...1)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let file = try photo.jpegFile()
        guard let print = EncoderFingerprint.identify(file) else {
            throw SkipReason(zh: "文件中没有量化表", en: "the file has no quantisation table")
        }
        let estimate = print.estimate
        let measurements = [
            Measurement("editor_tables", print.family.isEditor ? 1 : 0, limit: try photo.profile.limit("edit.encoder")),
            Measurement("quality", Double(estimate.quality)),
            Measurement("ijg_table_distance", estimate.meanDifference),
        ]
        let distance = formatNumber(estimate.meanDifference, digits: 2)
        let camera = [photo.exif.make, photo.exif.model].compactMap { $0 }.joined(separator: " ")
        let family: Localized
        switch print.family {
        case .ijg:
            family = Localized(
                zh: "IJG/libjpeg 标准量化表,品质 \(estimate.quality)(常见于手机应用、网页工具、GIMP、ImageMagick 等)",
                en: "IJG/libjpeg standard tables at quality \(estimate.quality) (phone apps, web tools, GIMP, ImageMagick…)")
        case .photoshop:
            family = Localized(zh: "Adobe Photoshop 的量化表(\(print.chineseName))", en: "Adobe Photoshop's tables (\(print.name))")
        case .lightroom:
            family = Localized(zh: "Adobe Lightroom 导出的量化表(\(print.chineseName))", en: "Adobe Lightroom export tables (\(print.name))")
        case .editor:
            family = Localized(zh: "修图/看图软件的量化表(\(print.chineseName))", en: "a photo editor's tables (\(print.name))")
        case .apple:
            family = Localized(
                zh: "Apple 编码器的量化表(iPhone 相机或 macOS,\(print.chineseName))", en: "Apple's encoder tables (iPhone camera or macOS; \(print.name))")
        case .camera:
            family = Localized(zh: "相机自带的量化表(\(print.chineseName))", en: "a camera's own tables (\(print.name))")
        case .unknown:
            family =
                camera.isEmpty
                ? Localized(
                    zh: "未知编码器的量化表(与最接近的 IJG 表平均相差 \(distance)),估计品质 \(estimate.quality)",
                    en: "tables of an unknown encoder (mean distance \(distance) from the nearest IJG table), estimated quality \(estimate.quality)")
                : Localized(
                    zh: "非标准量化表,可能是相机自带编码器(EXIF 记录相机 \(camera)),与 IJG 表平均相差 \(distance),估计品质 \(estimate.quality)",
                    en:
                        "non-standard tables, probably the camera's own encoder (EXIF names \(camera)); mean distance \(distance) from IJG, estimated quality \(estimate.quality)"
                )
        }
        return judged(measurements) { status in
            status == .pass
                ? Localized(zh: "编码器指纹:\(family.zh)", en: "Encoder fingerprint: \(family.en)")
                : Localized(
                    zh: "编码器指纹:\(family.zh),说明照片最后由修图软件保存,可能经过修饰",
                    en: "Encoder fingerprint: \(family.en): the photo was last saved by a photo editor and may have been retouched")
        } hint: { _ in
            Localized(
                zh: "使用相机原图;如只需裁剪缩放,可用不做修饰的工具完成,并向审核老师说明",
                en: "Use the camera original; if you only need to crop and resize, do that without retouching and tell the reviewer")
        }
    }
}
