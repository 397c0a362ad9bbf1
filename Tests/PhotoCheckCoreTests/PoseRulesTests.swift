import Foundation
import PhotoCheckModel
import PhotoCheckTestSupport
import Testing

/// pose.roll and pose.yaw on rotated copies of a reference photo and on the tilted selfie.
@Suite struct PoseRulesTests {
    let reference = SharedAnalyser.shared.real("frll-005-grey-480x640.jpg")

    @Test func referenceIsLevelAndFrontal() throws {
        #expect(reference.status("pose.roll") == .pass)
        #expect(reference.status("pose.yaw") == .pass)
        #expect((reference.value("pose.roll", "roll_deg") ?? 99) < 1.5)
        #expect((reference.value("pose.yaw", "yaw_deg") ?? 99) < 5)
    }

    @Test(arguments: [(6.0, Status.warn), (-9.0, Status.fail), (3.0, Status.pass)])
    func rotationIsMeasuredAsRoll(degrees: Double, expected: Status) throws {
        let image = try #require(reference.image)
        let base = try #require(reference.face)
        let eyes = Point.midpoint(base.leftPupil, base.rightPupil)
        let turned = SharedAnalyser.shared.picture(
            GeometryCases.rotated(image, degrees: degrees, about: eyes.x, eyes.y), name: "roll\(degrees)")
        let roll = try #require(turned.value("pose.roll", "roll_signed_deg"))
        #expect(abs(roll - (base.rollDegrees + degrees)) <= 0.8)
        #expect(turned.status("pose.roll") == expected)
        // Rotating the head does not turn it.
        #expect(abs(turned.face?.yawDegrees ?? 99) < 6)
    }

    @Test func theTiltedSelfieFailsRoll() throws {
        let selfie = SharedAnalyser.shared.real("selfie-head-tilted-busy-bg-03.jpg")
        #expect(selfie.faces.count == 1)
        let roll = try #require(selfie.value("pose.roll", "roll_deg"))
        #expect(roll > 15 && roll < 25)  // the label says about 15°
        #expect(selfie.status("pose.roll") == .fail)
        #expect(selfie.finding("pose.roll")?.message.zh.contains("瞳孔平行角度不合格") == true)
    }
}

/// body.shoulders_level on the reference photo and on copies rotated about the neck.
@Suite struct ShouldersLevelTests {
    let reference = SharedAnalyser.shared.real("frll-005-grey-480x640.jpg")

    @Test func referenceShouldersPass() throws {
        #expect(reference.status("body.shoulders_level") == .pass)
        let pct = try #require(reference.value("body.shoulders_level", "shoulder_height_difference_pct"))
        #expect(pct < 4.5)
    }

    @Test(arguments: [8.0, -8.0])
    func rotatingTheBodyTiltsTheShoulderLine(degrees: Double) throws {
        let image = try #require(reference.image)
        let base = try #require(reference.face)
        let neck = Point(x: base.faceCentreX, y: base.chinY + 0.3 * base.faceWidth)
        let turned = SharedAnalyser.shared.picture(
            GeometryCases.rotated(image, degrees: degrees, about: neck.x, neck.y), name: "shoulders\(degrees)")
        let before = try #require(reference.value("body.shoulders_level", "shoulder_height_difference_px"))
        let after = try #require(turned.value("body.shoulders_level", "shoulder_height_difference_px"))
        // Clockwise (positive) rotation lowers the picture's right shoulder: the signed
        // difference (right minus left) grows by at least 2 · offset · tan(angle) at offsets of
        // 0.6–1.0 face widths from the neck (more on sloping shoulders, whose outline also slides
        // along the slope), and by the same amount either way.
        let expected = 2 * 0.8 * base.faceWidth * tan(degrees * .pi / 180)
        let change = after - before
        #expect(change * degrees > 0)
        #expect(abs(change) > 0.8 * abs(expected) && abs(change) < 2 * abs(expected))
        #expect(turned.status("body.shoulders_level") == .fail)
    }
}
