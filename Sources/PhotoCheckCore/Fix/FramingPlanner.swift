import Foundation
import PhotoCheckModel

/// Where the face is in the displayed picture, in its pixels: what the planner frames.
public struct FaceFrame: Sendable, Equatable, Codable {
    /// y of the midpoint of the pupils.
    public var eyeLineY: Double
    /// Cheek-to-cheek width.
    public var faceWidth: Double
    /// x of the face's vertical axis.
    public var faceCentreX: Double
    /// y of the top of the hair (the person mask's highest row above the face, or an estimate).
    public var headTopY: Double
    /// The head top is estimated from the face's proportions (busy backdrop), not measured.
    public var headTopEstimated: Bool
    /// Chin to crown as `framing.head_height` measures it, or nil when unknown.
    public var headHeight: Double?

    public init(
        eyeLineY: Double, faceWidth: Double, faceCentreX: Double, headTopY: Double, headTopEstimated: Bool = false, headHeight: Double? = nil
    ) {
        self.eyeLineY = eyeLineY
        self.faceWidth = faceWidth
        self.faceCentreX = faceCentreX
        self.headTopY = headTopY
        self.headTopEstimated = headTopEstimated
        self.headHeight = headHeight
    }
}

/// Chooses the crop that puts the face in the middle of every framing band the profile judges
/// (`framing.head_top`, `framing.eye_line`, `framing.face_width`, `framing.head_height`,
/// `framing.centring`; positions in pixels of the profile's width×height), inside the picture: it
/// never pads. A band of a check the profile does not run is ignored (a profile that extends
/// chsi-2017 inherits its numbers, but not the checks it leaves out).
///
/// The targets cannot all be met at once (crown-to-eye, face width and head height vary between
/// people), so for each crop size the planner first finds the tops that keep every position inside
/// its band, then within those the one nearest the weighted compromise of the band middles; the
/// sizes compete on the squared distances from the band middles, each in half-band widths, and on
/// enlargement, weighed like a band deviation (12.5% enlargement costs as much as half a band): a
/// photo that is already at the profile's size and well framed stays unscaled. A crop is acceptable
/// only with every measurement inside its band by a tenth of the half-band (the result is measured
/// again, to within a pixel or two) and no enlargement beyond `maxEnlargement`. When none is, the
/// refusal names the check that blocks.
public struct FramingPlanner: Sendable {
    public var profile: Profile
    /// The largest enlargement allowed (more would fail `focus.sharpness`).
    public var maxEnlargement: Double

    public init(profile: Profile, maxEnlargement: Double = 1.25) {
        self.profile = profile
        self.maxEnlargement = maxEnlargement
    }

    struct Band {
        var min: Double
        var max: Double
        var middle: Double { (min + max) / 2 }
        var half: Double { (max - min) / 2 }
        /// How far `v` is outside the band shrunk by `margin` of its half width (0 inside).
        func excess(_ v: Double, margin: Double) -> Double {
            let inset = half * margin
            return Swift.max(0, (min + inset) - v, v - (max - inset))
        }
        var safeMin: Double { min + half * FramingPlanner.margin }
        var safeMax: Double { max - half * FramingPlanner.margin }
    }

    /// The share of a half band a planned measurement keeps from the band's edges.
    static let margin = 0.1

    /// The pass band of a framing check the profile runs, when it has both ends.
    func band(_ name: String) -> Band? {
        guard let pass = profile.passBand(name) else { return nil }
        guard let lo = pass.min, let hi = pass.max, hi > lo else { return nil }
        return Band(min: lo, max: hi)
    }

    struct Bands {
        var head: Band?
        var eye: Band?
        var face: Band?
        var headHeight: Band?
        var centring: Double
    }

