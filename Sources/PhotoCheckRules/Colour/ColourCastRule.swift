import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// colour.cast: the cheeks' skin colour against the natural-skin range of hue angles in CIELAB, and
/// the chroma of the picture's near-neutral areas (light pixels that should be grey or white).
struct ColourCastRule: Rule {
    static let check: CheckID = "colour.cast"
    static let description = RuleDescription(
        check, "CHSI-1.3", title: Localized(zh: "偏色", en: "Colour cast"),
        summary: Localized(zh: "肤色与中性区域的色偏", en: "skin and neutral areas against natural ranges"))
    static let limits: [LimitSpec] = [LimitSpec("colour.cast.skin_hue", 0...360), LimitSpec("colour.cast.neutral_chroma", 0...200)]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let s = try photo.faceStatistics()
        let image = try photo.image()
        // Grey skin has no hue: the angle of a near-zero a*, b* is noise (a black-and-white photo read
        // as a green cast). Whether grey is allowed is file.colour's to say.
        guard s.cheekLab.chroma >= Self.minimumSkinChroma else {
            throw SkipReason(
                zh: "肤色几乎没有色彩(黑白照片),无从判断偏色;见“24 位真彩色”一项",
                en: "the skin has almost no colour (a black-and-white picture), so there is no cast to judge; see file.colour")
        }
        let p = photo.profile
        let hueLimit = try p.limit("colour.cast.skin_hue"), neutralLimit = try p.limit("colour.cast.neutral_chroma")
        let neutral = Self.neutralCast(image, skin: s.cheekLab)
        var measurements = [
            Measurement("skin_hue_deg", s.cheekLab.hueDegrees, limit: hueLimit),
            Measurement("skin_chroma", s.cheekLab.chroma),
        ]
        if let neutral {
            measurements.append(Measurement("neutral_chroma", neutral.chroma, limit: neutralLimit))
            measurements.append(Measurement("neutral_a", neutral.a))
            measurements.append(Measurement("neutral_b", neutral.b))
        }
        let hue = formatNumber(s.cheekLab.hueDegrees, digits: 0)
        let direction = Self.describe(neutral ?? Lab(L: 0, a: s.cheekLab.a - 14, b: s.cheekLab.b - 17))
        return judged(measurements) { status in
            status == .pass
                ? Localized(zh: "色彩自然(肤色色相 \(hue)°)", en: "Natural colour (skin hue \(hue)°)")
                : Localized(
                    zh:
                        "偏色(偏\(direction.zh)):肤色色相 \(hue)°(\(hueLimit.requirement(for: s.cheekLab.hueDegrees, unit: "°").zh)),白色和灰色处的色度 \(formatNumber(neutral?.chroma ?? 0, digits: 1))(\(neutralLimit.requirement(for: neutral?.chroma ?? 0).zh))",
                    en:
                        "Colour cast (\(direction.en)): skin hue \(hue)° (\(hueLimit.requirement(for: s.cheekLab.hueDegrees, unit: "°").en)), whites and greys tinted by \(formatNumber(neutral?.chroma ?? 0, digits: 1)) (\(neutralLimit.requirement(for: neutral?.chroma ?? 0).en))"
                )
        } hint: { _ in
            Localized(zh: "在自然光或白光下重拍,相机白平衡设为自动;不要使用滤镜", en: "Re-shoot in daylight or white light with auto white balance; no filters")
        }
    }

    /// The picture's whites and greys, which carry a cast with them: among the light pixels
    /// (L* ≥ 55) that are not skin-coloured and not strongly coloured (C* ≤ 30), the fifth with the
    /// least chroma; their median a*, b*. Nil when fewer than 2% of the pixels are candidates.
    static func neutralCast(_ image: RGBImage, skin: Lab) -> Lab? {
        let step = max(1, Int((Double(image.width * image.height) / 30_000).squareRoot()))
        var candidates: [Lab] = [], n = 0
        // A colour's verdict (its Lab when it is a candidate) depends on the colour alone.
        var memo = ColourMemo<Lab?>(placeholder: nil)
        func candidate(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Lab? {
            let xyz = Colour.xyz(r, g, b)
            // L* ≥ 55 needs Y ≥ (71/116)³: darker pixels are passed over without the cube roots.
            if xyz.y < Self.lightnessFloorY { return nil }
            let lab = Colour.lab(fromXYZ: xyz)
            return lab.L >= 55 && lab.chroma <= 30 && Colour.deltaE2000(lab, skin, cappedAt: 10) >= 10 ? lab : nil
        }
        for y in stride(from: 0, to: image.height, by: step) {
            for x in stride(from: 0, to: image.width, by: step) {
                n += 1
                let i = (y * image.width + x) * 3
                if let lab = memo.value(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2], candidate) { candidates.append(lab) }
            }
        }
        guard Double(candidates.count) >= 0.02 * Double(n) else { return nil }
        // The fifth with the least chroma, as a stable sort by chroma would take them: all below
        // the k-th smallest chroma, then the first ones equal to it.
        let chroma = candidates.map { $0.chroma }
        let k = max(1, candidates.count / 5)
        let kth = chroma.orderStatistic(k - 1)
        var least = candidates.indices.filter { chroma[$0] < kth }.map { candidates[$0] }
        for i in candidates.indices where least.count < k && chroma[i] == kth { least.append(candidates[i]) }
        let a = least.map { $0.a }, b = least.map { $0.b }
        return Lab(L: 0, a: a.orderStatistic(a.count / 2), b: b.orderStatistic(b.count / 2))
    }

    /// Skin chroma (C*) below which the skin is grey: real skin under any light measures 10 or more.
    static let minimumSkinChroma = 2.0

    /// Relative luminance below which L* is surely under 55 (with room for rounding).
    static let lightnessFloorY = Colour.xyz(fromLab: Lab(L: 55, a: 0, b: 0)).y * (1 - 1e-9)

    static func describe(_ lab: Lab) -> Localized {
        let h = lab.hueDegrees
        switch h {
        case 0..<45, 330...360: return Localized(zh: "品红/粉", en: "magenta/pink")
        case 45..<80: return Localized(zh: "橙/暖", en: "orange/warm")
        case 80..<135: return Localized(zh: "黄", en: "yellow")
        case 135..<200: return Localized(zh: "绿", en: "green")
        case 200..<290: return Localized(zh: "蓝/冷", en: "blue/cool")
        default: return Localized(zh: "紫", en: "purple")
        }
    }
}
