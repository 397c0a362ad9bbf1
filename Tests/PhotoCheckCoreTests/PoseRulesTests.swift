import Testing
import PhotoCheckCore
import PhotoCheckTestSupport

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
