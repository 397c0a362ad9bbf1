import PhotoCheckAnalysis
import PhotoCheckModel

/// file.orientation: the EXIF Orientation tag must not rotate or mirror the photo.
struct OrientationRule: Rule {
    static let check: CheckID = "file.orientation"
    static let description = RuleDescription(
        check, "CHSI-1.2", title: Localized(zh: "方向标记", en: "Orientation tag"),
        summary: Localized(zh: "EXIF 方向标记不得表示旋转或镜像", en: "EXIF Orientation must not rotate or mirror the photo"))

    static let names: [Int: (zh: String, en: String)] = [
        2: ("水平镜像", "mirrored horizontally"), 3: ("旋转 180°", "rotated 180°"), 4: ("垂直镜像", "mirrored vertically"),
        5: ("镜像并旋转 90°", "mirrored and rotated 90°"), 6: ("顺时针旋转 90°", "rotated 90° clockwise"),
        7: ("镜像并旋转 270°", "mirrored and rotated 270°"), 8: ("逆时针旋转 90°", "rotated 90° counter-clockwise"),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        _ = try photo.jpegFile()
        guard let value = photo.exif.orientation, value != 1 else {
            return finding(.pass, message: Localized(zh: "没有旋转或镜像标记", en: "No rotation or mirroring tag"))
        }
        let name = Self.names[value] ?? (zh: "未知取值", en: "an unknown value")
        return finding(
            .fail, [Measurement("exif_orientation", Double(value))],
            message: Localized(
                zh: "EXIF 方向标记为 \(value)(\(name.zh)):上传系统可能按未旋转的像素显示",
                en: "EXIF Orientation is \(value) (\(name.en)): the upload site may show the stored pixels unrotated"),
            hint: Localized(
                zh: "在看图软件中旋转到正确方向后另存(使像素本身是正的),或去掉方向标记",
                en: "Rotate the photo upright in an editor and save, so the pixels themselves are upright, or strip the tag"))
    }
}
