/// Rules that need the face, its landmarks and the person mask.
enum FaceRules {
    static let all: [any Rule] = [
        FaceCountRule(), HeadTopRule(), EyeLineRule(), FaceWidthRule(), CentringRule(), ShouldersRule(),
        RollRule(), YawRule(), EyesOpenRule(), MouthClosedRule(), ShouldersLevelRule(),
    ]
}

/// Shared wording and arithmetic of the face and framing rules.
enum FaceRuleText {
    /// "236 px (36.9% of the height)".
    static func px(_ value: Double, pctOf size: Int, zh: Bool) -> String {
        let pct = formatNumber(100 * value / Double(max(1, size)), digits: 1)
        return zh ? "\(formatNumber(value, digits: 0)) 像素(占高度 \(pct)%)" : "\(formatNumber(value, digits: 0)) px (\(pct)% of the height)"
    }

    static func pxWidth(_ value: Double, pctOf size: Int, zh: Bool) -> String {
        let pct = formatNumber(100 * value / Double(max(1, size)), digits: 1)
        return zh ? "\(formatNumber(value, digits: 0)) 像素(占宽度 \(pct)%)" : "\(formatNumber(value, digits: 0)) px (\(pct)% of the width)"
    }

    /// A 480×640 geometry limit scaled to the photo (the spec: by width/480 or height/640), its
    /// bounds rounded to whole pixels so messages read "141–309 px".
    static func scaled(_ limit: Limit, by factor: Double) -> Limit {
        func round(_ band: Limit.Band) -> Limit.Band {
            Limit.Band(min: band.min.map { ($0 * factor).rounded() }, max: band.max.map { ($0 * factor).rounded() })
        }
        return Limit(pass: round(limit.pass), warn: limit.warn.map(round), beyond: limit.beyond)
    }

    /// The rectangle around a point list, for a finding's region.
    static func region(_ points: [Point], grow: Double = 0) -> PixelRect? {
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
            let minY = points.map(\.y).min(), let maxY = points.map(\.y).max()
        else { return nil }
        return PixelRect(
            x: Int(minX - grow), y: Int(minY - grow), width: Int(maxX - minX + 2 * grow), height: Int(maxY - minY + 2 * grow))
    }
}
