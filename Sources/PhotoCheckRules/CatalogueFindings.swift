import PhotoCheckModel

extension Finding {
    /// A finding of `check` under the clause the catalogue gives it ("?" for a check no rule owns);
    /// for findings made outside a rule (a check without a rule, a refused fix).
    public init(
        check: CheckID, status: Status, measurements: [Measurement] = [], message: Localized,
        hint: Localized? = nil, region: PixelRect? = nil, marks: [Mark] = []
    ) {
        self.init(
            check: check, clause: CheckCatalogue.description(of: check)?.clause ?? "?", status: status, measurements: measurements,
            message: message, hint: hint, region: region, marks: marks)
    }

    /// A check that could not be measured, with the reason, under the catalogue's clause.
    public static func skip(_ check: CheckID, _ reason: Localized) -> Finding {
        Finding(check: check, status: .skip, message: reason)
    }
}
