import PhotoCheckCore
import PhotoCheckTestSupport
import Testing

/// The light rules on given face statistics (chsi-2017's limits).
@Suite struct LightExposureRuleTests {
    static let reference = Limit.atLeast(120, warnMin: 90), dark = Limit.atMost(0.05, warnMax: 0.15)
    static let clipped = Limit.atMost(0.03, warnMax: 0.08), washed = Limit.atMost(215, warnMax: 230)

    static func finding(_ statistics: FaceStatistics) -> Finding {
        GivenPhoto.finding(
            "light.exposure", GivenPhoto.photo(face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240), faceStatistics: statistics))
    }

    static func measurements(_ s: FaceStatistics, reference: Double) -> [Measurement] {
        [
            Measurement("face_reference_luma", reference, limit: Self.reference), Measurement("dark_share_ratio", s.darkShare, limit: dark),
            Measurement("clipped_share_ratio", s.clippedShare, limit: clipped), Measurement("face_p05_luma", s.lumaP05, limit: washed),
            Measurement("face_p95_luma", s.lumaP95), Measurement("eye_white_luma", s.eyeWhiteLuma ?? 0),
            Measurement("face_median_luma", s.lumaMedian), Measurement("scene_p99_level", s.sceneBrightP99),
        ]
    }

    @Test func aWellExposedFacePasses() {
        let s = FaceStatistics.given()
        expectFinding(
            Self.finding(s), "light.exposure", .pass, Self.measurements(s, reference: 180),
            zh: "面部曝光正常(亮度中位 130,眼白/高光 180)", en: "Face well exposed (median luma 130, eye whites/highlights 180)")
    }

    /// The reference is the brighter of the eye whites and the skin's highlights: here the eyes (100).
    @Test func aDimFaceWarns() {
        let s = FaceStatistics.given(lumaMedian: 70, lumaP95: 95, darkShare: 0.02, eyeWhiteLuma: 100)
        expectFinding(
            Self.finding(s), "light.exposure", .warn, Self.measurements(s, reference: 100),
            zh: "面部曝光不足:眼白和皮肤高光最亮只有 100(低于 120 的标准,可容忍至 90),死黑像素 2%(要求 ≤ 5%)",
            en:
                "Face under-exposed: even the eye whites and skin highlights reach only 100 (below the 120 target, tolerated down to 90); 2% crushed to black (limit ≤ 5%)",
            hint: Localized(
                zh: "在更亮的地方重拍:面向窗户或加一盏柔光灯,不要在昏暗室内自拍", en: "Re-shoot in more light: face a window or add a soft lamp; avoid dim rooms"))
    }

    @Test func aBurntOutFaceFails() {
        let s = FaceStatistics.given(lumaP05: 225, lumaMedian: 240, lumaP95: 252, clippedShare: 0.12, eyeWhiteLuma: 250)
        expectFinding(
            Self.finding(s), "light.exposure", .fail, Self.measurements(s, reference: 252),
            zh: "面部曝光过度:过曝像素 12%(要求 ≤ 3%),面部最暗处亮度 225(超过 215 的标准,可容忍至 230)",
            en: "Face over-exposed: 12% clipped to white (limit ≤ 3%); its darkest skin is 225 (above the 215 target, tolerated up to 230)",
            hint: Localized(zh: "减弱光线或降低曝光,避免强光直射和闪光灯", en: "Use softer light or lower the exposure; avoid direct sun and flash"))
    }
}

@Suite struct LightSymmetryRuleTests {
    static let limit = Limit.within(0.87, 1.15, warn: .init(min: 0.8, max: 1.25))

