import Foundation
import PhotoCheckImage
import PhotoCheckModel

/// Light and colour of the face's skin, measured on regions from the landmarks: the lower face
/// (inside the jaw outline, below the eye line, without the eyes and mouth), the two cheeks, the
/// forehead and the nose. Luma is BT.601 (0…255, as JPEG stores it).
public struct FaceStatistics: Sendable, Equatable {
    /// Skin pixels measured in the lower face.
    public var skinPixelCount: Int
    /// Luma percentiles of the lower-face skin.
    public var lumaP05: Double
    public var lumaMedian: Double
    public var lumaP95: Double
    /// Share of lower-face skin pixels with luma ≤ 25 (crushed) and ≥ 247 (clipped).
    public var darkShare: Double
    public var clippedShare: Double
    /// Median luma of the upper part of each cheek (image left, image right).
    public var leftCheekLuma: Double
    public var rightCheekLuma: Double
    /// Median CIELAB of both cheeks' pixels.
    public var cheekLab: Lab
    /// Clipped share (any channel ≥ 250 and luma ≥ 240) in the forehead, nose and cheeks.
    public var highlightShare: Double
    /// Largest clipped share among those regions (forehead, nose, left cheek, right cheek).
    public var highlightWorstRegionShare: Double
    /// 90th percentile of luma inside the two eye outlines (landmarks 36–41, 42–47): the whites of
    /// the eyes, a near-white reference on every face whatever the skin's tone. Nil when the eyes
    /// are too small to measure.
    public var eyeWhiteLuma: Double?
    /// 99th percentile of the whole picture's brightest channel (max of R, G, B): how far the
    /// exposure reaches up the scale anywhere (a white top, a light backdrop, a blue backdrop's B).
    public var sceneBrightP99: Double
}

enum FaceStatisticsKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> Result<FaceStatistics, SkipReason> {
        Result { () throws(SkipReason) in
            let image = try photo.image()
            let face = try photo.face()
            guard let stats = FaceStatistics(image: image, gray: try photo.grayImage(), face: face) else {
                throw SkipReason(zh: "脸部可测量的皮肤区域太小", en: "too little of the face's skin can be measured")
            }
            return stats
        }
    }
}

extension PhotoAnalysis {
    /// Light and colour statistics of the face (computed once per photo).
    public func faceStatistics() throws(SkipReason) -> FaceStatistics {
        try self[FaceStatisticsKey.self].get()
    }
}

extension FaceStatistics {
    public init?(image: RGBImage, gray: GrayImage, face: FaceGeometry) {
        let p = face.face.landmarks
        let bounds = image.bounds
        // Lower face: inside the jaw polygon (points 0–16 closed along the eye line), below the eye
        // line, outside the eyes, brows and mouth.
        let jaw = Array(p[0...16])
        let eyeY = face.eyeLineY + 0.35 * (p[33].y - face.eyeLineY)  // below the lower lids
        let excluded = [face.leftEye, face.rightEye, face.mouth]
        let ys = jaw.map(\.y), xs = jaw.map(\.x)
        let box = PixelRect(
            x: Int(xs.min()!), y: Int(eyeY), width: Int(xs.max()! - xs.min()!) + 1,
            height: max(0, Int(ys.max()!) - Int(eyeY) + 1)
        ).clipped(to: bounds)
        let step = max(1, Int(face.faceWidth / 200))
        var lumas = ByteHistogram()
        for y in stride(from: box.y, to: box.maxY, by: step) {
            let crossings = Self.crossings(row: Double(y) + 0.5, jaw)
            for x in stride(from: box.x, to: box.maxX, by: step)
            where Self.inside(Double(x) + 0.5, crossings) && !excluded.contains(where: { $0.containsPoint(x, y) }) {
                lumas.add(gray[x, y])
            }
        }
        guard lumas.total >= 50 else { return nil }
        skinPixelCount = lumas.total
        lumaP05 = Double(lumas.orderStatistic(lumas.total * 5 / 100))
        lumaMedian = Double(lumas.orderStatistic(lumas.total / 2))
        lumaP95 = Double(lumas.orderStatistic(lumas.total * 95 / 100))
        darkShare = Double(lumas.count(atMost: 25)) / Double(lumas.total)
        clippedShare = Double(lumas.count(atLeast: 247)) / Double(lumas.total)

        func medianLuma(_ r: PixelRect) -> Double {
            var v = ByteHistogram()
            for y in r.y..<r.maxY { for x in r.x..<r.maxX { v.add(gray[x, y]) } }
            return v.total == 0 ? .nan : Double(v.orderStatistic(v.total / 2))
        }
        // The upper 60% of each cheek box: below it a beard or stubble would darken one side more
        // than the other on a turned head.
        func upper(_ r: PixelRect) -> PixelRect { PixelRect(x: r.x, y: r.y, width: r.width, height: max(1, r.height * 3 / 5)) }
        leftCheekLuma = medianLuma(upper(face.leftCheek))
        rightCheekLuma = medianLuma(upper(face.rightCheek))
        var labs: [Lab] = []
        for r in [face.leftCheek, face.rightCheek] {
            let s = max(1, r.width / 24)
            for y in stride(from: r.y, to: r.maxY, by: s) {
                for x in stride(from: r.x, to: r.maxX, by: s) {
                    let i = (y * image.width + x) * 3
                    labs.append(Colour.lab(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]))
                }
            }
        }
        func med(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.orderStatistic(v.count / 2) }
        cheekLab = Lab(L: med(labs.map { $0.L }), a: med(labs.map { $0.a }), b: med(labs.map { $0.b }))

