/// Rules for what only a person can judge: reported as `manual` with what to look at, never guessed.
enum ManualRules {
    static let all: [any Rule] = [
        ManualReviewRule<EarsEyebrows>(), ManualReviewRule<Accessories>(), ManualReviewRule<ContactLenses>(),
        ManualReviewRule<Retouching>(), ManualReviewRule<Distortion>(),
    ]

    enum EarsEyebrows: ManualCheck { static let check = "manual.ears_eyebrows" }
    enum Accessories: ManualCheck { static let check = "manual.accessories" }
    enum ContactLenses: ManualCheck { static let check = "manual.contact_lenses" }
    enum Retouching: ManualCheck { static let check = "manual.retouching" }
    enum Distortion: ManualCheck { static let check = "manual.distortion" }
}

protocol ManualCheck: Sendable {
    static var check: CheckID { get }
}

/// Lists a manual check with its summary so the student knows to look.
struct ManualReviewRule<Check: ManualCheck>: Rule {
    static var check: CheckID { Check.check }

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let summary = Self.description.summary
        return finding(
            .manual,
            message: Localized(zh: "请人工确认:\(summary.zh)", en: "Check by eye: \(summary.en)"))
    }
}
