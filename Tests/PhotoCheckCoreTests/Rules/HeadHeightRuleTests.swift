import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// framing.head_height on given faces and masks (icao, 413×531: chin to crown 70–80% of the
/// height; an estimated crown only warns).
@Suite struct HeadHeightRuleTests {
    static let icao = try! Profile.builtIn(named: "icao")
    static let band = Limit.within(70, 80)

    static func photo(eyeY: Double, width: Double, headTop: Int, busy: Bool = false) -> PhotoAnalysis {
        let face = GivenPhoto.face(eyeY: eyeY, width: width, centreX: 206.5)
        return GivenPhoto.photo(
            profile: Self.icao, width: 413, height: 531, face: face,
            mask: GivenPhoto.mask(width: 413, height: 531, face: face, headTop: headTop, shoulders: 400, spread: busy ? 30 : 2))
    }

    @Test func aHeadOfThreeQuartersOfTheHeightPasses() {
        // Chin at 220 + 0.7991 × 230 ≈ 403.8; crown at 6: 397.8 px, 74.9% of 531.
        let finding = GivenPhoto.finding("framing.head_height", Self.photo(eyeY: 220, width: 230, headTop: 6))
        expectFinding(
            finding, "framing.head_height", .pass, [Measurement("head_height_pct", 74.9, limit: Self.band), Measurement("head_height_px", 398)],
            zh: "头部(下巴到头顶)高 398 像素,占画面高度 74.9%(要求 70–80%)", en: "The head (chin to crown) is 398 px, 74.9% of the height (needs 70–80%)")
        #expect(finding.marks.first?.role == .measured && finding.marks.first?.label == "head 74.9%")
    }

    @Test func anEstimatedSmallHeadWarns() {
        // Eye-to-chin 143.8 px: the crown estimated at 300 − 158.2 ≈ 142, the chin at 443.8.
        let finding = GivenPhoto.finding("framing.head_height", Self.photo(eyeY: 300, width: 180, headTop: 100, busy: true))
        expectFinding(
            finding, "framing.head_height", .warn,
            [
                Measurement("head_height_pct", 56.8, limit: .within(70, 80, beyond: .warn)), Measurement("head_height_px", 302),
                Measurement("head_top_estimated", 1),
            ],
            zh: "头部太小:下巴到头顶 302 像素,占画面高度 56.8%,低于 70% 的标准,此项只提醒(背景不纯,头顶位置按脸部比例估计)",
            en:
                "The head is too small: chin to crown 302 px, 56.8% of the height; below the 70% target; a warning, not a failure (busy backdrop: head top estimated from the face's proportions)",
            hint: Localized(
                zh: "靠近到现在距离的约 0.8 倍(如 1 米移到 0.8 米)或把镜头拉近,让头部占画面高度的 70–80%",
                en: "Move closer, to about 0.8× the distance (1 m → 0.8 m) or zoom in, so the head fills 70–80% of the height"))
        #expect(finding.marks.first?.role == .estimated)
    }

    @Test func aMeasuredSmallHeadFails() {
        let finding = GivenPhoto.finding("framing.head_height", Self.photo(eyeY: 220, width: 230, headTop: 120))
        expectFinding(
            finding, "framing.head_height", .fail, [Measurement("head_height_pct", 53.4, limit: Self.band), Measurement("head_height_px", 284)],
            zh: "头部太小:下巴到头顶 284 像素,占画面高度 53.4%,要求 70–80%",
            en: "The head is too small: chin to crown 284 px, 53.4% of the height; limit 70–80%",
            hint: Localized(
                zh: "靠近到现在距离的约 0.7 倍(如 1 米移到 0.7 米)或把镜头拉近,让头部占画面高度的 70–80%",
                en: "Move closer, to about 0.7× the distance (1 m → 0.7 m) or zoom in, so the head fills 70–80% of the height"))
    }
}
