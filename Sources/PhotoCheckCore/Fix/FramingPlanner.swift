import Foundation

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

    public init(eyeLineY: Double, faceWidth: Double, faceCentreX: Double, headTopY: Double, headTopEstimated: Bool = false) {
        self.eyeLineY = eyeLineY
        self.faceWidth = faceWidth
        self.faceCentreX = faceCentreX
        self.headTopY = headTopY
        self.headTopEstimated = headTopEstimated
    }
}

/// The framing measurements a crop gives once resized to the profile's size, in its pixels.
public struct PredictedFraming: Sendable, Equatable, Codable {
    public var headTopY: Double
    public var eyeLineY: Double
    public var faceWidth: Double
    /// |face centre x − width/2|.
    public var centreOffset: Double

    public init(headTopY: Double, eyeLineY: Double, faceWidth: Double, centreOffset: Double) {
        self.headTopY = headTopY
        self.eyeLineY = eyeLineY
        self.faceWidth = faceWidth
        self.centreOffset = centreOffset
    }
}

/// A crop of the displayed picture and the scale that makes it the profile's size.
public struct FramingPlan: Sendable, Equatable, Codable {
    /// The crop, in displayed-picture pixels (EXIF orientation applied), of the profile's aspect.
    public var crop: PixelRect
    /// Output pixels per picture pixel (profile height / crop height): below 1 shrinks.
    public var scale: Double
    /// What the framing checks should measure on the result.
    public var predicted: PredictedFraming

    public init(crop: PixelRect, scale: Double, predicted: PredictedFraming) {
        self.crop = crop
        self.scale = scale
        self.predicted = predicted
    }
}

