import PhotoCheckAnalysis
import PhotoCheckDecoding
import PhotoCheckModel

/// file.quality: the IJG quality that the luminance quantisation table corresponds to.
struct QualityRule: Rule {
    static let check: CheckID = "file.quality"
    static let description = RuleDescription(
        check, "CHSI-4.1", title: Localized(zh: "压缩品质", en: "Compression quality"),
        summary: Localized(zh: "由亮度量化表估计的 JPEG 品质", en: "JPEG quality estimated from the luminance table"))
    static let limits: [LimitSpec] = [LimitSpec("file.quality", 1...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let file = try photo.jpegFile()
        guard let estimate = QualityEstimator.estimate(tables: file.quantTableValues) else {
            throw SkipReason(zh: "文件中没有量化表", en: "the file has no quantisation table")
        }
        let limit = try photo.profile.limit("file.quality")
        let measurements = [
            Measurement("quality", Double(estimate.quality), limit: limit),
            Measurement("table_distance", estimate.meanDifference),
        ]
        return judged(measurements) { status in
            let approx = estimate.isExactIJG ? "" : "≈"
            return status == .pass
                ? Localized(
                    zh: "压缩品质 \(approx)\(estimate.quality)(要求 \(limit.passDescription))",
                    en: "Quality \(approx)\(estimate.quality) (needs \(limit.passDescription))")
                : Localized(
                    zh: "压缩品质约为 \(estimate.quality),要求 \(limit.passDescription)",
                    en: "Quality is about \(estimate.quality); the standard wants \(limit.passDescription)")
        } hint: { _ in
            Localized(zh: "从原图以品质 90 左右重新导出,不要反复压缩", en: "Export again from the original at quality about 90; do not re-compress a compressed copy")
        }
    }
}
