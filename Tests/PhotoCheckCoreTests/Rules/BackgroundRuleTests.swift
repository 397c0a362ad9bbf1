import PhotoCheckCore
import PhotoCheckTestSupport
import Testing

/// The backdrop rules on given backdrop statistics (chsi-2017: light blue RGB(100,197,255)).
@Suite struct BackgroundColourRuleTests {
    static let distance = Limit.atMost(10, beyond: .warn), lightness = Limit.atLeast(40)

    static func finding(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Finding {
        let face = GivenPhoto.face(eyeY: 250, width: 220, centreX: 240)
        let photo = GivenPhoto.photo(
            face: face, mask: GivenPhoto.mask(face: face, headTop: 80, shoulders: 440),
            background: .given(median: Colour.lab(r, g, b)))
        return GivenPhoto.finding("background.colour", photo)
    }

    static func measurements(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> [Measurement] {
        let lab = Colour.lab(r, g, b)
        return [
            Measurement("delta_e2000", Colour.deltaE2000(lab, Colour.lab(100, 197, 255)), limit: distance),
            Measurement("lightness_l", lab.L, limit: lightness), Measurement("median_r", Double(r)), Measurement("median_g", Double(g)),
            Measurement("median_b", Double(b)),
        ]
    }

    @Test func theReferenceBluePasses() {
        let finding = Self.finding(100, 197, 255)
        expectFinding(
            finding, "background.colour", .pass, Self.measurements(100, 197, 255),
            zh: "背景 RGB(100,197,255),与参考浅蓝 RGB(100,197,255) 的色差 0(要求 ≤ 10)",
            en: "Backdrop RGB(100,197,255), colour difference 0 from the reference light blue RGB(100,197,255) (limit ≤ 10)")
        // The outline of the person the backdrop was sampled around.
        #expect(finding.marks.count == 1 && finding.marks[0].role == .found)
    }

    @Test func aLightGreyBackdropWarns() {
        let d = formatNumber(Colour.deltaE2000(Colour.lab(220, 220, 220), Colour.lab(100, 197, 255)), digits: 1)
        expectFinding(
            Self.finding(220, 220, 220), "background.colour", .warn, Self.measurements(220, 220, 220),
            zh: "背景不是标准浅蓝色:RGB(220,220,220),与参考 RGB(100,197,255) 的色差 \(d)(超过 10 的标准,此项只提醒);部分学校接受其他浅色背景,请确认",
            en:
                "The backdrop is not the standard light blue: RGB(220,220,220), colour difference \(d) from RGB(100,197,255) (above the 10 target; a warning, not a failure); some schools accept another light colour, check yours",
            hint: Localized(
                zh: "在浅蓝色 RGB(100,197,255) 的纯色背景布或墙前重拍(或由照相馆换成标准蓝底)",
                en: "Re-shoot in front of a plain light-blue RGB(100,197,255) backdrop (or have a studio replace it with the standard blue)"))
        #expect(Double(d).map { $0 > 10 } == true)
    }

    @Test func aDarkBackdropFails() {
        expectFinding(
            Self.finding(118, 49, 39), "background.colour", .fail, Self.measurements(118, 49, 39),
            zh: "背景太暗:RGB(118,49,39),亮度 30(要求 ≥ 40),应为浅蓝色 RGB(100,197,255)",
            en: "The backdrop is dark: RGB(118,49,39), lightness 30 (limit ≥ 40); it should be light blue RGB(100,197,255)",
            hint: Localized(
                zh: "在浅蓝色 RGB(100,197,255) 的纯色背景布或墙前重拍(或由照相馆换成标准蓝底)",
                en: "Re-shoot in front of a plain light-blue RGB(100,197,255) backdrop (or have a studio replace it with the standard blue)"))
    }
}

@Suite struct BackgroundUniformityRuleTests {
    static let gradient = Limit.atMost(15, warnMax: 21), outliers = Limit.atMost(0.03, warnMax: 0.08), spread = Limit.atMost(6, warnMax: 10)

    static func finding(gradient: Double, outliers: Double, spread: Double) -> Finding {
        let photo = GivenPhoto.photo(
            face: nil,
            background: .given(median: Colour.lab(100, 197, 255), gradientLightness: gradient, outlierShare: outliers, spread: spread, share: 0.5))
        return GivenPhoto.finding("background.uniformity", photo)
    }

    static func measurements(_ g: Double, _ o: Double, _ s: Double) -> [Measurement] {
        [
            Measurement("gradient_delta_l", g, limit: gradient), Measurement("outlier_share_ratio", o, limit: outliers),
            Measurement("spread_delta_e2000", s, limit: spread), Measurement("background_share_ratio", 0.5),
        ]
    }

    @Test func aPlainBackdropPasses() {
        expectFinding(
            Self.finding(gradient: 2, outliers: 0, spread: 1), "background.uniformity", .pass, Self.measurements(2, 0, 1),
            zh: "背景均匀:明暗相差 2,杂物占 0%", en: "Plain backdrop: brightness varies by 2 across it, clutter 0%")
    }

    @Test func anUnevenlyLitBackdropWarns() {
        expectFinding(
            Self.finding(gradient: 18, outliers: 0, spread: 1), "background.uniformity", .warn, Self.measurements(18, 0, 1),
            zh: "背景不均匀:明暗相差 18(超过 15 的标准,可容忍至 21),与背景色不同的杂物占 0%(要求 ≤ 3%),颜色起伏 1(要求 ≤ 6)",
            en:
                "Backdrop not uniform: its brightness varies by 18 across it (above the 15 target, tolerated up to 21), 0% of it is not the backdrop colour (limit ≤ 3%), colour varies by 1 (limit ≤ 6)",
            hint: Localized(
                zh: "背景明暗不匀:让背景均匀受光(离墙远一点、加一盏灯照背景)",
                en: "The backdrop is unevenly lit: light it evenly (step away from the wall, add a light on the backdrop)"))
    }

    @Test func aClutteredBackdropFails() {
        expectFinding(
            Self.finding(gradient: 30, outliers: 0.2, spread: 15), "background.uniformity", .fail, Self.measurements(30, 0.2, 15),
            zh: "背景不均匀:明暗相差 30(要求 ≤ 15),与背景色不同的杂物占 20%(要求 ≤ 3%),颜色起伏 15(要求 ≤ 6)",
            en:
                "Backdrop not uniform: its brightness varies by 30 across it (limit ≤ 15), 20% of it is not the backdrop colour (limit ≤ 3%), colour varies by 15 (limit ≤ 6)",
            hint: Localized(
                zh: "背景中有物体、图案或他人:在纯色背景布或白墙前重拍",
                en: "Objects, patterns or people behind you: re-shoot in front of a plain backdrop"))
    }
}

@Suite struct BackgroundShadowRuleTests {
    static let limit = Limit.atLeast(-3, warnMin: -6)

    static func finding(delta: Double?, busy: Bool = false) -> Finding {
        let face = GivenPhoto.face(eyeY: 250, width: 220, centreX: 240)
        let photo = GivenPhoto.photo(
            face: face, mask: GivenPhoto.mask(face: face, headTop: 80, shoulders: 440, spread: busy ? 30 : 2),
            background: .given(median: Colour.lab(100, 197, 255), shadowDeltaLightness: delta))
        return GivenPhoto.finding("background.shadow", photo)
    }

    static let hint = Localized(zh: "离背景墙远一点(至少半米),或给背景单独补光", en: "Step away from the wall (half a metre or more) or light the backdrop separately")

    @Test func noShadowPasses() {
        expectFinding(
            Self.finding(delta: 0.5), "background.shadow", .pass, [Measurement("band_delta_l", 0.5, limit: Self.limit)],
            zh: "人像周围没有阴影(亮度差 0.5)", en: "No shadow around the person (brightness difference 0.5)")
    }

    @Test func aFaintShadowWarns() {
        expectFinding(
            Self.finding(delta: -4.5), "background.shadow", .warn, [Measurement("band_delta_l", -4.5, limit: Self.limit)],
            zh: "有阴影:人像旁的背景比远处暗 4.5(亮度差,超过 3 的标准,可容忍至 6)",
            en: "Shadow: the backdrop next to you is 4.5 darker than farther out (lightness, above the 3 target, tolerated up to 6)", hint: Self.hint)
    }

    @Test func aDarkShadowFails() {
        expectFinding(
            Self.finding(delta: -9), "background.shadow", .fail, [Measurement("band_delta_l", -9, limit: Self.limit)],
            zh: "有阴影:人像旁的背景比远处暗 9(亮度差,要求 ≤ 3)",
            en: "Shadow: the backdrop next to you is 9 darker than farther out (lightness, limit ≤ 3)", hint: Self.hint)
    }

    @Test func aBusyBackdropOrNoBackdropBesideThePersonSkips() {
        expectFinding(
            Self.finding(delta: -9, busy: true), "background.shadow", .skip, [], zh: "背景不是纯色,无法判断阴影(见背景均匀项)",
            en: "the backdrop is not plain, so a shadow cannot be told apart (see background.uniformity)")
        expectFinding(
            Self.finding(delta: nil), "background.shadow", .skip, [], zh: "人像两侧可见的背景太少",
            en: "too little backdrop beside the person to measure")
    }
}
