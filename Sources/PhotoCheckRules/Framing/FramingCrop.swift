import PhotoCheckAnalysis
import PhotoCheckModel

/// A crop of the displayed picture, of the profile's aspect, that puts the face where the profile's
/// framing limits want it once the crop is resized to the profile's size. `file.dimensions` and the
/// framing hints quote it, so the advice says how much to cut instead of "crop it".
package struct FramingCrop: Equatable {
    /// The crop, in displayed-picture pixels.
    package var rect: PixelRect
    /// How many pixels off the top the crop may start at and still keep the eye line and the head
    /// top inside their bands.
    package var topRange: ClosedRange<Int>
    /// The picture's size, to say how much goes off the bottom and the sides.
    var pictureWidth: Int
    var pictureHeight: Int
    /// The crop is at least the profile's size, so resizing it shrinks (an enlarged crop is soft).
    package var keepsResolution: Bool

    package init(rect: PixelRect, topRange: ClosedRange<Int>, pictureWidth: Int, pictureHeight: Int, keepsResolution: Bool) {
        self.rect = rect
        self.topRange = topRange
        self.pictureWidth = pictureWidth
        self.pictureHeight = pictureHeight
        self.keepsResolution = keepsResolution
    }

    /// For a profile that sets only a minimum size, `rect` at the aspect exactly, in whole steps of
    /// it where there are (405×540, not 404×539, for 3:4): such a crop is saved at its own size,
    /// as fix saves it. Other profiles' crops are resized to the profile's size and kept as they are.
    static func stepped(_ rect: PixelRect, _ profile: Profile, width: Int, height: Int) -> PixelRect {
        let (aw, ah) = profile.aspectSteps
        guard profile.sizeMatch == .atLeast, ah <= 64 else { return rect }
        let m = max(1, min(Int((Double(rect.height) / Double(ah)).rounded()), width / aw, height / ah))
        var out = rect
        out.width = m * aw
        out.height = m * ah
        out.x = max(0, min(rect.x + (rect.width - out.width) / 2, width - out.width))
        out.y = max(0, min(rect.y, height - out.height))
        return out
    }

    package var offTop: Int { rect.y }
    var offBottom: Int { pictureHeight - rect.y - rect.height }
    var offLeft: Int { rect.x }
    var offRight: Int { pictureWidth - rect.x - rect.width }

    /// The crop whose face width is nearest the middle of the profile's band, with its top placing
    /// the eye line nearest the middle of its band; nil when no crop of the picture frames the face
    /// (the face is too large for the picture, or too near an edge).
    package static func plan(
        faceWidth: Double, faceCentreX: Double, eyeLineY: Double, headTopY: Double, chinY: Double? = nil, width: Int, height: Int,
        profile: Profile
    ) -> FramingCrop? {
        let ph = Double(profile.height), pw = Double(profile.width)
        // The bands of the framing checks the profile runs; a check it does not run leaves that
        // position free (the whole frame).
        func band(_ check: CheckID) -> Limit.Band? { profile.checks.contains(check) ? profile.limits[check]?.pass : nil }
        let eye = band("framing.eye_line"), head = band("framing.head_top"), face = band("framing.face_width")
        let eyeMin = eye?.min ?? 0, eyeMax = eye?.max ?? ph, headMin = head?.min ?? 0, headMax = head?.max ?? ph
        let faceMin = face?.min ?? 0, faceMax = face?.max ?? pw
        let centring = band("framing.centring")?.max ?? 0
        guard faceWidth > 0, width > 0, height > 0, faceMax > 0 else { return nil }
        let w = Double(width), h = Double(height)
        // Crop heights that put the face width inside its band, limited by the picture.
        var lowest = faceWidth * ph / faceMax
        var highest = min(faceMin > 0 ? faceWidth * ph / faceMin : .infinity, h, w * ph / pw)
        var target = faceWidth * ph / ((faceMin + faceMax) / 2)
        // The head's height (crown to chin) in % of the frame, for the profiles that judge it.
        if let heads = band("framing.head_height"), let chinY, chinY > headTopY {
            let head = chinY - headTopY, lo = heads.min ?? 0, hi = heads.max ?? 100
            if hi > 0 { lowest = max(lowest, head * 100 / hi) }
            if lo > 0 { highest = min(highest, head * 100 / lo) }
            if face == nil, lo + hi > 0 { target = head * 200 / (lo + hi) }
        }
        guard lowest <= highest else { return nil }
        target = min(max(target, lowest), highest)
        // Try the target height first, then heights ever farther from it, in small steps.
        let steps = 40
        let step = (highest - lowest) / Double(steps)
        var candidates = [target]
        if step > 0 {
            candidates += (0...steps).map { lowest + Double($0) * step }.sorted { abs($0 - target) < abs($1 - target) }
        }
        for ch in candidates {
            let k = ph / ch  // output pixels per picture pixel
            let cw = ch * pw / ph
            let top = max(eyeLineY - eyeMax / k, headTopY - headMax / k, 0)
            let bottom = min(eyeLineY - eyeMin / k, headTopY - headMin / k, h - ch)
            let left = max(faceCentreX - cw / 2 - centring / k, 0)
            let right = min(faceCentreX - cw / 2 + centring / k, w - cw)
            let yRange = top.rounded(.up)...max(top.rounded(.up), bottom.rounded(.down))
            guard top.rounded(.up) <= bottom.rounded(.down), left.rounded(.up) <= right.rounded(.down) else { continue }
            let y = min(max((eyeLineY - (eyeMin + eyeMax) / 2 / k).rounded(), yRange.lowerBound), yRange.upperBound)
            let x = min(max((faceCentreX - cw / 2).rounded(), left.rounded(.up)), right.rounded(.down))
            var rect = PixelRect(
                x: Int(x), y: Int(y), width: min(width, Int(cw.rounded())), height: min(height, Int(ch.rounded())))
            rect = Self.stepped(rect, profile, width: width, height: height)
            return FramingCrop(
                rect: rect, topRange: Int(yRange.lowerBound)...Int(yRange.upperBound), pictureWidth: width, pictureHeight: height,
                keepsResolution: ch >= ph - 0.5)
        }
        return nil
    }

    /// "about 60–120 px (5–10% of the height)", or one number when the range is a few pixels.
    private func offTopText(_ zh: Bool) -> String {
        let wide = topRange.upperBound - topRange.lowerBound > 4
        let px = wide ? "\(topRange.lowerBound)–\(topRange.upperBound)" : "\(offTop)"
        func pct(_ v: Int) -> String { formatNumber(100 * Double(v) / Double(max(1, pictureHeight)), digits: 0) }
        let share =
            wide && pct(topRange.lowerBound) != pct(topRange.upperBound) ? "\(pct(topRange.lowerBound))–\(pct(topRange.upperBound))" : pct(offTop)
        return zh ? "约 \(px) 像素(高度的 \(share)%)" : "about \(px) px (\(share)% of the height)"
    }

    /// What to cut, in both languages: "crop 900×1200 px: about 60–120 px (5–10% of the height) off
    /// the top, 180 off the bottom, 150 off the left and 150 off the right, then resize to 480×640".
    /// A profile that sets only a minimum size (cet) keeps the crop's size, as fix does: "then save
    /// it at 405×540 at quality 100 (about 60 KB)" when `saved` says what reaches the file-size
    /// band, else "then keep that size (at least 144×192)"; shrunk to the minimum, the file would
    /// fall under the band.
    package func advice(_ profile: Profile, saved: SavedSize? = nil) -> Localized {
        let size = "\(rect.width)×\(rect.height)", out = "\(profile.width)×\(profile.height)"
        var then = Localized(zh: "再缩放为 \(out)", en: "then resize to \(out)")
        if profile.sizeMatch == .atLeast {
            then =
                saved.map { Localized(zh: "再按 \($0.text.zh)保存", en: "then save it at \($0.text.en)") }
                ?? Localized(zh: "保持这个尺寸(至少 \(out))", en: "then keep that size (at least \(out))")
        }
        if offTop == 0 && topRange.upperBound - topRange.lowerBound <= 4 {
            return Localized(
                zh: "裁剪出 \(size) 像素:顶部不裁,底部裁掉 \(offBottom)、左边 \(offLeft)、右边 \(offRight) 像素,\(then.zh)",
                en:
                    "crop \(size) px: nothing off the top, \(offBottom) off the bottom, \(offLeft) off the left and \(offRight) off the right, \(then.en)"
            )
        }
        return Localized(
            zh: "裁剪出 \(size) 像素:顶部裁掉\(offTopText(true)),底部 \(offBottom)、左边 \(offLeft)、右边 \(offRight) 像素,\(then.zh)",
            en:
                "crop \(size) px: \(offTopText(false)) off the top, \(offBottom) off the bottom, \(offLeft) off the left and \(offRight) off the right, \(then.en)"
        )
    }
}

