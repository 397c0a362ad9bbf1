/// What a check is: its stable id, the clause of the standard it enforces, and a one-line
/// explanation. This is the specification's table of checks in code; `photocheck rules` lists it.
public struct RuleDescription: Sendable, Equatable {
    public let check: CheckID
    public let clause: String
    public let title: Localized
    /// What is measured, in one line.
    public let summary: Localized

    public init(_ check: CheckID, _ clause: String, title: Localized, summary: Localized) {
        self.check = check
        self.clause = clause
        self.title = title
        self.summary = summary
    }
}

/// Every check of the CHSI-2017 specification, in the specification's order.
public enum CheckCatalogue {
    public static func description(of check: CheckID) -> RuleDescription? {
        byID[check]
    }

    private static let byID: [CheckID: RuleDescription] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.check, $0) })

    private static func d(_ id: String, _ clause: String, _ zh: String, _ en: String, _ sumZh: String, _ sumEn: String) -> RuleDescription {
        RuleDescription(id, clause, title: Localized(zh: zh, en: en), summary: Localized(zh: sumZh, en: sumEn))
    }

    public static let all: [RuleDescription] = [
        // File (no decoding needed)
        d(
            "file.jpeg", "CHSI-4.1", "JPEG 格式", "JPEG format",
            "文件内容是否为可完整解码的 JPEG", "the bytes are a JPEG that decodes without error"),
        d(
            "file.extension", "CHSI-4.1", "扩展名", "File extension",
            "扩展名为 .jpg 或 .jpeg", "the file name ends in .jpg or .jpeg"),
        d(
            "file.dimensions", "CHSI-4.1", "像素尺寸", "Pixel size",
            "宽×高为规范要求的像素尺寸", "width × height in pixels as the profile requires"),
        d(
            "file.colour", "CHSI-4.1", "24 位真彩色", "24-bit colour",
            "3 个颜色分量、8 位精度,且像素有彩色", "3 colour components at 8 bits, with colour in the pixels"),
        d(
            "file.quality", "CHSI-4.1", "压缩品质", "Compression quality",
            "由亮度量化表估计的 JPEG 品质", "JPEG quality estimated from the luminance table"),
        d(
            "file.size", "CHSI-4.1", "文件大小", "File size",
            "文件大小(KB,1 KB = 1024 字节)", "file size in KB (1 KB = 1024 bytes)"),
        d(
            "file.dpi", "CHSI-4.1", "分辨率 dpi", "Resolution (dpi)",
            "JFIF 或 EXIF 中记录的分辨率", "resolution recorded in the JFIF or EXIF header"),
        d(
            "file.orientation", "CHSI-1.2", "方向标记", "Orientation tag",
            "EXIF 方向标记不得表示旋转或镜像", "EXIF Orientation must not rotate or mirror the photo"),
        d(
            "file.trailer", "CHSI-1.2", "文件尾部数据", "Data after the image",
            "JPEG 结束标记之后不应有多余字节", "no bytes after the JPEG end-of-image marker"),
        // Editing and metadata
        d(
            "edit.software", "CHSI-1.2", "编辑软件", "Editing software",
            "元数据中是否记录了修图或美颜软件", "whether the metadata names an editor or beauty app"),
        d(
            "edit.encoder", "CHSI-1.2", "编码器指纹", "Encoder fingerprint",
            "量化表对应的编码器类型(相机、libjpeg、Photoshop 等)", "which encoder family made the quantisation tables"),
        d(
            "edit.thumbnail", "CHSI-1.2", "缩略图一致性", "Thumbnail consistency",
            "EXIF 缩略图与照片本身是否一致", "whether the EXIF thumbnail matches the picture"),
        d(
            "edit.recency", "CHSI-1.1", "拍摄时间", "Capture date",
            "拍摄日期应在毕业前一年内", "capture date within 365 days before graduation"),
        d(
            "edit.smoothing", "CHSI-1.2", "磨皮检测", "Skin smoothing",
            "脸颊皮肤纹理是否远比画面其他部分平滑(疑似美颜)", "whether cheek skin is far smoother than the rest (beauty filter)"),
        // Face and framing
        d(
            "face.count", "CHSI-1.1", "人脸数量", "Number of faces",
            "照片中应恰好有一张正面人脸", "exactly one frontal face"),
        d(
            "framing.head_top", "CHSI-4.2", "头顶位置", "Head-top position",
            "头顶(含头发)距上边沿的像素数", "distance of the top of the hair from the top edge, in px"),
        d(
            "framing.eye_line", "CHSI-4.2", "眼睛位置", "Eye-line position",
            "两眼中心连线距上边沿的像素数", "distance of the eye line from the top edge, in px"),
        d(
            "framing.face_width", "CHSI-4.2", "脸宽", "Face width",
            "两颊间脸宽(像素)", "cheek-to-cheek face width in px"),
        d(
            "framing.head_height", "CHSI-4.2", "头部大小", "Head size",
            "下巴到头顶(含头发)的高度占画面高度的百分比", "chin-to-crown height in % of the picture's height"),
        d(
            "framing.centring", "CHSI-4.2", "水平居中", "Horizontal centring",
            "脸部中心与画面中线的偏差", "distance of the face centre from the vertical centre line"),
        d(
            "framing.shoulders", "CHSI-4.2", "肩部完整", "Shoulders in frame",
            "画面底部应包含双肩(不要大头照)", "both shoulders in the bottom rows (no close-up)"),
        d(
            "pose.roll", "CHSI-2.2", "头部倾斜", "Head tilt (roll)",
            "双眼瞳孔连线的倾斜角", "angle of the line through the pupils"),
        d(
            "pose.yaw", "CHSI-2.2", "头部左右转动", "Head turn (yaw)",
            "由面部特征点对称性估计的转头角度", "head turn estimated from landmark symmetry"),
        d(
            "face.eyes_open", "CHSI-2.2", "双眼睁开", "Eyes open",
            "每只眼睛的睁开程度(眼睛纵横比)", "eye opening (eye aspect ratio) of each eye"),
        d(
            "face.mouth_closed", "CHSI-2.2", "嘴唇闭合", "Mouth closed",
            "内唇间隙与是否露齿", "inner-lip gap and visible teeth"),
        d(
            "body.shoulders_level", "CHSI-2.2", "双肩水平", "Shoulders level",
            "由人像轮廓估计的肩线倾斜", "tilt of the shoulder line from the person outline"),
        // Background and clothing
        d(
            "background.colour", "CHSI-2.1", "背景颜色", "Background colour",
            "背景中位色与规范参考色(最接近的一种)的色差 ΔE2000", "ΔE2000 of the median background colour to the nearest of the profile's reference colours"),
        d(
            "background.uniformity", "CHSI-2.1", "背景均匀", "Background uniformity",
            "背景亮度的离散、渐变以及异物比例", "spread and gradient of the background, objects in it"),
        d(
            "background.shadow", "CHSI-2.1", "背景阴影", "Background shadow",
            "人像轮廓外侧是否有较暗的阴影带", "a darker band just outside the silhouette"),
        d(
            "image.border", "CHSI-1.4", "边框/黑边", "Border",
            "画面边缘是否有边框或填充条", "frames or padding bars at the edges"),
        d(
            "clothing.contrast", "CHSI-2.5", "服装与背景区分", "Clothing contrast",
            "上衣颜色与背景的色差 ΔE2000", "ΔE2000 between the top and the background"),
        d(
            "clothing.pattern", "CHSI-2.5", "服装图案", "Clothing pattern",
            "上衣区域的边缘密度(条纹、图案、字母)", "edge density in the torso region (stripes, prints, letters)"),
        // Light, colour and focus
        d(
            "light.exposure", "CHSI-3.1", "面部曝光", "Face exposure",
            "面部亮度及过暗/过亮像素比例", "face brightness and share of crushed or clipped pixels"),
        d(
            "light.symmetry", "CHSI-3.1", "阴阳脸", "Light symmetry",
            "左右脸颊亮度比", "left/right cheek brightness ratio"),
        d(
            "light.highlights", "CHSI-3.1", "高光/光斑", "Highlights",
            "额头、鼻子、脸颊上的过曝光斑", "clipped specular spots on forehead, nose and cheeks"),
        d(
            "eyes.red_eye", "CHSI-3.1", "红眼", "Red-eye",
            "瞳孔内红色像素比例", "red share inside the pupils"),
        d(
            "glasses.reflection", "CHSI-2.3", "眼镜反光", "Glasses reflection",
            "是否戴眼镜,镜片是否反光或有色", "glasses present; reflective or tinted lenses"),
        d(
            "colour.cast", "CHSI-1.3", "偏色", "Colour cast",
            "肤色与中性区域的色偏", "skin and neutral areas against natural ranges"),
        d(
            "focus.sharpness", "CHSI-1.3", "清晰度", "Sharpness",
            "固定脸部尺度下的细节能量", "face detail at a fixed face scale"),
        d(
            "focus.upscaled", "CHSI-1.3", "放大痕迹", "Upscaling",
            "照片是否由小图放大而来(缺少高频)", "whether the picture was enlarged from a smaller source"),
        // Manual review
        d(
            "manual.ears_eyebrows", "CHSI-2.4", "耳朵与眉毛露出", "Ears and eyebrows visible",
            "头发不遮眉毛、眼睛、耳朵(需人工确认)", "hair off the eyebrows, eyes and ears (a human must look)"),
        d(
            "manual.accessories", "CHSI-2.4", "饰品、妆容与染发", "Accessories, make-up, dyed hair",
            "无帽子、耳环、项链、发卡,不化浓妆,不染发(需人工确认)", "no hat, earrings, necklace, clips, heavy make-up or dyed hair (a human must look)"),
        d(
            "manual.contact_lenses", "CHSI-2.3", "有色隐形眼镜", "Coloured contact lenses",
            "不戴有色隐形眼镜(需人工确认)", "no coloured contact lenses (a human must look)"),
        d(
            "manual.retouching", "CHSI-1.2", "镜像与修饰", "Mirroring and retouching",
            "未镜像,未修饰五官、伤疤、痣(需人工确认)", "not mirrored; features, scars, moles not retouched (a human must look)"),
        d(
            "manual.distortion", "CHSI-1.3", "镜头畸变", "Lens distortion",
            "无明显透视或镜头畸变(需人工确认)", "no visible perspective or lens distortion (a human must look)"),
    ]
}
