import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// file.colour: three 8-bit components, and colour actually present in the pixels.
struct ColourRule: Rule {
    static let check: CheckID = "file.colour"
    static let description = RuleDescription(
        check, "CHSI-4.1", title: Localized(zh: "24 位真彩色", en: "24-bit colour"),
        summary: Localized(zh: "3 个颜色分量、8 位精度,且像素有彩色", en: "3 colour components at 8 bits, with colour in the pixels"))
    static let parameters: [ParameterSpec] = [ParameterSpec("file.colour.colourful_share_min", 0...1)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let file = try photo.jpegFile()
        guard let frame = file.frame else {
            throw SkipReason(zh: "文件缺少图像帧头", en: "the file has no frame header")
        }
        let components = frame.components.count
        let measured = [
            Measurement("components", Double(components)), Measurement("bits_per_sample", Double(frame.precision)),
        ]
        let hint = Localized(zh: "用相机或手机原图重新导出为 24 位彩色(RGB)JPEG", en: "Export again as a 24-bit colour (RGB) JPEG")
        if components == 1 {
            return finding(
                .fail, measured, message: Localized(zh: "这是灰度(黑白)照片,要求彩色", en: "This is a greyscale photo; the standard wants colour"), hint: hint)
        }
        if components == 4 {
            let name = file.adobeTransform == 2 ? "YCCK" : "CMYK"
            return finding(
                .fail, measured,
                message: Localized(zh: "这是 \(name) 印刷色彩模式的 JPEG,要求 RGB 彩色", en: "This is a \(name) (print) JPEG; the standard wants RGB colour"),
                hint: Localized(zh: "在修图软件中把颜色模式改为 RGB 后另存", en: "Convert the colour mode to RGB and save again"))
        }
        if frame.precision != 8 || components != 3 {
            return finding(
                .fail, measured,
                message: Localized(
                    zh: "\(components) 个分量、每分量 \(frame.precision) 位,要求 3 个分量、8 位",
                    en: "\(components) components at \(frame.precision) bits; the standard wants 3 at 8 bits"),
                hint: hint)
        }
        let image = try photo.image()
        let share = Self.colourfulShare(image)
        let limit = Limit.atLeast(photo.profile.parameter("file.colour.colourful_share_min", default: 0.005), beyond: .warn)
        return judged([Measurement("colourful_pixel_share_ratio", share, limit: limit)] + measured) { status in
            status == .pass
                ? Localized(zh: "24 位真彩色", en: "24-bit colour")
                : Localized(zh: "文件是彩色格式,但画面几乎没有颜色(黑白照片另存为彩色)", en: "A colour JPEG whose pixels are grey (a black-and-white photo saved as colour)")
        } hint: { _ in
            Localized(zh: "提交彩色照片,不要使用黑白滤镜", en: "Submit a colour photo; do not use a black-and-white filter")
        }
    }

    /// Share of pixels whose channels differ by more than JPEG's chroma noise.
    static func colourfulShare(_ image: RGBImage) -> Double {
        var colourful = 0, total = 0
        image.pixels.withUnsafeBufferPointer { p in
            var i = 0
            while i + 2 < p.count {
                let r = Int(p[i]), g = Int(p[i + 1]), b = Int(p[i + 2])
                if max(r, g, b) - min(r, g, b) > 12 { colourful += 1 }
                total += 1
                i += 3 * 7  // every 7th pixel is plenty for a share
            }
        }
        return total == 0 ? 0 : Double(colourful) / Double(total)
    }
}
