import PhotoCheckImage
import PhotoCheckModel

/// What the mouth shows: how far the inner lips are apart and how much of the mouth is teeth.
///
/// Teeth are judged against the person's own lips and skin, not against white: in a warm, blocky
/// web copy (a 320 px JPEG at quality 50, enlarged) teeth are off-yellow and their colour bleeds
/// into the lips, but they stay lighter than the lips, less colourful than the cheeks and, above
/// all, far less red than skin and lips.
public struct MouthAnalysis: Sendable, Equatable {
    /// Mean inner-lip gap divided by the eye-line-to-chin distance.
    public var gapRatio: Double
    /// Teeth-like pixels inside the inner lips, in percent of the area inside the outer lips: at
    /// least as light as 0.7 × the cheeks and lighter than the lips by 0.1 × the cheeks' luma,
    /// with at most 0.8 × the cheeks' chroma and at most 0.65 × the cheeks' redness (Cr).
    public var teethPercent: Double
    /// Cheek skin reference: median luma, chroma (YCbCr distance from grey) and redness (Cr).
    public var skinLuma: Double
    public var skinChroma: Double
    public var skinRedness: Double
    /// Median luma of the lips (inside the outer lip outline, outside the inner one).
    public var lipLuma: Double

    /// Measures the mouth of `face` in `image`.
    public init(image: RGBImage, face: FaceGeometry) {
        let p = face.face.landmarks
        gapRatio = face.innerLipGap / max(1, face.eyeToChin)
        func ycc(_ x: Int, _ y: Int) -> (luma: Double, chroma: Double, redness: Double) {
            let c = image.pixel(x, y)
            let r = Double(c.x), g = Double(c.y), b = Double(c.z)
            let luma = 0.299 * r + 0.587 * g + 0.114 * b
            let cb = -0.168736 * r - 0.331264 * g + 0.5 * b, cr = 0.5 * r - 0.418688 * g - 0.081312 * b
            return (luma, (cb * cb + cr * cr).squareRoot(), cr)
        }
        func median(_ values: [Double], default fallback: Double) -> Double {
            values.isEmpty ? fallback : values.sorted()[values.count / 2]
        }
        var lumas: [Double] = [], chromas: [Double] = [], rednesses: [Double] = []
        for cheek in [face.leftCheek, face.rightCheek] where !cheek.isEmpty {
            let step = max(1, min(cheek.width, cheek.height) / 12)
            for y in stride(from: cheek.y, to: cheek.maxY, by: step) {
                for x in stride(from: cheek.x, to: cheek.maxX, by: step) {
                    let v = ycc(x, y)
                    lumas.append(v.luma)
                    chromas.append(v.chroma)
                    rednesses.append(v.redness)
                }
            }
        }
        skinLuma = median(lumas, default: 128)
        skinChroma = median(chromas, default: 20)
        skinRedness = median(rednesses, default: 10)

        let inner = Array(p[60...67]), outer = Array(p[48...59])
        let outerArea = max(1, Self.area(outer))
        /// Calls `body` for each pixel whose centre lies inside `polygon`.
        func forEachPixel(in polygon: [Point], _ body: (Int, Int, Point) -> Void) {
            let xs = polygon.map(\.x), ys = polygon.map(\.y)
            let x0 = max(0, Int(xs.min()!.rounded(.down))), x1 = min(image.width - 1, Int(xs.max()!.rounded(.up)))
            let y0 = max(0, Int(ys.min()!.rounded(.down))), y1 = min(image.height - 1, Int(ys.max()!.rounded(.up)))
            guard x0 <= x1 && y0 <= y1 else { return }
            for y in y0...y1 {
                for x in x0...x1 {
                    let q = Point(x: Double(x) + 0.5, y: Double(y) + 0.5)
                    if Self.contains(polygon, q) { body(x, y, q) }
                }
            }
        }
        var lipLumas: [Double] = []
        forEachPixel(in: outer) { x, y, q in
            if !Self.contains(inner, q) { lipLumas.append(ycc(x, y).luma) }
        }
        lipLuma = median(lipLumas, default: skinLuma)

        let minLuma = max(70, 0.7 * skinLuma, lipLuma + 0.1 * skinLuma)
        let maxChroma = 0.8 * skinChroma, maxRedness = 0.65 * skinRedness
        var teeth = 0
        forEachPixel(in: inner) { x, y, _ in
            let v = ycc(x, y)
            if v.luma >= minLuma && v.chroma <= maxChroma && v.redness <= maxRedness { teeth += 1 }
        }
        teethPercent = 100 * Double(teeth) / outerArea
    }

    static func area(_ polygon: [Point]) -> Double {
        var sum = 0.0
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            sum += a.x * b.y - b.x * a.y
        }
        return abs(sum) / 2
    }

    /// Even-odd ray casting.
    static func contains(_ polygon: [Point], _ q: Point) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            if (a.y > q.y) != (b.y > q.y), q.x < (b.x - a.x) * (q.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            j = i
        }
        return inside
    }
}

enum MouthAnalysisKey: AnalysisKey {
    static func compute(_ photo: PhotoAnalysis) -> Result<MouthAnalysis, SkipReason> {
        Result { () throws(SkipReason) in
            MouthAnalysis(image: try photo.image(), face: try photo.face())
        }
    }
}

extension PhotoAnalysis {
    /// Lip gap and visible teeth of the photo's one face.
    public func mouth() throws(SkipReason) -> MouthAnalysis {
        try self[MouthAnalysisKey.self].get()
    }
}
