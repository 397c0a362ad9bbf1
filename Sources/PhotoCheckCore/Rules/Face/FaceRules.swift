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

    /// The rectangle around a point list, for a finding's region.
    static func region(_ points: [Point], grow: Double = 0) -> PixelRect? {
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
            let minY = points.map(\.y).min(), let maxY = points.map(\.y).max()
        else { return nil }
        return PixelRect(
            x: Int(minX - grow), y: Int(minY - grow), width: Int(maxX - minX + 2 * grow), height: Int(maxY - minY + 2 * grow))
    }
}

extension PhotoAnalysis {
    /// The profile's geometry scale for this photo's displayed size (see `Profile.frameScale`).
    func frameScale() throws(SkipReason) -> Double {
        let picture = try image()
        return profile.frameScale(width: picture.width, height: picture.height)
    }
}
