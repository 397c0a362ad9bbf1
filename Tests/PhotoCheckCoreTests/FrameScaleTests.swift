import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// Geometry limits on photos that are not 480×640 scale with the largest 3:4 crop.
@Suite struct FrameScaleTests {
    @Test func scaleIsThatOfTheLargestThreeByFourCrop() {
        let profile = Profile.chsi2017
        #expect(profile.frameScale(width: 960, height: 1280) == 2)
        #expect(abs(profile.frameScale(width: 1350, height: 1350) - 1350.0 / 640) < 1e-12)
        #expect(abs(profile.frameScale(width: 970, height: 2204) - 970.0 / 480) < 1e-12)
    }

    /// A square studio portrait whose face is well framed once cropped to 3:4 is not called too small.
    @Test func squareStudioPhotoFaceWidthIsJudgedOnItsCrop() throws {
        let name = "real/frll-neutral-plain-grey-bg-05.jpg"
        let report = checkPhoto(path: name, bytes: try TestPaths.fixtureBytes(name))
        let finding = report.finding("framing.face_width")
        let width = try #require(finding.value("face_width_px"))
        #expect(width > 400 && width < 500)
        let limit = try #require(finding.measurements.first { $0.key == "face_width_px" }?.limit)
        // 180–300 px scaled by 1350/640, rounded to whole pixels.
        #expect(limit.pass.min == 380 && limit.pass.max == 633)
        #expect(finding.status == .pass)
        #expect(report.status("file.dimensions") == .fail)
    }
}
