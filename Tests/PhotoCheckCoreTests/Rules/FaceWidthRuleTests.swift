import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// framing.face_width on given faces (chsi-2017, 480 px wide: 180–300 px, beyond fails).
@Suite struct FaceWidthRuleTests {
    static let band = Limit.within(180, 300)

    static func photo(width: Double, profile: Profile = .chsi2017) -> PhotoAnalysis {
        let face = GivenPhoto.face(eyeY: 250, width: width, centreX: 240)
        return GivenPhoto.photo(profile: profile, face: face, mask: GivenPhoto.mask(face: face, headTop: 70, shoulders: 440))
    }

    @Test func aFaceInsideTheBandPasses() {
        let finding = GivenPhoto.finding("framing.face_width", Self.photo(width: 220))
        expectFinding(
            finding, "framing.face_width", .pass, [Measurement("face_width_px", 220, limit: Self.band), Measurement("face_width_pct", 45.8)],
            zh: "脸宽 220 像素(占宽度 45.8%)(要求 180–300 像素)", en: "Face width 220 px (45.8% of the width) (needs 180–300 px)")
        // Ticks at the narrowest and widest face allowed about the axis, and the line measured.
        let ticks = finding.marks.filter { $0.role == .limit }.compactMap { mark -> Double? in
            guard case .line(let a, let b) = mark.shape, a.x == b.x else { return nil }
            return a.x
        }
        #expect(ticks.map { ($0 * 1000).rounded() / 1000 } == [150, 330, 90, 390])
        #expect(finding.marks.last?.role == .measured && finding.marks.last?.label == "face 220 px")
    }

    @Test func aFaceJustWiderThanTheBandWarnsWhereTheProfileTolerates() {
        let finding = GivenPhoto.finding("framing.face_width", Self.photo(width: 305, profile: EyeLineRuleTests.tolerant))
        expectFinding(
            finding, "framing.face_width", .warn,
            [Measurement("face_width_px", 305, limit: .within(180, 300, warn: .init(min: 170, max: 310))), Measurement("face_width_pct", 63.5)],
            zh: "脸太大(大头照):脸宽 305 像素(占宽度 63.5%),要求 180–300 像素",
            en: "Close-up: the face is 305 px (63.5% of the width) wide; the standard wants 180–300 px",
            hint: Localized(
                zh: "后退到现在距离的约 1.3 倍(如 1 米退到 1.3 米)或把镜头拉远,让肩部进入画面",
                en: "Step back to about 1.3× the distance (1 m → 1.3 m) or zoom out, so the shoulders come into the frame"))
    }

    @Test func aCloseUpFails() {
        let finding = GivenPhoto.finding("framing.face_width", Self.photo(width: 330))
        expectFinding(
            finding, "framing.face_width", .fail, [Measurement("face_width_px", 330, limit: Self.band), Measurement("face_width_pct", 68.8)],
            zh: "脸太大(大头照):脸宽 330 像素(占宽度 68.8%),要求 180–300 像素",
            en: "Close-up: the face is 330 px (68.8% of the width) wide; the standard wants 180–300 px",
            hint: Localized(
                zh: "后退到现在距离的约 1.4 倍(如 1 米退到 1.4 米)或把镜头拉远,让肩部进入画面",
                en: "Step back to about 1.4× the distance (1 m → 1.4 m) or zoom out, so the shoulders come into the frame"))
    }

    @Test func aSmallFaceFails() {
        let finding = GivenPhoto.finding("framing.face_width", Self.photo(width: 160))
        expectFinding(
            finding, "framing.face_width", .fail, [Measurement("face_width_px", 160, limit: Self.band), Measurement("face_width_pct", 33.3)],
            zh: "脸太小:脸宽 160 像素(占宽度 33.3%),要求 180–300 像素",
            en: "The face is 160 px (33.3% of the width) wide; the standard wants 180–300 px",
            hint: Localized(
                zh: "靠近到现在距离的约 0.7 倍(如 1 米移到 0.7 米)或把镜头拉近,让脸占满规定宽度",
                en: "Move closer, to about 0.7× the distance (1 m → 0.7 m) or zoom in, so the face fills the required width"))
    }
}