        // Highlights: the forehead box (below the hairline estimate, so a bald scalp is not in it),
        // the nose from bridge to tip, and the cheeks.
        let nose = PixelRect(
            x: Int(p[31].x), y: Int(p[28].y), width: max(1, Int(p[35].x - p[31].x)),
            height: max(1, Int(p[33].y - p[28].y))
        ).clipped(to: bounds)
        var total = 0, clipped = 0, worst = 0.0
        for r in [face.forehead, nose, face.leftCheek, face.rightCheek] where !r.isEmpty {
            var n = 0, c = 0
            for y in r.y..<r.maxY {
                for x in r.x..<r.maxX {
                    let i = (y * image.width + x) * 3
                    let m = max(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2])
                    n += 1
                    if m >= 250 && gray[x, y] >= 240 { c += 1 }
                }
            }
            total += n
            clipped += c
            worst = max(worst, Double(c) / Double(max(1, n)))
        }
        highlightShare = Double(clipped) / Double(max(1, total))
        highlightWorstRegionShare = worst

        var eyeLumas = ByteHistogram()
        for outline in [Array(p[36...41]), Array(p[42...47])] {
            let xs = outline.map(\.x), ys = outline.map(\.y)
            for y in max(0, Int(ys.min()!))...min(gray.height - 1, max(0, Int(ys.max()!))) {
                let crossings = Self.crossings(row: Double(y) + 0.5, outline)
                for x in max(0, Int(xs.min()!))...min(gray.width - 1, max(0, Int(xs.max()!)))
                where Self.inside(Double(x) + 0.5, crossings) {
                    eyeLumas.add(gray[x, y])
                }
            }
        }
        eyeWhiteLuma = eyeLumas.total >= 12 ? Double(eyeLumas.orderStatistic(eyeLumas.total * 9 / 10)) : nil

        var histogram = [Int](repeating: 0, count: 256)
        var samples = 0
        image.pixels.withUnsafeBufferPointer { px in
            for i in stride(from: 0, to: px.count - 2, by: 3 * 3) {
                histogram[Int(max(px[i], px[i + 1], px[i + 2]))] += 1
                samples += 1
            }
        }
        var seen = 0
        var p99 = 255
        for v in stride(from: 255, through: 0, by: -1) {
            seen += histogram[v]
            if Double(seen) >= 0.01 * Double(samples) { p99 = v; break }
        }
        sceneBrightP99 = Double(p99)
    }

    /// Where the polygon's edges cross the horizontal line at `y` (the polygon closed implicitly):
    /// one row's share of the even-odd test below, worked out once per row, not once per pixel.
    static func crossings(row y: Double, _ polygon: [Point]) -> [Double] {
        var xs: [Double] = []
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            if (a.y > y) != (b.y > y) { xs.append((b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) }
            j = i
        }
        return xs
    }

    /// The even-odd test for a point at `x` on a row with these crossings.
    package static func inside(_ x: Double, _ crossings: [Double]) -> Bool {
        var result = false
        for c in crossings where x < c { result.toggle() }
        return result
    }
}

extension PixelRect {
    package func containsPoint(_ px: Int, _ py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }
}