    /// The plan for a face in a `width`×`height` picture, or why there is none.
    public func plan(_ face: FaceFrame, width: Int, height: Int) -> Result<FramingPlan, FixRefusal> {
        let bands = Bands(
            head: band("framing.head_top"), eye: band("framing.eye_line"), face: band("framing.face_width"),
            headHeight: face.headHeight.flatMap { $0 > 0 ? band("framing.head_height") : nil },
            centring: profile.passBand("framing.centring")?.max ?? profile.limits["framing.centring"]?.pass.max ?? 24)
        let pw = profile.width, ph = profile.height
        let margin = Self.margin

        if bands.head != nil || bands.headHeight != nil, face.headTopY < 1 && !face.headTopEstimated {
            return .failure(
                FixRefusal(
                    check: bands.head != nil ? "framing.head_top" : "framing.head_height",
                    zh: "头发碰到了照片的上边沿,头顶上方没有可保留的空间;裁剪只能去掉画面,不能补出头顶上方的背景。请重新拍摄,头顶上方留出空间(相机略向上移或后退一步)",
                    en:
                        "The hair touches the top edge of the photo, so there is no space above the head to keep; a crop can only remove picture, not add backdrop above the head. Take a new photo with room above the head (camera slightly higher, or step back)"
                ))
        }
        // Enlarging is allowed up to maxEnlargement; a face too small for that cannot be fixed.
        if let faceBand = bands.face {
            let neededScale = faceBand.safeMin / max(1, face.faceWidth)
            if neededScale > maxEnlargement {
                let w = Int(face.faceWidth.rounded())
                return .failure(
                    FixRefusal(
                        check: "focus.sharpness",
                        zh:
                            "脸宽只有 \(w) 像素;要达到 \(Int(faceBand.min))–\(Int(faceBand.max)) 像素需放大 \(formatNumber(neededScale, digits: 2)) 倍(最多允许 \(formatNumber(maxEnlargement, digits: 2)) 倍),放大后照片会模糊。请靠近一些或用更高的分辨率重新拍摄",
                        en:
                            "The face is only \(w) px wide; reaching \(Int(faceBand.min))–\(Int(faceBand.max)) px would need enlarging \(formatNumber(neededScale, digits: 2))× (at most \(formatNumber(maxEnlargement, digits: 2))× is allowed), which blurs the photo. Take it again closer, or at a higher resolution"
                    ))
            }
        }
        if let heads = bands.headHeight, let head = face.headHeight {
            let neededScale = heads.safeMin * Double(ph) / 100 / max(1, head)
            if neededScale > maxEnlargement {
                let h = Int(head.rounded())
                return .failure(
                    FixRefusal(
                        check: "focus.sharpness",
                        zh:
                            "头部(下巴到头顶)只有 \(h) 像素高;要占 \(ph) 像素高画面的 \(formatNumber(heads.min))–\(formatNumber(heads.max))% 需放大 \(formatNumber(neededScale, digits: 2)) 倍(最多允许 \(formatNumber(maxEnlargement, digits: 2)) 倍),放大后照片会模糊。请靠近一些或用更高的分辨率重新拍摄",
                        en:
                            "The head (chin to crown) is only \(h) px tall; filling \(formatNumber(heads.min))–\(formatNumber(heads.max))% of a \(ph) px frame would need enlarging \(formatNumber(neededScale, digits: 2))× (at most \(formatNumber(maxEnlargement, digits: 2))× is allowed), which blurs the photo. Take it again closer, or at a higher resolution"
                    ))
            }
        }
        let sizes = Self.cropSizes(profileWidth: pw, profileHeight: ph, width: width, height: height, maxEnlargement: maxEnlargement)
        guard !sizes.isEmpty else {
            return .failure(
                FixRefusal(
                    check: "focus.sharpness", zh: "照片太小(\(width)×\(height) 像素),放大到 \(pw)×\(ph) 会模糊。请用更高的分辨率重新拍摄",
                    en:
                        "The photo is too small (\(width)×\(height) px): enlarging it to \(pw)×\(ph) would blur it. Take it again at a higher resolution"
                ))
        }

        struct Candidate {
            var plan: FramingPlan
            var cost: Double
            var excess: [(CheckID, Double)]
        }
        var best: Candidate?
        var closest: Candidate?
        var untouched: Candidate?
        // The positions judged from the top: each gives a picture row, a band and a weight.
        var positions: [(y: Double, band: Band)] = []
        if let head = bands.head { positions.append((face.headTopY, head)) }
        if let eye = bands.eye { positions.append((face.eyeLineY, eye)) }
        let largest = sizes.map(\.1).max() ?? ph
        for (cw, ch) in sizes {
            let k = Double(ph) / Double(ch)
            let lastTop = height - ch
            // Best top: the weighted compromise between the band middles ...
            var u: Double
            if positions.isEmpty {
                // No position band: the head (eye line to chin, or the face) in the upper middle.
                u = k * face.eyeLineY - 0.45 * Double(ph)
            } else {
                let weights = positions.map { 1 / ($0.band.half * $0.band.half) }
                u = zip(positions, weights).map { (k * $0.y - $0.band.middle) * $1 }.reduce(0, +) / weights.reduce(0, +)
            }
            var y = u / k
            // ... moved into the tops that keep every position safely inside its band, when some do.
            var lowTop = 0.0, highTop = Double(lastTop)
            for (py, band) in positions {
                lowTop = max(lowTop, py - band.safeMax / k)
                highTop = min(highTop, py - band.safeMin / k)
            }
            if lowTop.rounded(.up) <= highTop.rounded(.down) { y = min(max(y, lowTop.rounded(.up)), highTop.rounded(.down)) }
            let y0 = min(max(0, Int(y.rounded())), lastTop)
            let x0 = min(max(0, Int((face.faceCentreX - Double(cw) / 2).rounded())), width - cw)
            let predicted = PredictedFraming(
                headTopY: k * (face.headTopY - Double(y0)), eyeLineY: k * (face.eyeLineY - Double(y0)), faceWidth: k * face.faceWidth,
                centreOffset: abs(k * (face.faceCentreX - Double(x0)) - Double(pw) / 2),
                headHeightPct: bands.headHeight == nil ? nil : face.headHeight.map { 100 * k * $0 / Double(ph) })
            func sq(_ v: Double) -> Double { v * v }
            // Summed face width, eye line, head top, centring, head height: the order of the sum
            // is kept so equal costs tie the same way whatever bands a profile has.
            var terms = (face: 0.0, eye: 0.0, head: 0.0, heads: 0.0)
            var excess: [(CheckID, Double)] = []
            if let head = bands.head {
                terms.head = sq((predicted.headTopY - head.middle) / head.half)
                excess.append(("framing.head_top", head.excess(predicted.headTopY, margin: margin) / head.half))
            }
            if let eye = bands.eye {
                terms.eye = sq((predicted.eyeLineY - eye.middle) / eye.half)
                excess.append(("framing.eye_line", eye.excess(predicted.eyeLineY, margin: margin) / eye.half))
            }
            if let faceBand = bands.face {
                terms.face = sq((predicted.faceWidth - faceBand.middle) / faceBand.half)
                excess.append(("framing.face_width", faceBand.excess(predicted.faceWidth, margin: margin) / faceBand.half))
            }
            if let heads = bands.headHeight, let pct = predicted.headHeightPct {
                terms.heads = sq((pct - heads.middle) / heads.half)
                excess.append(("framing.head_height", heads.excess(pct, margin: margin) / heads.half))
            }
            var cost = terms.face + terms.eye
            cost += terms.head + sq(predicted.centreOffset / bands.centring)
            if bands.headHeight != nil { cost += terms.heads }
            if bands.face == nil && bands.headHeight == nil {
                // Nothing judges the face's size: keep as much of the picture as there is.
                cost += 1 - Double(ch) / Double(largest)
            }
            excess.append(("framing.centring", max(0, predicted.centreOffset - bands.centring * (1 - margin)) / bands.centring))
            if k > 1 { cost += sq((k - 1) / 0.125) }
            let candidate = Candidate(
                plan: FramingPlan(crop: PixelRect(x: x0, y: y0, width: cw, height: ch), scale: k, predicted: predicted), cost: cost,
                excess: excess)
            let total = excess.map { $0.1 }.reduce(0, +)
            // Untouched: the whole picture, at the profile's size (or, for a profile with only a
            // minimum size, anything at least that: the fixed photo keeps the crop's size).
            let keepsSize = (cw == pw && ch == ph) || (profile.sizeMatch == .atLeast && cw >= pw && ch >= ph)
            if total == 0, cw == width, ch == height, keepsSize { untouched = candidate }
            if total == 0 {
                if best == nil || cost < best!.cost { best = candidate }
            } else if best == nil {
                let closestTotal = closest.map { $0.excess.map { $0.1 }.reduce(0, +) } ?? .infinity
                if total < closestTotal { closest = candidate }
            }
        }
        // A photo already at the profile's size that passes as it is keeps every pixel where it is:
        // moving the bands a few pixels nearer their middles is not worth a resample of the whole face.
        if let untouched, best != nil { return .success(untouched.plan) }
        if let best { return .success(best.plan) }
        guard let closest, let worst = closest.excess.max(by: { $0.1 < $1.1 }) else {
            return .failure(FixRefusal(check: "framing.face_width", zh: "找不到合适的裁剪", en: "no crop frames the face"))
        }
        return .failure(refusal(worst.0, closest.plan, face: face, width: width, height: height, bands: bands))
    }

