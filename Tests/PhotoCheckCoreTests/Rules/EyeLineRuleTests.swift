import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

import struct Foundation.Data

/// framing.eye_line on given faces (chsi-2017, 480×640: 200–300 px, beyond fails). chsi-2017 has
/// no warn band for the eye line, so the warning is shown with a profile that has one.
@Suite struct EyeLineRuleTests {
    static let band = Limit.within(200, 300)

    /// chsi-2017 with warn bands 10 px either side of the eye-line and face-width bands.
    static let tolerant = try! Profile(
        json: Data(
            #"""
            {"extends": "chsi-2017", "name": "tolerant", "limits": {
              "framing.eye_line": {"pass": {"min": 200, "max": 300}, "warn": {"min": 190, "max": 310}, "beyond": "fail"},
              "framing.face_width": {"pass": {"min": 180, "max": 300}, "warn": {"min": 170, "max": 310}, "beyond": "fail"}}}
            """#.utf8))

    static func photo(eyeY: Double, headTop: Int, profile: Profile = .chsi2017) -> PhotoAnalysis {
        let face = GivenPhoto.face(eyeY: eyeY, width: 220, centreX: 240)
        return GivenPhoto.photo(profile: profile, face: face, mask: GivenPhoto.mask(face: face, headTop: headTop, shoulders: 440))
    }

    @Test func eyesInsideTheBandPass() {
        let finding = GivenPhoto.finding("framing.eye_line", Self.photo(eyeY: 250, headTop: 80))
        expectFinding(
            finding, "framing.eye_line", .pass, [Measurement("eye_line_y_px", 250, limit: Self.band), Measurement("eye_line_y_pct", 39.1)],
            zh: "眼睛距上边沿 250 像素(占高度 39.1%)(要求 200–300 像素)",
            en: "Eyes are 250 px (39.1% of the height) from the top edge (needs 200–300 px)")
        #expect(finding.marks.first == Mark(.rows(top: 200, bottom: 300), .limit))
        #expect(finding.marks.dropFirst().map(\.label) == ["eyes 250 px"])
    }

    @Test func eyesJustBelowTheBandWarnWhereTheProfileTolerates() {
        let finding = GivenPhoto.finding("framing.eye_line", Self.photo(eyeY: 305, headTop: 130, profile: Self.tolerant))
        expectFinding(
            finding, "framing.eye_line", .warn,
            [
                Measurement("eye_line_y_px", 305, limit: .within(200, 300, warn: .init(min: 190, max: 310))),
                Measurement("eye_line_y_pct", 47.7),
            ],
            zh: "眼睛距上边沿 305 像素(占高度 47.7%),要求 200–300 像素",
            en: "Eyes are 305 px (47.7% of the height) from the top edge; the standard wants 200–300 px",
            hint: Localized(
                zh: "眼睛位置太低,需上移 5–105 像素(高度的 1–16%):头顶上方少留这么多空间(相机略向下移)",
                en:
                    "The eyes are too low: they need to go up by 5–105 px (1–16% of the height); leave that much less room above the head (move the camera down)"
            ))
    }

    @Test func eyesBelowTheBandFail() {
        let finding = GivenPhoto.finding("framing.eye_line", Self.photo(eyeY: 320, headTop: 150))
        expectFinding(
            finding, "framing.eye_line", .fail, [Measurement("eye_line_y_px", 320, limit: Self.band), Measurement("eye_line_y_pct", 50)],
            zh: "眼睛中心距离顶部百分比不合格:眼睛距上边沿 320 像素(占高度 50%),要求 200–300 像素",
            en: "Eyes are 320 px (50% of the height) from the top edge; the standard wants 200–300 px",
            hint: Localized(
                zh: "眼睛位置太低,需上移 20–120 像素(高度的 3–19%):头顶上方少留这么多空间(相机略向下移)",
                en:
                    "The eyes are too low: they need to go up by 20–120 px (3–19% of the height); leave that much less room above the head (move the camera down)"
            ))
    }

    @Test func eyesAboveTheBandFail() {
        let finding = GivenPhoto.finding("framing.eye_line", Self.photo(eyeY: 180, headTop: 10))
        expectFinding(
            finding, "framing.eye_line", .fail, [Measurement("eye_line_y_px", 180, limit: Self.band), Measurement("eye_line_y_pct", 28.1)],
            zh: "眼睛中心距离顶部百分比不合格:眼睛距上边沿 180 像素(占高度 28.1%),要求 200–300 像素",
            en: "Eyes are 180 px (28.1% of the height) from the top edge; the standard wants 200–300 px",
            hint: Localized(
                zh: "眼睛位置太高,需下移 20–120 像素(高度的 3–19%):头顶上方多留这么多空间(相机略向上移)",
                en:
                    "The eyes are too high: they need to come down by 20–120 px (3–19% of the height); leave that much more room above the head (move the camera up)"
            ))
    }
}