extension PhotoAnalysis {
    /// `crop.advice` with, for a profile that sets only a minimum size, the size and quality that
    /// reach the file-size band (`savedSize`).
    func cropAdvice(_ crop: FramingCrop) -> Localized {
        crop.advice(profile, saved: profile.sizeMatch == .atLeast ? savedSize() : nil)
    }

    /// The crop that frames this photo's face (see `FramingCrop`); nil without a face or when no
    /// crop frames it. The head top is the outline's when the backdrop is plain, else the estimate
    /// from the face's proportions.
    func framingCrop() -> FramingCrop? {
        guard let face = try? face(), let picture = try? image() else { return nil }
        let headTop = (try? headOutline())?.y ?? max(0, face.estimatedHeadTopY)
        guard
            let crop = FramingCrop.plan(
                faceWidth: face.faceWidth, faceCentreX: face.faceCentreX, eyeLineY: face.eyeLineY, headTopY: headTop, chinY: face.chinY,
                width: picture.width, height: picture.height, profile: profile)
        else { return nil }
        // A phone photo decoded DCT-scaled: the advice is in the photo's own pixels.
        guard decodeScale < 1, let source = sourceSize else { return crop }
        func up(_ v: Int) -> Int { Int((Double(v) / decodeScale).rounded()) }
        var scaled = crop
        scaled.rect = FramingCrop.stepped(
            PixelRect(x: up(crop.rect.x), y: up(crop.rect.y), width: up(crop.rect.width), height: up(crop.rect.height)), profile,
            width: source.width, height: source.height)
        scaled.topRange = up(crop.topRange.lowerBound)...up(crop.topRange.upperBound)
        scaled.pictureWidth = source.width
        scaled.pictureHeight = source.height
        scaled.keepsResolution = Double(scaled.rect.height) >= Double(profile.height) - 0.5
        return scaled
    }
}
