import PhotoCheckAnalysis
import PhotoCheckModel

/// pose.pitch: the head raised or lowered. ICAO wants it within 5°; photocheck does not measure
/// it. The 68 landmarks of one frontal photo put the nose tip and the chin where a raised chin
/// and a longer face, or a tucked chin and a shorter one, would put them alike, so a number from
/// them would be a guess; the check is `manual` and says what to look at. Only icao runs it; its
/// clause is CHSI's for the head's posture, as every check of the catalogue has one.
struct PitchRule: Rule {
    static let check: CheckID = "pose.pitch"
    static let description = RuleDescription(
        check, "CHSI-2.2", title: Localized(zh: "头部俯仰", en: "Head tilt up or down (pitch)"),
        summary: Localized(
            zh: "头部不抬头、不低头(ICAO 要求俯仰在 5° 以内;程序不测量,需人工确认)",
            en: "head neither raised nor lowered (ICAO: pitch within 5°; not measured, a human must look)"))

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        finding(
            .manual,
            message: Localized(
                zh: "请人工确认头部没有抬头或低头(俯仰在 5° 以内):程序只测量左右转动和倾斜,不测量俯仰",
                en: "Check by eye that the head is neither raised nor lowered (pitch within 5°): photocheck measures turn and tilt, not pitch"),
            hint: Localized(
                zh: "看照片:双眼平视镜头,下巴既不上扬也不内收,眼睛大致与耳朵上沿齐平;相机与眼睛同高",
                en:
                    "Look at the photo: the eyes look straight into the lens, the chin is neither raised nor tucked in, and the eyes are about level with the tops of the ears; the camera at eye height"
            ))
    }
}