    static func finding(left: Double, right: Double) -> Finding {
        GivenPhoto.finding(
            "light.symmetry",
            GivenPhoto.photo(
                face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240),
                faceStatistics: .given(leftCheekLuma: left, rightCheekLuma: right)))
    }

    static func measurements(_ left: Double, _ right: Double) -> [Measurement] {
        [
            Measurement("cheek_luma_ratio", left / right, limit: limit), Measurement("left_cheek_luma", left),
            Measurement("right_cheek_luma", right),
        ]
    }

    @Test func evenLightPasses() {
        expectFinding(
            Self.finding(left: 120, right: 120), "light.symmetry", .pass, Self.measurements(120, 120),
            zh: "左右脸光线均匀(亮度比 1)", en: "Even light on both cheeks (ratio 1)")
    }

    @Test func aSomewhatDarkerLeftCheekWarns() {
        expectFinding(
            Self.finding(left: 100, right: 120), "light.symmetry", .warn, Self.measurements(100, 120),
            zh: "阴阳脸:左右脸颊亮度比 0.83(低于 0.87 的标准,可容忍至 0.8),画面左侧的脸偏暗",
            en:
                "One-sided light: cheek brightness ratio 0.83 (below the 0.87 target, tolerated down to 0.8); the face is darker on the picture's left",
            hint: Localized(zh: "在画面左侧补一盏灯或反光板,或正对窗户拍摄", en: "Add a light or reflector on the picture's left side, or face the window squarely"))
    }

    @Test func aMuchDarkerRightCheekFails() {
        expectFinding(
            Self.finding(left: 160, right: 110), "light.symmetry", .fail, Self.measurements(160, 110),
            zh: "阴阳脸:左右脸颊亮度比 1.45(要求 0.87–1.15),画面右侧的脸偏暗",
            en: "One-sided light: cheek brightness ratio 1.45 (limit 0.87–1.15); the face is darker on the picture's right",
            hint: Localized(zh: "在画面右侧补一盏灯或反光板,或正对窗户拍摄", en: "Add a light or reflector on the picture's right side, or face the window squarely"))
    }

    @Test func unmeasurableCheeksSkip() {
        expectFinding(Self.finding(left: 120, right: 0), "light.symmetry", .skip, [], zh: "脸颊区域无法测量", en: "the cheeks cannot be measured")
    }
}

@Suite struct LightHighlightsRuleTests {
    static let limit = Limit.atMost(0.01, warnMax: 0.03)
    static let hint = Localized(
        zh: "用柔光(不要直射灯或闪光灯),拍前用吸油纸擦去脸上油光", en: "Use diffuse light (no direct lamp or flash) and blot shiny skin before the shot")

    static func finding(worst: Double, share: Double) -> Finding {
        GivenPhoto.finding(
            "light.highlights",
            GivenPhoto.photo(
                face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240),
                faceStatistics: .given(highlightShare: share, highlightWorstRegionShare: worst)))
    }

    static func measurements(_ worst: Double, _ share: Double) -> [Measurement] {
        [Measurement("worst_region_clipped_ratio", worst, limit: limit), Measurement("clipped_share_ratio", share)]
    }

    @Test func aMattFacePasses() {
        expectFinding(
            Self.finding(worst: 0.005, share: 0.002), "light.highlights", .pass, Self.measurements(0.005, 0.002),
            zh: "面部没有明显的过曝光斑(最多 0.5%)", en: "No clipped highlights on the face (at most 0.5%)")
    }

    @Test func aShinyForeheadWarns() {
        expectFinding(
            Self.finding(worst: 0.02, share: 0.008), "light.highlights", .warn, Self.measurements(0.02, 0.008),
            zh: "面部有过曝光斑:额头、鼻子或脸颊处最多 2% 的像素过曝(超过 1% 的标准,可容忍至 3%)",
            en: "Clipped highlights on the face: up to 2% of the forehead, nose or a cheek is burnt out (above the 1% target, tolerated up to 3%)",
            hint: Self.hint)
    }

    @Test func aBurntOutSpotFails() {
        expectFinding(
            Self.finding(worst: 0.05, share: 0.02), "light.highlights", .fail, Self.measurements(0.05, 0.02),
            zh: "面部有过曝光斑:额头、鼻子或脸颊处最多 5% 的像素过曝(要求 ≤ 1%)",
            en: "Clipped highlights on the face: up to 5% of the forehead, nose or a cheek is burnt out (limit ≤ 1%)", hint: Self.hint)
    }
}
