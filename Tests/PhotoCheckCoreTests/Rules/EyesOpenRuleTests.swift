import PhotoCheckCore
import PhotoCheckTestSupport
import Testing

/// face.eyes_open on given faces whose lids are opened by known amounts (chsi-2017: an eye aspect
/// ratio of at least 0.18 passes, 0.13 warns, below fails).
@Suite struct EyesOpenRuleTests {
    static let limit = Limit.atLeast(0.18, warnMin: 0.13)
    static let hint = Localized(zh: "双眼自然睁开,平视镜头,拍摄瞬间不要眨眼", en: "Open both eyes naturally and look straight into the lens; do not blink")

    static func finding(left: Double, right: Double) -> Finding {
        GivenPhoto.finding(
            "face.eyes_open", GivenPhoto.photo(face: GivenPhoto.face(eyeY: 250, width: 220, centreX: 240, lids: (left, right))))
    }

    static func measurements(_ left: Double, _ right: Double) -> [Measurement] {
        [Measurement("left_eye_aspect_ratio", left, limit: limit), Measurement("right_eye_aspect_ratio", right, limit: limit)]
    }

    @Test func openEyesPass() {
        expectFinding(
            Self.finding(left: 1, right: 1), "face.eyes_open", .pass, Self.measurements(0.244, 0.251),
            zh: "双眼睁开(睁眼比 左 0.24、右 0.25,要求 ≥ 0.18)", en: "Both eyes open (aspect ratio left 0.24, right 0.25; needs ≥ 0.18)")
    }

    @Test func aNarrowEyeWarns() {
        expectFinding(
            Self.finding(left: 0.6, right: 1), "face.eyes_open", .warn, Self.measurements(0.148, 0.251),
            zh: "眼睛睁得不够大(睁眼比 左 0.15、右 0.25,低于 0.18 的标准,可容忍至 0.13)",
            en: "An eye is barely open (aspect ratio left 0.15, right 0.25; below the 0.18 target, tolerated down to 0.13)", hint: Self.hint)
    }

    @Test func closedEyesFail() {
        expectFinding(
            Self.finding(left: 0.3, right: 0.3), "face.eyes_open", .fail, Self.measurements(0.077, 0.078),
            zh: "双眼未睁开(睁眼比 左 0.08、右 0.08,要求 ≥ 0.18)", en: "An eye is closed (aspect ratio left 0.08, right 0.08; needs ≥ 0.18)",
            hint: Self.hint)
    }
}
