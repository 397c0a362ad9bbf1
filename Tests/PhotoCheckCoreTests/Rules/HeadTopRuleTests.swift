import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// framing.head_top on given faces and masks (chsi-2017, 480×640: the band is 50–110 px and
/// beyond it fails; an estimated head top only warns unless every head's proportions put the
/// crown outside the band).
@Suite struct HeadTopRuleTests {
    static let band = Limit.within(50, 110)

    static func photo(eyeY: Double, headTop: Int, busy: Bool = false) -> PhotoAnalysis {
        let face = GivenPhoto.face(eyeY: eyeY, width: 220, centreX: 240)
        return GivenPhoto.photo(face: face, mask: GivenPhoto.mask(face: face, headTop: headTop, shoulders: 440, spread: busy ? 30 : 2))
    }

    @Test func aMeasuredHeadTopInsideTheBandPasses() {
        let finding = GivenPhoto.finding("framing.head_top", Self.photo(eyeY: 250, headTop: 80))
        expectFinding(
            finding, "framing.head_top", .pass,
            [Measurement("head_top_y_px", 80, limit: Self.band), Measurement("head_top_y_pct", 12.5)],
            zh: "头顶距上边沿 80 像素(占高度 12.5%)(要求 50–110 像素)",
            en: "Head top is 80 px (12.5% of the height) from the top edge (needs 50–110 px)")
        #expect(
            finding.marks == [
                Mark(.rows(top: 50, bottom: 110), .limit), .horizontal(80, from: 0, to: 479, .measured, label: "head top 80 px"),
            ])
    }

    @Test func aMeasuredHeadTopBelowTheBandFails() {
        let finding = GivenPhoto.finding("framing.head_top", Self.photo(eyeY: 250, headTop: 130))
        expectFinding(
            finding, "framing.head_top", .fail,
            [Measurement("head_top_y_px", 130, limit: Self.band), Measurement("head_top_y_pct", 20.3)],
            zh: "头顶距离顶部百分比不合格:头顶距上边沿 130 像素(占高度 20.3%),要求 50–110 像素",
            en: "Head top is 130 px (20.3% of the height) from the top edge; limit 50–110 px",
            hint: Localized(
                zh: "头顶上方留白太多,多出 20–80 像素(高度的 3–13%):相机略向下移或靠近一些",
                en: "Too much space above the head: 20–80 px (3–13% of the height) too much; move the camera down or closer"))
    }

    @Test func hairAtTheTopEdgeFails() {
        let finding = GivenPhoto.finding("framing.head_top", Self.photo(eyeY: 200, headTop: 0))
        expectFinding(
            finding, "framing.head_top", .fail,
            [Measurement("head_top_y_px", 0, limit: Self.band), Measurement("head_top_y_pct", 0)],
            zh: "头顶距离顶部百分比不合格:头发顶到或超出画面上边沿,头顶上方没有留白(要求留出 50–110 像素)",
            en: "The hair reaches or is cut by the top edge: no space above the head (the standard wants 50–110 px)",
            hint: Localized(
                zh: "头顶上方留白太少,还需多留 50–110 像素(高度的 8–17%):相机略向上移或后退一些",
                en: "Too little space above the head: leave 50–110 px (8–17% of the height) more room above the head; move the camera up or step back"
            ))
    }

    /// On a busy backdrop the head top is estimated (eye line − 1.1 × eye-to-chin) and outside the
    /// band only warns while a head's proportions could still put the crown inside it.
    @Test func anEstimatedHeadTopOutsideTheBandWarns() {
        // Eye-to-chin is 0.7991 face widths: 175.8 px; the estimate 313 − 193.4 ≈ 120.
        let finding = GivenPhoto.finding("framing.head_top", Self.photo(eyeY: 313, headTop: 100, busy: true))
        expectFinding(
            finding, "framing.head_top", .warn,
            [
                Measurement("head_top_y_px", 120, limit: .within(50, 110, beyond: .warn)), Measurement("head_top_y_pct", 18.8),
                Measurement("head_top_estimated", 1), Measurement("head_top_lowest_estimate_y_px", 160, limit: .atLeast(50)),
                Measurement("head_top_highest_estimate_y_px", 69, limit: .atMost(110)), Measurement("backdrop_spread", 30),
            ],
            zh: "头顶距上边沿 约 120 像素(占高度 18.8%),超过 110 像素 的标准,此项只提醒(背景不纯,头顶位置按脸部比例估计)",
            en:
                "Head top is about 120 px (18.8% of the height) from the top edge; above the 110 px target; a warning, not a failure (busy backdrop: head top estimated from the face's proportions)",
            hint: Localized(
                zh: "头顶上方留白太多,多出 10–70 像素(高度的 2–11%):相机略向下移或靠近一些",
                en: "Too much space above the head: 10–70 px (2–11% of the height) too much; move the camera down or closer"))
        // The picture draws the estimate, dashed and labelled, with the crowns the proportions allow.
        #expect(
            finding.marks.prefix(2) == [
                Mark(.rows(top: 50, bottom: 110), .limit), .horizontal(120, from: 0, to: 479, .estimated, label: "head top ~120 px (estimated)"),
            ])
        #expect(finding.marks.count == 3 && finding.marks[2].role == .estimated)
    }

    /// When even the tallest proportion puts the crown below the band, the estimate fails.
    @Test func anEstimateSurelyOutsideTheBandFails() {
        let finding = GivenPhoto.finding("framing.head_top", Self.photo(eyeY: 400, headTop: 100, busy: true))
        expectFinding(
            finding, "framing.head_top", .fail,
            [
                Measurement("head_top_y_px", 207, limit: .within(50, 110, beyond: .warn)), Measurement("head_top_y_pct", 32.3),
                Measurement("head_top_estimated", 1), Measurement("head_top_lowest_estimate_y_px", 247, limit: .atLeast(50)),
                Measurement("head_top_highest_estimate_y_px", 156, limit: .atMost(110)), Measurement("backdrop_spread", 30),
            ],
            zh: "头顶距离顶部百分比不合格:头顶距上边沿 约 207 像素(占高度 32.3%),要求 50–110 像素(背景不纯,头顶位置按脸部比例估计)",
            en:
                "Head top is about 207 px (32.3% of the height) from the top edge; limit 50–110 px (busy backdrop: head top estimated from the face's proportions)",
            hint: Localized(
                zh: "头顶上方留白太多,多出 97–157 像素(高度的 15–25%):相机略向下移或靠近一些",
                en: "Too much space above the head: 97–157 px (15–25% of the height) too much; move the camera down or closer"))
    }

    @Test func withoutAFaceItSkips() {
        let finding = GivenPhoto.finding("framing.head_top", GivenPhoto.photo(face: nil))
        expectFinding(finding, "framing.head_top", .skip, [], zh: "未检测到正面人脸", en: "no frontal face was found")
    }
}
