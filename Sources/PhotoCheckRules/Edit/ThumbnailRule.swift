import PhotoCheckAnalysis
import PhotoCheckModel

/// edit.thumbnail: the EXIF thumbnail shows the same picture (aspect, colour, content).
struct ThumbnailRule: Rule {
    static let check: CheckID = "edit.thumbnail"
    static let description = RuleDescription(
        check, "CHSI-1.2", title: Localized(zh: "缩略图一致性", en: "Thumbnail consistency"),
        summary: Localized(zh: "EXIF 缩略图与照片本身是否一致", en: "whether the EXIF thumbnail matches the picture"))
    static let limits: [LimitSpec] = [
        LimitSpec("edit.thumbnail.aspect", 0...1), LimitSpec("edit.thumbnail.difference", 0...255),
        LimitSpec("edit.thumbnail.cell_difference", 0...255),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        _ = try photo.jpegFile()
        guard let comparison = try photo[ThumbnailComparisonKey.self].get() else {
            return finding(.pass, message: Localized(zh: "没有 EXIF 缩略图(无需比较)", en: "No EXIF thumbnail (nothing to compare)"))
        }
        let p = photo.profile
        let aspectLimit = try p.limit("edit.thumbnail.aspect"), differenceLimit = try p.limit("edit.thumbnail.difference")
        let cellLimit = try p.limit("edit.thumbnail.cell_difference")
        let measurements = [
            Measurement("thumbnail_aspect_difference_ratio", comparison.aspectDifference, limit: aspectLimit),
            Measurement("thumbnail_mean_difference_levels", comparison.meanDifference, limit: differenceLimit),
            Measurement("thumbnail_worst_cell_difference_levels", comparison.worstCellDifference, limit: cellLimit),
            Measurement("thumbnail_width_px", Double(comparison.thumbnailWidth)),
            Measurement("thumbnail_height_px", Double(comparison.thumbnailHeight)),
        ]
        let aspect = formatNumber(comparison.aspectDifference * 100, digits: 1)
        let mean = formatNumber(comparison.meanDifference, digits: 1)
        let cell = formatNumber(comparison.worstCellDifference, digits: 1)
        let size = "\(comparison.thumbnailWidth)×\(comparison.thumbnailHeight)"
        let aspectDiffers = measurements[0].status != .pass
        let region = measurements[2].status != .pass && !aspectDiffers ? comparison.worstCell : nil
        return judged(measurements, region: region) { status in
            if status == .pass {
                return Localized(
                    zh: "EXIF 缩略图(\(size))与照片一致:宽高比相差 \(aspect)%,平均色差 \(mean) 级",
                    en: "The EXIF thumbnail (\(size)) matches the picture: aspect differs by \(aspect)%, mean difference \(mean) levels")
            }
            if aspectDiffers {
                return Localized(
                    zh:
                        "EXIF 缩略图(\(size))与照片的宽高比相差 \(aspect)%(\(aspectLimit.requirement(for: comparison.aspectDifference, unit: "%", scale: 100).zh)),拍摄后照片被裁剪或改动过",
                    en:
                        "The EXIF thumbnail (\(size)) has an aspect \(aspect)% off the picture's (\(aspectLimit.requirement(for: comparison.aspectDifference, unit: "%", scale: 100).en)): the picture was cropped or changed after capture"
                )
            }
            return Localized(
                zh:
                    "EXIF 缩略图(\(size))与照片内容不一致:平均色差 \(mean) 级(\(differenceLimit.requirement(for: comparison.meanDifference).zh)),最大局部差 \(cell) 级(\(cellLimit.requirement(for: comparison.worstCellDifference).zh)),拍摄后颜色或内容被改动过",
                en:
                    "The EXIF thumbnail (\(size)) differs from the picture: mean difference \(mean) levels (\(differenceLimit.requirement(for: comparison.meanDifference).en)), worst region \(cell) levels (\(cellLimit.requirement(for: comparison.worstCellDifference).en)): colour or content changed after capture"
            )
        } hint: { _ in
            Localized(
                zh: "提交相机原图;若只做了裁剪缩放,请向审核老师说明",
                en: "Submit the camera original; if you only cropped or resized it, tell the reviewer")
        }
    }
}
