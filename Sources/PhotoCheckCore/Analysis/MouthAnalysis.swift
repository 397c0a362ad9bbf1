/// What the mouth shows: how far the inner lips are apart and how much of the mouth is teeth.
public struct MouthAnalysis: Sendable, Equatable {
    /// Mean inner-lip gap divided by the eye-line-to-chin distance.
    public var gapRatio: Double
    /// Teeth-like pixels (bright, nearly colourless against the cheeks) inside the inner lips, in
    /// percent of the area inside the outer lips.
    public var teethPercent: Double
    /// Cheek skin reference: median luma and chroma (YCbCr distance from grey).
    public var skinLuma: Double
    public var skinChroma: Double

    /// Measures the mouth of `face` in `image`.
    public init(image: RGBImage, face: FaceGeometry) {
        let p = face.face.landmarks
        gapRatio = face.innerLipGap / max(1, face.eyeToChin)
        func ycc(_ x: Int, _ y: Int) -> (luma: Double, chroma: Double) {
            let c = image.pixel(x, y)
            let r = Double(c.x), g = Double(c.y), b = Double(c.z)
            let luma = 0.299 * r + 0.587 * g + 0.114 * b
            let cb = -0.168736 * r - 0.331264 * g + 0.5 * b, cr = 0.5 * r - 0.418688 * g - 0.081312 * b
            return (luma, (cb * cb + cr * cr).squareRoot())
        }
        var lumas: [Double] = [], chromas: [Double] = []
        for cheek in [face.leftCheek, face.rightCheek] where !cheek.isEmpty {
            let step = max(1, min(cheek.width, cheek.height) / 12)
            for y in stride(from: cheek.y, to: cheek.maxY, by: step) {
                for x in stride(from: cheek.x, to: cheek.maxX, by: step) {
                    let v = ycc(x, y)
                    lumas.append(v.luma)
                    chromas.append(v.chroma)
                }
            }
        }
        skinLuma = lumas.isEmpty ? 128 : lumas.sorted()[lumas.count / 2]
        skinChroma = chromas.isEmpty ? 20 : chromas.sorted()[chromas.count / 2]

        let inner = Array(p[60...67]), outer = Array(p[48...59])
        let outerArea = max(1, Self.area(outer))
        var teeth = 0
        let xs = inner.map(\.x), ys = inner.map(\.y)
        let x0 = max(0, Int(xs.min()!.rounded(.down))), x1 = min(image.width - 1, Int(xs.max()!.rounded(.up)))
        let y0 = max(0, Int(ys.min()!.rounded(.down))), y1 = min(image.height - 1, Int(ys.max()!.rounded(.up)))
        if x0 <= x1 && y0 <= y1 {
            for y in y0...y1 {
                for x in x0...x1 where Self.contains(inner, Point(x: Double(x) + 0.5, y: Double(y) + 0.5)) {
                    let v = ycc(x, y)
                    if v.luma >= max(70, 0.8 * skinLuma) && v.chroma <= 0.55 * skinChroma + 2 { teeth += 1 }
                }
            }
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