/// Chooses the crop that puts the head top, the eye line and the face width in the middle of the
/// profile's bands (`framing.head_top`, `framing.eye_line`, `framing.face_width`, in pixels of the
/// profile's width×height) with the face centred, inside the picture: it never pads.
///
/// The three targets cannot all be met at once (crown-to-eye and face width vary between people),
/// so the planner minimises the squared distances from the band middles, each in half-band widths,
/// over every crop of the profile's exact aspect, and weighs enlargement like a band deviation
/// (12.5% enlargement costs as much as half a band): a photo that is already at the profile's size
/// and well framed stays unscaled. A crop is acceptable only with every measurement inside its band
/// by a tenth of the half-band (the result is measured again, to within a pixel or two) and no
/// enlargement beyond `maxEnlargement`. When none is, the refusal names the check that blocks.
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
    }

    func band(_ name: String) -> Band? {
        guard let pass = profile.limits[name]?.pass else { return nil }
        guard let lo = pass.min, let hi = pass.max, hi > lo else { return nil }
        return Band(min: lo, max: hi)
    }

    /// The plan for a face in a `width`×`height` picture, or why there is none.
    public func plan(_ face: FaceFrame, width: Int, height: Int) -> Result<FramingPlan, FixRefusal> {
        guard let head = band("framing.head_top"), let eye = band("framing.eye_line"), let faceBand = band("framing.face_width") else {
            return .failure(
                FixRefusal(
                    check: "framing.head_top", zh: "规范文件没有给出完整的头顶、眼睛和脸宽范围,无法规划裁剪",
                    en: "the profile gives no complete head-top, eye-line and face-width bands to frame to"))
        }
        let centring = profile.limits["framing.centring"]?.pass.max ?? 24
        let pw = profile.width, ph = profile.height
        let margin = 0.1

        if face.headTopY < 1 && !face.headTopEstimated {
            return .failure(
                FixRefusal(
                    check: "framing.head_top",
                    zh: "头发碰到了照片的上边沿,头顶上方没有可保留的空间;裁剪只能去掉画面,不能补出头顶上方的背景。请重新拍摄,头顶上方留出空间(相机略向上移或后退一步)",
                    en:
                        "The hair touches the top edge of the photo, so there is no space above the head to keep; a crop can only remove picture, not add backdrop above the head. Take a new photo with room above the head (camera slightly higher, or step back)"
                ))
        }
        // Enlarging is allowed up to maxEnlargement; a face too small for that cannot be fixed.
        let neededScale = faceBand.min * (1 + margin * faceBand.half / faceBand.min) / max(1, face.faceWidth)
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
        let wEye = 1 / (eye.half * eye.half), wHead = 1 / (head.half * head.half)
        for (cw, ch) in sizes {
            let k = Double(ph) / Double(ch)
            // Best top: the weighted compromise between the eye-line and head-top middles.
            let u = (wEye * (k * face.eyeLineY - eye.middle) + wHead * (k * face.headTopY - head.middle)) / (wEye + wHead)
            let y0 = min(max(0, Int((u / k).rounded())), height - ch)
            let x0 = min(max(0, Int((face.faceCentreX - Double(cw) / 2).rounded())), width - cw)
            let predicted = PredictedFraming(
                headTopY: k * (face.headTopY - Double(y0)), eyeLineY: k * (face.eyeLineY - Double(y0)), faceWidth: k * face.faceWidth,
                centreOffset: abs(k * (face.faceCentreX - Double(x0)) - Double(pw) / 2))
            func sq(_ v: Double) -> Double { v * v }
            var cost = sq((predicted.faceWidth - faceBand.middle) / faceBand.half) + sq((predicted.eyeLineY - eye.middle) / eye.half)
            cost += sq((predicted.headTopY - head.middle) / head.half) + sq(predicted.centreOffset / centring)
            if k > 1 { cost += sq((k - 1) / 0.125) }
            let excess: [(CheckID, Double)] = [
                ("framing.head_top", head.excess(predicted.headTopY, margin: margin) / head.half),
                ("framing.eye_line", eye.excess(predicted.eyeLineY, margin: margin) / eye.half),
                ("framing.face_width", faceBand.excess(predicted.faceWidth, margin: margin) / faceBand.half),
                ("framing.centring", max(0, predicted.centreOffset - centring * (1 - margin)) / centring),
            ]
            let candidate = Candidate(
                plan: FramingPlan(crop: PixelRect(x: x0, y: y0, width: cw, height: ch), scale: k, predicted: predicted), cost: cost,
                excess: excess)
            let total = excess.map { $0.1 }.reduce(0, +)
            if total == 0, cw == width, ch == height, cw == pw, ch == ph { untouched = candidate }
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
        return .failure(refusal(worst.0, closest.plan, face: face, width: width, height: height, bands: (head, eye, faceBand), centring: centring))
    }

    /// Why the closest crop still fails `check`.
    func refusal(
        _ check: CheckID, _ plan: FramingPlan, face: FaceFrame, width: Int, height: Int, bands: (head: Band, eye: Band, face: Band), centring: Double
    ) -> FixRefusal {
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
        switch check {
        case "framing.head_top" where p.headTopY < bands.head.middle:
            detail = Localized(
                zh: "头顶上方的空间不够,裁剪后头顶距上边沿最多 \(px(p.headTopY)) 像素(要求 \(needs(bands.head, zh: true)))。请重新拍摄,头顶上方多留些空间",
                en:
                    "there is too little space above the head: at best the head top lands \(px(p.headTopY)) px from the top (needs \(needs(bands.head, zh: false))). Take a new photo with more room above the head"
            )
        case "framing.head_top":
            detail = Localized(
                zh: "头顶上方空间过多而下方画面不够,裁剪后头顶距上边沿 \(px(p.headTopY)) 像素(要求 \(needs(bands.head, zh: true)))。请重新拍摄,让头部在画面中略高",
                en:
                    "there is too much space above the head and too little picture below: the head top lands \(px(p.headTopY)) px from the top (needs \(needs(bands.head, zh: false))). Take a new photo with the head higher in the frame"
            )
        case "framing.eye_line":
            detail = Localized(
                zh: "裁剪后眼睛距上边沿 \(px(p.eyeLineY)) 像素(要求 \(needs(bands.eye, zh: true))),照片下方或上方的画面不够。请重新拍摄,头部居中,留出肩膀",
                en:
                    "the eyes land \(px(p.eyeLineY)) px from the top (needs \(needs(bands.eye, zh: false))): the photo has too little picture above or below the face. Take a new photo with the head in the middle and the shoulders in frame"
            )
        case "framing.face_width" where p.faceWidth > bands.face.middle:
            detail = Localized(
                zh: "脸在照片中太大,最大的裁剪也只能让脸宽降到 \(px(p.faceWidth)) 像素(要求 \(needs(bands.face, zh: true)))。请后退一些重新拍摄",
                en:
                    "the face is too large in the photo: even the largest crop leaves it \(px(p.faceWidth)) px wide (needs \(needs(bands.face, zh: false))). Step back and take a new photo"
            )
        case "framing.face_width":
            detail = Localized(
                zh: "脸宽只能到 \(px(p.faceWidth)) 像素(要求 \(needs(bands.face, zh: true)))。请靠近一些重新拍摄",
                en: "the face reaches only \(px(p.faceWidth)) px (needs \(needs(bands.face, zh: false))). Take a new photo from closer")
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
    static func cropSizes(profileWidth pw: Int, profileHeight ph: Int, width: Int, height: Int, maxEnlargement: Double) -> [(Int, Int)] {
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
