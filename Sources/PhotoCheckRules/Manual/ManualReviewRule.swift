import PhotoCheckAnalysis
import PhotoCheckModel

/// What only a person can judge: reported as `manual` with what to look at, never guessed. Each
/// check is a type that describes itself; `ManualReviewRule` reports it.
enum ManualChecks {
    enum EarsEyebrows: ManualCheck {
        static let check: CheckID = "manual.ears_eyebrows"
        static let description = RuleDescription(
            check, "CHSI-2.4", title: Localized(zh: "耳朵与眉毛露出", en: "Ears and eyebrows visible"),
            summary: Localized(zh: "头发不遮眉毛、眼睛、耳朵(需人工确认)", en: "hair off the eyebrows, eyes and ears (a human must look)"))
    }

    enum Accessories: ManualCheck {
        static let check: CheckID = "manual.accessories"
        static let description = RuleDescription(
            check, "CHSI-2.4", title: Localized(zh: "饰品、妆容与染发", en: "Accessories, make-up, dyed hair"),
            summary: Localized(
                zh: "无帽子、耳环、项链、发卡,不化浓妆,不染发(需人工确认)", en: "no hat, earrings, necklace, clips, heavy make-up or dyed hair (a human must look)"))
    }

    enum ContactLenses: ManualCheck {
        static let check: CheckID = "manual.contact_lenses"
        static let description = RuleDescription(
            check, "CHSI-2.3", title: Localized(zh: "有色隐形眼镜", en: "Coloured contact lenses"),
            summary: Localized(zh: "不戴有色隐形眼镜(需人工确认)", en: "no coloured contact lenses (a human must look)"))
    }

    enum Retouching: ManualCheck {
        static let check: CheckID = "manual.retouching"
        static let description = RuleDescription(
            check, "CHSI-1.2", title: Localized(zh: "镜像与修饰", en: "Mirroring and retouching"),
            summary: Localized(zh: "未镜像,未修饰五官、伤疤、痣(需人工确认)", en: "not mirrored; features, scars, moles not retouched (a human must look)"))
    }

    enum Distortion: ManualCheck {
        static let check: CheckID = "manual.distortion"
        static let description = RuleDescription(
            check, "CHSI-1.3", title: Localized(zh: "镜头畸变", en: "Lens distortion"),
            summary: Localized(zh: "无明显透视或镜头畸变(需人工确认)", en: "no visible perspective or lens distortion (a human must look)"))
    }
}

protocol ManualCheck: Sendable {
    static var check: CheckID { get }
    static var description: RuleDescription { get }
}

/// Lists a manual check with its summary so the student knows to look.
struct ManualReviewRule<Check: ManualCheck>: Rule {
    static var check: CheckID { Check.check }
    static var description: RuleDescription { Check.description }

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let summary = Self.description.summary
        return finding(
            .manual,
            message: Localized(zh: "请人工确认:\(summary.zh)", en: "Check by eye: \(summary.en)"))
    }
}
