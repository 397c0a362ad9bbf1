import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// framing.centring on given faces (chsi-2017, 480 px wide: the face's axis within 24 px of the
/// centre line passes, within 48 px warns, farther fails).
@Suite struct CentringRuleTests {
    static let limit = Limit.atMost(24, warnMax: 48)

    static func photo(centreX: Double) -> PhotoAnalysis {
        let face = GivenPhoto.face(eyeY: 250, width: 220, centreX: centreX)
        return GivenPhoto.photo(face: face, mask: GivenPhoto.mask(face: face, headTop: 80, shoulders: 440))
    }

    @Test func aFaceNearTheCentrePasses() {
        let finding = GivenPhoto.finding("framing.centring", Self.photo(centreX: 250))
        expectFinding(
            finding, "framing.centring", .pass,
            [
                Measurement("centre_offset_px", 10, limit: Self.limit), Measurement("centre_offset_signed_px", 10),
                Measurement("centre_offset_pct", 2.1),
            ],
            zh: "脸部中心距画面中线 10 像素(允许 ≤ 24)", en: "Face centre is 10 px from the centre line (allowed ≤ 24)")
        #expect(finding.marks.first == Mark(.columns(left: 216, right: 264), .limit))
        #expect(finding.marks.last?.label == "axis +10 px")
    }

    @Test func aFaceRightOfCentreWarns() {
        let finding = GivenPhoto.finding("framing.centring", Self.photo(centreX: 276))
        expectFinding(
            finding, "framing.centring", .warn,
            [
                Measurement("centre_offset_px", 36, limit: Self.limit), Measurement("centre_offset_signed_px", 36),
                Measurement("centre_offset_pct", 7.5),
            ],
            zh: "人像未水平居中:脸部中心偏右 36 像素(宽度的 7.5%),超过 24 像素 的标准,可容忍至 48 像素",
            en: "Not centred: the face centre is 36 px (7.5% of the width) right of the centre line; above the 24 px target, tolerated up to 48 px",
            hint: Localized(
                zh: "脸需左移约 36 像素:相机向右移一些,或裁剪时左边多裁约 72 像素(再按 3:4 裁剪)",
                en:
                    "The face needs to move about 36 px left: move the camera to the right, or crop about 72 px more off the left (then crop back to 3:4)"
            ))
    }

    @Test func aFaceFarLeftOfCentreFails() {
        let finding = GivenPhoto.finding("framing.centring", Self.photo(centreX: 180))
        expectFinding(
            finding, "framing.centring", .fail,
            [
                Measurement("centre_offset_px", 60, limit: Self.limit), Measurement("centre_offset_signed_px", -60),
                Measurement("centre_offset_pct", 12.5),
            ],
            zh: "人像未水平居中:脸部中心偏左 60 像素(宽度的 12.5%),要求 ≤ 24 像素",
            en: "Not centred: the face centre is 60 px (12.5% of the width) left of the centre line; limit ≤ 24 px",
            hint: Localized(
                zh: "脸需右移约 60 像素:相机向左移一些,或裁剪时右边多裁约 120 像素(再按 3:4 裁剪)",
                en:
                    "The face needs to move about 60 px right: move the camera to the left, or crop about 120 px more off the right (then crop back to 3:4)"
            ))
        #expect(finding.marks.last?.label == "axis -60 px")
    }
}
