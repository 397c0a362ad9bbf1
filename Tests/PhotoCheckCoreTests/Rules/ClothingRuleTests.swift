import PhotoCheckCore
import PhotoCheckTestSupport
import Testing

/// The clothing rules on given statistics of the top and the backdrop (chsi-2017: the top at least
/// ΔE2000 20 from the backdrop passes, 5 warns; an edge density up to 10% passes, above only warns).
@Suite struct ClothingContrastRuleTests {
    static let limit = Limit.atLeast(20, warnMin: 5)
    static let backdrop = Colour.lab(100, 197, 255)

    static func finding(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Finding {
        let photo = GivenPhoto.photo(face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240), background: .given(median: backdrop))
        photo.given(clothing: .given(median: Colour.lab(r, g, b)))
        return GivenPhoto.finding("clothing.contrast", photo)
    }

    static func distance(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Double { Colour.deltaE2000(Colour.lab(r, g, b), backdrop) }

    static func measurements(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> [Measurement] {
        [Measurement("delta_e2000", distance(r, g, b), limit: limit), Measurement("clothing_l", Colour.lab(r, g, b).L)]
    }

    static let hint = Localized(
        zh: "换一件与浅蓝背景反差明显的上衣(深色或白色,不要蓝色)", en: "Wear a top that contrasts with the light-blue backdrop (dark or white, not blue)")

    @Test func aDarkTopPasses() {
        let d = formatNumber(Self.distance(30, 30, 60), digits: 1)
        #expect(Self.distance(30, 30, 60) > 20)
        expectFinding(
            Self.finding(30, 30, 60), "clothing.contrast", .pass, Self.measurements(30, 30, 60),
            zh: "上衣与背景区分明显(色差 \(d))", en: "The top stands out from the backdrop (colour difference \(d))")
    }

    @Test func aPaleBlueTopWarns() {
        let distance = Self.distance(150, 205, 240), d = formatNumber(distance, digits: 1)
        #expect(distance > 5 && distance < 20)
        expectFinding(
            Self.finding(150, 205, 240), "clothing.contrast", .warn, Self.measurements(150, 205, 240),
            zh: "上衣 RGB(150,205,240) 与背景颜色太接近,色差仅 \(d)(低于 20 的标准,可容忍至 5)",
            en: "The top RGB(150,205,240) is close to the backdrop colour: colour difference \(d) (below the 20 target, tolerated down to 5)",
            hint: Self.hint)
    }

    @Test func aTopTheBackdropsColourFails() {
        expectFinding(
            Self.finding(100, 197, 255), "clothing.contrast", .fail, Self.measurements(100, 197, 255),
            zh: "黑边检测不合格:上衣 RGB(100,197,255) 与背景颜色太接近,色差仅 0(要求 ≥ 20)",
            en: "The top RGB(100,197,255) is close to the backdrop colour: colour difference 0 (limit ≥ 20)", hint: Self.hint)
    }
}

/// clothing.pattern never fails: a patterned top only warns.
@Suite struct ClothingPatternRuleTests {
    static let limit = Limit.atMost(0.1, beyond: .warn)

    static func finding(edgeDensity: Double) -> Finding {
        let photo = GivenPhoto.photo(face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240))
        photo.given(clothing: .given(median: Colour.lab(30, 30, 60), edgeDensity: edgeDensity))
        return GivenPhoto.finding("clothing.pattern", photo)
    }

    @Test func aPlainTopPasses() {
        expectFinding(
            Self.finding(edgeDensity: 0.03), "clothing.pattern", .pass, [Measurement("edge_density_ratio", 0.03, limit: Self.limit)],
            zh: "上衣素净(边缘密度 3%)", en: "Plain top (edge density 3%)")
    }

    @Test func aStripedTopWarns() {
        expectFinding(
            Self.finding(edgeDensity: 0.2), "clothing.pattern", .warn, [Measurement("edge_density_ratio", 0.2, limit: Self.limit)],
            zh: "上衣有图案、条纹或文字(边缘密度 20%,超过 10% 的标准,此项只提醒)",
            en: "The top has a pattern, stripes or letters (edge density 20%, above the 10% target; a warning, not a failure)",
            hint: Localized(zh: "换一件纯色、无图案无字母的上衣", en: "Wear a plain top without patterns or letters"))
    }
}
