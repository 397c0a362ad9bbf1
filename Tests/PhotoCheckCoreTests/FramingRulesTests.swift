import PhotoCheckTestSupport
import Testing

/// framing.* on a reference photo moved and scaled by known amounts.
@Suite struct FramingRulesTests {
    let reference = SharedAnalyser.shared.real("frll-005-grey-480x640.jpg")

    @Test func referencePhotoPassesEveryFramingCheck() throws {
        for check in ["face.count", "framing.head_top", "framing.eye_line", "framing.face_width", "framing.centring", "framing.shoulders"] {
            #expect(reference.status(check) == .pass, "\(check)")
        }
        // README: head top 78, eye line 270, face width 230 for this photo.
        let top = try #require(reference.value("framing.head_top", "head_top_y_px"))
        #expect(abs(top - 78) <= 5)
        let eye = try #require(reference.value("framing.eye_line", "eye_line_y_px"))
        #expect(abs(eye - 270) <= 7)
        let pct = try #require(reference.value("framing.eye_line", "eye_line_y_pct"))
        #expect(abs(pct - eye / 640 * 100) < 0.1)
        #expect(abs((reference.value("framing.face_width", "face_width_px") ?? 0) - 230) <= 10)
        #expect((reference.value("framing.centring", "centre_offset_px") ?? 99) <= 4)
        #expect((reference.value("framing.shoulders", "shoulder_span_ratio") ?? 0) >= 1.6)
    }

    @Test func movingThePictureDownMovesTheEyeLineAndHeadTop() throws {
        let image = try #require(reference.image)
        let base = try #require(reference.face)
        let baseTop = try #require(reference.mask?.headTopY)
        let moved = SharedAnalyser.shared.picture(GeometryCases.shifted(image, dx: 0, dy: 40), name: "down40")
        let g = try #require(moved.face)
        #expect(abs(g.eyeLineY - (base.eyeLineY + 40)) <= 1.5)
        #expect(abs(g.faceWidth - base.faceWidth) <= 2)
        let top = try #require(moved.mask?.headTopY)
        #expect(abs(top - (baseTop + 40)) <= 3)
        #expect(moved.status("framing.eye_line") == .fail)  // ≈ 314 > 300
        #expect(moved.status("framing.head_top") == .fail)  // ≈ 115 > 110
        #expect(moved.finding("framing.eye_line")?.hint?.en.contains("less room above") == true)
    }

    @Test func movingThePictureUpLeavesTooLittleRoomAboveTheHead() throws {
        let image = try #require(reference.image)
        let baseTop = try #require(reference.mask?.headTopY)
        let moved = SharedAnalyser.shared.picture(GeometryCases.shifted(image, dx: 0, dy: -45), name: "up45")
        let top = try #require(moved.value("framing.head_top", "head_top_y_px"))
        #expect(abs(top - Double(baseTop - 45)) <= 3)
        #expect(moved.status("framing.head_top") == .fail)
        #expect(moved.status("framing.eye_line") == .pass)
        #expect(moved.finding("framing.head_top")?.message.zh.contains("头顶距离顶部百分比不合格") == true)
        #expect(moved.finding("framing.head_top")?.hint?.en.contains("more room above") == true)
    }

    @Test func movingSidewaysIsMeasuredAsCentreOffset() throws {
        let image = try #require(reference.image)
        let base = try #require(reference.face)
        let right = SharedAnalyser.shared.picture(GeometryCases.shifted(image, dx: 36, dy: 0), name: "right36")
        let offset = try #require(right.value("framing.centring", "centre_offset_signed_px"))
        #expect(abs(offset - (base.faceCentreX - 240 + 36)) <= 1.5)
        #expect(right.status("framing.centring") == .warn)  // 24 < 36 ≤ 48
        #expect(right.finding("framing.centring")?.hint?.en.contains("to the right") == true)
        let left = SharedAnalyser.shared.picture(GeometryCases.shifted(image, dx: -60, dy: 0), name: "left60")
        #expect(left.status("framing.centring") == .fail)
        #expect((left.value("framing.centring", "centre_offset_signed_px") ?? 0) < -55)
    }

    @Test func zoomingScalesTheFaceWidth() throws {
        let image = try #require(reference.image)
        let base = try #require(reference.face)
        let big = SharedAnalyser.shared.picture(
            GeometryCases.scaled(image, by: 1.4, about: base.faceCentreX, base.eyeLineY), name: "zoom1.4")
        let bigWidth = try #require(big.value("framing.face_width", "face_width_px"))
        #expect(abs(bigWidth / base.faceWidth - 1.4) <= 0.04)
        #expect(big.status("framing.face_width") == .fail)  // ≈ 312 > 300
        #expect(big.finding("framing.face_width")?.message.zh.contains("大头照") == true)
        let small = SharedAnalyser.shared.picture(
            GeometryCases.scaled(image, by: 0.75, about: base.faceCentreX, base.eyeLineY), name: "zoom0.75")
        let smallWidth = try #require(small.value("framing.face_width", "face_width_px"))
        #expect(abs(smallWidth / base.faceWidth - 0.75) <= 0.03)
        #expect(small.status("framing.face_width") == .fail)  // ≈ 167 < 180
        #expect(small.finding("framing.face_width")?.hint?.en.contains("closer") == true)
    }

    @Test func limitsScaleWithThePictureSize() throws {
        // The same framing at twice the size passes, with every length doubled.
        let image = try #require(reference.image)
        let double = SharedAnalyser.shared.picture(image.resized(width: 960, height: 1280), name: "double")
        let eye = try #require(double.value("framing.eye_line", "eye_line_y_px"))
        let baseEye = try #require(reference.value("framing.eye_line", "eye_line_y_px"))
        #expect(abs(eye - 2 * baseEye) <= 4)
        let width = try #require(double.value("framing.face_width", "face_width_px"))
        #expect(abs(width - 2 * (reference.value("framing.face_width", "face_width_px") ?? 0)) <= 6)
        for check in ["framing.head_top", "framing.eye_line", "framing.face_width", "framing.centring"] {
            #expect(double.status(check) == .pass, "\(check)")
        }
        #expect(double.finding("framing.eye_line")?.measurements.first?.limit?.pass.min == 400)
    }
}
