import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckModel

/// file.dpi: JFIF density, else EXIF X/YResolution with its unit.
struct DPIRule: Rule {
    static let check: CheckID = "file.dpi"
    static let description = RuleDescription(
        check, "CHSI-4.1", title: Localized(zh: "分辨率 dpi", en: "Resolution (dpi)"),
        summary: Localized(zh: "JFIF 或 EXIF 中记录的分辨率", en: "resolution recorded in the JFIF or EXIF header"))
    static let limits: [LimitSpec] = [LimitSpec("file.dpi", 1...10000)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let file = try photo.jpegFile()
        let dpi = photo.profile.dpi ?? 300
        let hint = Localized(
            zh: "把分辨率设为 \(dpi) dpi(只改文件头,不需重新压缩,图像不变)", en: "Set the resolution to \(dpi) dpi (a header change; the pixels stay the same)")
        guard let (x, y, source) = Self.density(file, photo.exif) else {
            return finding(
                .warn,
                message: Localized(
                    zh: "文件中没有记录 dpi(标准为 \(dpi) dpi,此项只提醒)",
                    en: "No dpi is recorded in the file (the standard says \(dpi) dpi; a warning, not a failure)"),
                hint: hint)
        }
        let limit = try photo.profile.limit("file.dpi")
        return judged([Measurement("dpi_x", x, limit: limit), Measurement("dpi_y", y, limit: limit)]) { status in
            let shown = "\(formatNumber(x, digits: 0))×\(formatNumber(y, digits: 0))"
            return status == .pass
                ? Localized(zh: "分辨率 \(shown) dpi(\(source))", en: "Resolution \(shown) dpi (\(source))")
                : Localized(
                    zh: "分辨率为 \(shown) dpi(\(source)),\(limit.requirement(for: min(x, y), unit: " dpi").zh)",
                    en: "Resolution is \(shown) dpi in the \(source) header (\(limit.requirement(for: min(x, y), unit: " dpi").en))")
        } hint: { _ in
            hint
        }
    }

    static func density(_ file: JPEGFile, _ exif: EXIFData) -> (Double, Double, String)? {
        if let d = file.jfifDensity, d.units == 1 || d.units == 2, d.x > 0, d.y > 0 {
            let factor = d.units == 2 ? 2.54 : 1
            return (Double(d.x) * factor, Double(d.y) * factor, "JFIF")
        }
        if let x = exif.xResolution, let y = exif.yResolution, x > 0, y > 0 {
            let factor = exif.resolutionUnit == 3 ? 2.54 : 1
            return (x * factor, y * factor, "EXIF")
        }
        return nil
    }
}
