import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// background.colour: ΔE2000 of the backdrop's median colour to the nearest of the profile's
/// reference colours (light blue RGB(100,197,255) for CHSI; blue, white or light grey for the
/// gaokao). Another plain light colour warns (under CHSI some schools accept it; each profile says
/// what is true of its own standard); a dark backdrop (L* below the lightness limit) fails.
struct BackgroundColourRule: Rule {
    static let check: CheckID = "background.colour"
    static let description = RuleDescription(
        check, "CHSI-2.1", title: Localized(zh: "背景颜色", en: "Background colour"),
        summary: Localized(
            zh: "背景中位色与规范参考色(最接近的一种)的色差 ΔE2000", en: "ΔE2000 of the median background colour to the nearest of the profile's reference colours"))
    static let limits: [LimitSpec] = [LimitSpec("background.colour", 0...200), LimitSpec("background.colour.lightness", 0...100)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let stats = try photo.backgroundStatistics()
        let p = photo.profile
        guard !p.backgrounds.isEmpty else {
            throw SkipReason(zh: "配置中没有背景参考色", en: "the profile has no reference background colour")
        }
        let distances = p.backgrounds.map { reference in
            Colour.deltaE2000(
                stats.median, Colour.lab(UInt8(clamping: reference.red), UInt8(clamping: reference.green), UInt8(clamping: reference.blue)))
        }
        let nearest = distances.indices.min { distances[$0] < distances[$1] } ?? 0
        let reference = p.backgrounds[nearest], distance = distances[nearest]
        let rgb = Colour.srgb(fromLab: stats.median)
        let colour = "RGB(\(rgb.0),\(rgb.1),\(rgb.2))"
        let ref = reference.rgbText
        let dLimit = try p.limit("background.colour"), lLimit = try p.limit("background.colour.lightness")
        let measurements = [
            Measurement("delta_e2000", distance, limit: dLimit),
            Measurement("lightness_l", stats.median.L, limit: lLimit),
            Measurement("median_r", Double(rgb.0)), Measurement("median_g", Double(rgb.1)), Measurement("median_b", Double(rgb.2)),
        ]
        let d = formatNumber(distance, digits: 1), l = formatNumber(stats.median.L, digits: 0)
        let dark = lLimit.status(for: stats.median.L) != .pass
        // "浅蓝" / "light blue"; with several references "浅蓝、白或浅灰" / "light blue, white or light grey".
        let names = p.backgrounds.map(\.name)
        let anyZh = Self.list(names.map(\.zh), or: "或", separator: "、")
        let anyEn = Self.list(names.map(\.en), or: " or ", separator: ", ")
        let all = p.backgrounds.map(\.rgbText).joined(separator: p.backgrounds.count > 1 ? " / " : "")
        // The backdrop is the picture outside the person: the person's outline shows what was sampled.
        let marks = (try? photo.personMask()).map { [Mark(.area(Mark.Area(width: $0.width, height: $0.height, inside: $0.isPerson)), .found)] } ?? []
        return judged(measurements, marks: marks) { status in
            if status == .pass {
                return Localized(
                    zh: "背景 \(colour),与参考\(reference.name.zh) \(ref) 的色差 \(d)(要求 \(dLimit.passDescription))",
                    en: "Backdrop \(colour), colour difference \(d) from the reference \(reference.name.en) \(ref) (limit \(dLimit.passDescription))")
            }
            if dark {
                return Localized(
                    zh: "背景太暗:\(colour),亮度 \(l)(要求 \(lLimit.passDescription)),应为\(anyZh)色 \(all)",
                    en: "The backdrop is dark: \(colour), lightness \(l) (limit \(lLimit.passDescription)); it should be \(anyEn) \(all)")
            }
            let other = Self.otherColour(p)
            return Localized(
                zh: "背景不是标准\(anyZh)色:\(colour),与参考 \(ref) 的色差 \(d)(\(dLimit.requirement(for: distance).zh));\(other.zh)",
                en:
                    "The backdrop is not the standard \(anyEn): \(colour), colour difference \(d) from \(ref) (\(dLimit.requirement(for: distance).en)); \(other.en)"
            )
        } hint: { _ in
            // "蓝底" / "blue"; with several references "蓝、白或灰底" / "blue, white or grey".
            let short = Self.list(names.map { $0.zh.last.map(String.init) ?? $0.zh }, or: "或", separator: "、")
            let shortEn = Self.list(names.map { $0.en.split(separator: " ").last.map(String.init) ?? $0.en }, or: " or ", separator: ", ")
            let adjective = Self.list(names.map { $0.en.replacingOccurrences(of: " ", with: "-") }, or: " or ", separator: ", ")
            return Localized(
                zh: "在\(anyZh)色 \(all) 的纯色背景布或墙前重拍(或由照相馆换成标准\(short)底)",
                en:
                    "Re-shoot in front of a plain \(adjective) \(all) backdrop (or have a studio replace it with the standard \(shortEn))"
            )
        }
    }

    /// What is true of a backdrop of another light colour under the profile's standard: CHSI
    /// leaves it to the school, the others say what their own documents do.
    static func otherColour(_ profile: Profile) -> Localized {
        switch profile.family {
        case "chsi-2017":
            return Localized(zh: "部分学校接受其他浅色背景,请确认", en: "some schools accept another light colour, check yours")
        case "gaokao":
            return Localized(zh: "各省要求不同,请以本省报名通知为准", en: "provinces differ, so check your province's registration notice")
        case "cet":
            return Localized(
                zh: "考试报名要求未规定背景颜色,请以报名通知为准", en: "the exam's requirements name no backdrop colour, so check the registration notice")
        case "ga461":
            return Localized(zh: "身份证相片要求白色背景", en: "an ID card photo needs a white backdrop")
        case "icao":
            return Localized(
                zh: "护照照片要求浅色纯色背景,具体颜色以签发机关要求为准", en: "a passport photo needs a plain, light backdrop; the issuing office says which colours")
        default:
            return Localized(zh: "请确认所需的背景颜色", en: "check which backdrop colour is required")
        }
    }

    /// "a", "a or b", "a, b or c" (zh: "a、b或c").
    static func list(_ items: [String], or: String, separator: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: separator) + or + items[items.count - 1]
    }
}
