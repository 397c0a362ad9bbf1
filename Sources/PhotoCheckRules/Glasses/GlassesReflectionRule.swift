import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// glasses.reflection: whether glasses are worn (a frame's bar across the nose bridge between the
/// eyes), and if so whether the lenses reflect (clipped pixels around the eyes) or are tinted (the
/// skin seen through them much darker than the cheeks).
struct GlassesReflectionRule: Rule {
    static let check: CheckID = "glasses.reflection"
    static let description = RuleDescription(
        check, "CHSI-2.3", title: Localized(zh: "眼镜反光", en: "Glasses reflection"),
        summary: Localized(zh: "是否戴眼镜,镜片是否反光或有色", en: "glasses present; reflective or tinted lenses"))
    static let limits: [LimitSpec] = [
        LimitSpec("glasses.presence", 0...255), LimitSpec("glasses.reflection", 0...1), LimitSpec("glasses.tint", 0...10),
    ]

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let face = try photo.face()
        let gray = try photo.grayImage()
        let stats = try photo.faceStatistics()
        let p = photo.profile
        let bridge = Self.bridgeContrast(gray, face)
        let present = try p.limit("glasses.presence").status(for: bridge) != .pass
        let lenses = Self.lensAreas(face, width: gray.width, height: gray.height)
        var clipped = 0, total = 0
        var lensLuma: [UInt8] = []
        for (lens, eye) in lenses {
            for y in lens.y..<lens.maxY {
                for x in lens.x..<lens.maxX {
                    total += 1
                    if gray[x, y] >= 245 { clipped += 1 }
                    if !eye.containsPoint(x, y) { lensLuma.append(gray[x, y]) }
                }
            }
        }
        let glare = Double(clipped) / Double(max(1, total))
        let cheeks = (stats.leftCheekLuma + stats.rightCheekLuma) / 2
        let tint = lensLuma.isEmpty || cheeks <= 0 ? 1 : Double(lensLuma.orderStatistic(lensLuma.count / 2)) / cheeks
        var measurements = [
            Measurement("glasses_present", present ? 1 : 0),
            Measurement("bridge_contrast_luma", bridge, limit: try p.limit("glasses.presence")),
        ]
        // The presence limit is a detector threshold, not a judgement: keep it out of the status.
        measurements[1].limit = nil
        measurements.append(Measurement("bridge_presence_threshold_luma", try p.limit("glasses.presence").pass.max ?? 0))
        if present {
            measurements.append(Measurement("lens_glare_ratio", glare, limit: try p.limit("glasses.reflection")))
            measurements.append(Measurement("lens_to_cheek_luma_ratio", tint, limit: try p.limit("glasses.tint")))
        }
        let g = formatNumber(glare * 100, digits: 1)
        return judged(measurements) { status in
            if !present { return Localized(zh: "未检测到眼镜", en: "No glasses detected") }
            if status == .pass {
                return Localized(zh: "检测到眼镜,镜片无明显反光(\(g)%)或颜色", en: "Glasses detected; the lenses show no glare (\(g)%) or tint")
            }
            return Localized(
                zh: "眼镜反光或镜片有色:镜片区域过曝 \(g)%,透过镜片的亮度为脸颊的 \(formatNumber(tint, digits: 2)) 倍",
                en:
                    "Glasses glare or tinted lenses: \(g)% of the lens area is clipped; seen through them the face is \(formatNumber(tint, digits: 2))× as bright as the cheeks"
            )
        } hint: { _ in
            Localized(
                zh: "摘掉眼镜重拍;若必须佩戴,请用无色镜片,并把灯放高或略微低头以避开反光",
                en: "Take the glasses off; if you must wear them, use clear lenses and raise the light or tilt the head slightly to avoid glare")
        }
    }

    /// Strength of a horizontal bar across the nose bridge between the inner eye corners: the largest
    /// deviation of a row's mean luma from the mean of the rows a little above and below it.
    static func bridgeContrast(_ gray: GrayImage, _ face: FaceGeometry) -> Double {
        let p = face.face.landmarks
        let inner = p[42].x - p[39].x
        guard inner > 4 else { return 0 }
        let x0 = Int(p[39].x + 0.3 * inner), x1 = Int(p[42].x - 0.3 * inner)
        let y0 = Int(min(p[21].y, p[22].y) + 0.1 * inner), y1 = Int(p[29].y)
        guard x1 > x0, y1 > y0 + 4, x0 >= 0, x1 <= gray.width, y0 >= 0, y1 <= gray.height else { return 0 }
        var rows: [Double] = []
        for y in y0..<y1 {
            var s = 0
            for x in x0..<x1 { s += Int(gray[x, y]) }
            rows.append(Double(s) / Double(x1 - x0))
        }
        let k = max(2, Int(0.12 * inner))
        var best = 0.0
        if rows.count > 2 * k {
            for i in k..<(rows.count - k) {
                best = max(best, abs(rows[i] - (rows[i - k] + rows[i + k]) / 2))
            }
        }
        return best
    }

    /// Where lenses would be: each eye's box grown by half the eye's width sideways and upwards,
    /// a little less downwards, with the eye's own box.
    static func lensAreas(_ face: FaceGeometry, width: Int, height: Int) -> [(PixelRect, PixelRect)] {
        [face.leftEye, face.rightEye].map { eye in
            let gx = eye.width / 2, gy = eye.width / 3
            let lens = PixelRect(x: eye.x - gx / 2, y: eye.y - gy, width: eye.width + gx, height: eye.height + 2 * gy)
                .clipped(to: PixelRect(x: 0, y: 0, width: width, height: height))
            return (lens, eye)
        }
    }
}
