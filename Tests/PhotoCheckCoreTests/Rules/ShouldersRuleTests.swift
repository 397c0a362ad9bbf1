import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// framing.shoulders on given masks (chsi-2017: the person at the bottom at least 1.6 face widths
/// wide passes; narrower only warns; a busy backdrop's outline is not trusted).
@Suite struct ShouldersRuleTests {
    static let limit = Limit.atLeast(1.6, beyond: .warn)

    static func photo(shoulders: Int, busy: Bool = false) -> PhotoAnalysis {
        let face = GivenPhoto.face(eyeY: 250, width: 220, centreX: 240)
        return GivenPhoto.photo(
            face: face, mask: GivenPhoto.mask(face: face, headTop: 80, shoulders: shoulders, spread: busy ? 30 : 2))
    }

    @Test func bothShouldersInFramePass() {
        let finding = GivenPhoto.finding("framing.shoulders", Self.photo(shoulders: 440))
        expectFinding(
            finding, "framing.shoulders", .pass, [Measurement("shoulder_span_ratio", 2, limit: Self.limit), Measurement("shoulder_span_px", 440)],
            zh: "底部人像宽度为脸宽的 2 倍,双肩完整", en: "The person spans 2× the face width at the bottom: shoulders in frame")
        #expect(finding.marks.last == .horizontal(633, from: 20, to: 459, .measured, label: "shoulders 2x face width"))
    }

    @Test func aNarrowBodyWarns() {
        let finding = GivenPhoto.finding("framing.shoulders", Self.photo(shoulders: 330))
        expectFinding(
            finding, "framing.shoulders", .warn,
            [Measurement("shoulder_span_ratio", 1.5, limit: Self.limit), Measurement("shoulder_span_px", 330)],
            zh: "大头照 / 肩膀未照全:底部人像宽度只有脸宽的 1.5 倍(低于 1.6 倍 的标准,此项只提醒)",
            en: "Shoulders not in frame: the person spans only 1.5× the face width at the bottom (below the 1.6× target; a warning, not a failure)",
            hint: Localized(
                zh: "后退到现在距离的约 1.1 倍(如 1 米退到 1.1 米)或把镜头拉远,拍到双肩",
                en: "Step back to about 1.1× the distance (1 m → 1.1 m) or zoom out so both shoulders are in the picture"))
    }

    /// It never fails (a narrow body is a warning); on a busy backdrop it is not judged.
    @Test func aBusyBackdropSkips() {
        let finding = GivenPhoto.finding("framing.shoulders", Self.photo(shoulders: 440, busy: true))
        expectFinding(
            finding, "framing.shoulders", .skip, [], zh: "背景不纯,无法可靠地分出人像轮廓",
            en: "the backdrop is not plain, so the person's outline cannot be trusted")
        #expect(finding.marks.isEmpty)
    }
}