    /// Why the closest crop still fails `check`.
    func refusal(
        _ check: CheckID, _ plan: FramingPlan, face: FaceFrame, width: Int, height: Int, bands: Bands
    ) -> FixRefusal {
        let centring = bands.centring
        let p = plan.predicted
        func px(_ v: Double) -> String { "\(Int(v.rounded()))" }
        // The crop must land a tenth of the half band inside, so the re-measured photo passes too.
        func needs(_ band: Band, zh: Bool) -> String {
            let inset = band.half * 0.1
            let safe = "\(px(band.min + inset))–\(px(band.max - inset))", limit = "\(px(band.min))–\(px(band.max))"
            return zh ? "\(safe),留出余量以确保在 \(limit) 之内" : "\(safe), to be safely inside \(limit)"
        }
        let lead = Localized(
            zh: "任何不超出照片的裁剪都达不到标准(裁剪只能去掉画面,不能补边):",
            en: "No crop inside the photo meets the standard (a crop can only remove picture, never add any): ")
        let detail: Localized
        switch (check, bands.head, bands.eye, bands.face, bands.headHeight) {
        case ("framing.head_top", let head?, _, _, _) where p.headTopY < head.middle:
            detail = Localized(
                zh: "头顶上方的空间不够,裁剪后头顶距上边沿最多 \(px(p.headTopY)) 像素(要求 \(needs(head, zh: true)))。请重新拍摄,头顶上方多留些空间",
                en:
                    "there is too little space above the head: at best the head top lands \(px(p.headTopY)) px from the top (needs \(needs(head, zh: false))). Take a new photo with more room above the head"
            )
        case ("framing.head_top", let head?, _, _, _):
            detail = Localized(
                zh: "头顶上方空间过多而下方画面不够,裁剪后头顶距上边沿 \(px(p.headTopY)) 像素(要求 \(needs(head, zh: true)))。请重新拍摄,让头部在画面中略高",
                en:
                    "there is too much space above the head and too little picture below: the head top lands \(px(p.headTopY)) px from the top (needs \(needs(head, zh: false))). Take a new photo with the head higher in the frame"
            )
        case ("framing.eye_line", _, let eye?, _, _):
            detail = Localized(
                zh: "裁剪后眼睛距上边沿 \(px(p.eyeLineY)) 像素(要求 \(needs(eye, zh: true))),照片下方或上方的画面不够。请重新拍摄,头部居中,留出肩膀",
                en:
                    "the eyes land \(px(p.eyeLineY)) px from the top (needs \(needs(eye, zh: false))): the photo has too little picture above or below the face. Take a new photo with the head in the middle and the shoulders in frame"
            )
        case ("framing.face_width", _, _, let faceBand?, _) where p.faceWidth > faceBand.middle:
            detail = Localized(
                zh: "脸在照片中太大,最大的裁剪也只能让脸宽降到 \(px(p.faceWidth)) 像素(要求 \(needs(faceBand, zh: true)))。请后退一些重新拍摄",
                en:
                    "the face is too large in the photo: even the largest crop leaves it \(px(p.faceWidth)) px wide (needs \(needs(faceBand, zh: false))). Step back and take a new photo"
            )
        case ("framing.face_width", _, _, let faceBand?, _):
            detail = Localized(
                zh: "脸宽只能到 \(px(p.faceWidth)) 像素(要求 \(needs(faceBand, zh: true)))。请靠近一些重新拍摄",
                en: "the face reaches only \(px(p.faceWidth)) px (needs \(needs(faceBand, zh: false))). Take a new photo from closer")
        case ("framing.head_height", _, _, _, let heads?):
            let pct = formatNumber(p.headHeightPct ?? 0, digits: 1)
            let safe = "\(formatNumber(heads.safeMin, digits: 1))–\(formatNumber(heads.safeMax, digits: 1))%"
            let limit = "\(formatNumber(heads.min))–\(formatNumber(heads.max))%"
            let large = (p.headHeightPct ?? 0) > heads.middle
            detail =
                large
                ? Localized(
                    zh: "头部在照片中太大,最大的裁剪也只能让头部(下巴到头顶)占画面高度的 \(pct)%(要求 \(safe),留出余量以确保在 \(limit) 之内)。请后退一些重新拍摄",
                    en:
                        "the head is too large in the photo: even the largest crop leaves the head (chin to crown) \(pct)% of the height (needs \(safe), to be safely inside \(limit)). Step back and take a new photo"
                )
                : Localized(
                    zh: "头部(下巴到头顶)在能保留头顶上方和下方画面的裁剪中最多占画面高度的 \(pct)%(要求 \(safe),留出余量以确保在 \(limit) 之内)。请靠近一些重新拍摄",
                    en:
                        "the head (chin to crown) fills at most \(pct)% of the height in any crop that keeps the picture above and below it (needs \(safe), to be safely inside \(limit)). Take a new photo from closer"
                )
        default:
            detail = Localized(
                zh: "脸太靠近照片的左右边缘,裁剪后脸的中线偏离中心 \(px(p.centreOffset)) 像素(要求不超过 \(px(centring * 0.9)),留出余量以确保不超过 \(px(centring)))。请重新拍摄,人站在画面正中",
                en:
                    "the face is too near a side edge: its axis lands \(px(p.centreOffset)) px off centre (at most \(px(centring * 0.9)), to be safely within \(px(centring))). Take a new photo standing in the middle of the frame"
            )
        }
        return FixRefusal(check: check, reason: Localized(zh: lead.zh + detail.zh, en: lead.en + detail.en))
    }

    /// The crop sizes to try, smallest enlargement first: whole multiples of the profile's reduced
    /// aspect (3×4 for 480×640), so the crop has the aspect exactly, when that step is fine enough;
    /// otherwise every crop height with the width rounded to the aspect. 358×441 (GA 461) has no
    /// common factor, so its only multiple in a 480×640 photo would be 358×441 itself; the rounded
    /// width is off the aspect by under half a pixel, which the resampling to the profile size absorbs.
    package static func cropSizes(profileWidth pw: Int, profileHeight ph: Int, width: Int, height: Int, maxEnlargement: Double) -> [(Int, Int)] {
        let unit = gcd(pw, ph)
        let aw = pw / unit, ah = ph / unit
        if ah <= 64 {
            let largest = min(width / aw, height / ah)
            let smallest = max(1, Int((Double(ph) / maxEnlargement / Double(ah)).rounded(.up)))
            guard largest >= smallest else { return [] }
            return (smallest...largest).map { ($0 * aw, $0 * ah) }
        }
        let smallest = max(1, Int((Double(ph) / maxEnlargement).rounded(.up)))
        let largest = min(height, Int(Double(width) * Double(ph) / Double(pw)))
        guard largest >= smallest else { return [] }
        return (smallest...largest).map { ch in (min(width, Int((Double(ch) * Double(pw) / Double(ph)).rounded())), ch) }
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return max(1, a)
    }
}
