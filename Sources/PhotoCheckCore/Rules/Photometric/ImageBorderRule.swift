/// image.border: uniform rows or columns at an edge that end in a sharp step across the whole
/// picture (frames, padding bars, 黑边). A plain backdrop is uniform too, but the row just inside
/// it is still mostly backdrop, so it is not a border.
struct ImageBorderRule: Rule {
    static let check: CheckID = "image.border"

    enum Edge: String, CaseIterable {
        case top, bottom, left, right
        var zh: String {
            switch self {
            case .top: "上"
            case .bottom: "下"
            case .left: "左"
            case .right: "右"
            }
        }
    }

    func evaluate(_ photo: PhotoAnalysis) throws(SkipReason) -> Finding {
        let image = try photo.image()
        let p = photo.profile
        let minimum = Int(p.parameter("image.border.min_px", default: 2))
        let limit = p.limit("image.border")
        var widths: [Edge: Int] = [:]
        for edge in Edge.allCases {
            let w = Self.borderWidth(image, edge)
            widths[edge] = w >= minimum ? w : 0
        }
        let measurements = Edge.allCases.map { Measurement("border_\($0.rawValue)_px", Double(widths[$0]!), limit: limit) }
        let found = Edge.allCases.filter { widths[$0]! > 0 }
        let zhList = found.map { "\($0.zh)边 \(widths[$0]!) 像素" }.joined(separator: "、")
        let enList = found.map { "\($0.rawValue) \(widths[$0]!) px" }.joined(separator: ", ")
        return judged(measurements) { status in
            status == .pass
                ? Localized(zh: "画面边缘没有边框或填充条", en: "No border or padding bars at the edges")
                : Localized(
                    zh: "黑边检测不合格:边缘有边框或填充条(\(zhList)),要求除头像外没有边框",
                    en: "A border or padding bar at the edge (\(enList)); the standard allows nothing but the portrait")
        } hint: { _ in
            Localized(
                zh: "裁掉边框或填充条后重新缩放为 480×640,不要用加边的方式凑尺寸",
                en: "Crop the border or bars away and resize to 480×640; do not pad the photo to reach the size")
        }
    }

    /// Thickness of a border band at one edge, 0 when there is none.
    static func borderWidth(_ image: RGBImage, _ edge: Edge) -> Int {
        let horizontal = edge == .top || edge == .bottom
        let depth = horizontal ? image.height : image.width
        let length = horizontal ? image.width : image.height
        guard depth >= 8, length >= 8 else { return 0 }
        func line(_ k: Int) -> [SIMD3<Float>] {
            let index: Int
            switch edge {
            case .top, .left: index = k
            case .bottom: index = image.height - 1 - k
            case .right: index = image.width - 1 - k
            }
            return (0..<length).map { t in horizontal ? image.pixel(t, index) : image.pixel(index, t) }
        }
        // Pixel values are whole numbers 0…255: a histogram finds the same middle element a sort
        // would, in one pass (this runs on up to a fifth of every edge's lines).
        func median(_ values: [SIMD3<Float>]) -> SIMD3<Float> {
            var counts = [[Int]](repeating: [Int](repeating: 0, count: 256), count: 3)
            for v in values {
                counts[0][Int(v.x)] += 1
                counts[1][Int(v.y)] += 1
                counts[2][Int(v.z)] += 1
            }
            func m(_ histogram: [Int]) -> Float {
                var seen = 0
                for (value, count) in histogram.enumerated() {
                    seen += count
                    if seen > values.count / 2 { return Float(value) }
                }
                return 255
            }
            return SIMD3(m(counts[0]), m(counts[1]), m(counts[2]))
        }
        func near(_ a: SIMD3<Float>, _ b: SIMD3<Float>, _ tolerance: Float) -> Bool {
            let d: SIMD3<Float> = a - b
            return Swift.abs(d.x) + Swift.abs(d.y) + Swift.abs(d.z) <= tolerance
        }
        // A band is a run of uniform lines from the edge; it may be a multi-line frame, so each
        // line only has to be uniform in itself. A step between two uniform lines (a frame meeting
        // a plain backdrop) is remembered.
        let maxDepth = depth / 5
        var k = 0
        var last = SIMD3<Float>(0, 0, 0)
        var lastStep = 0
        while k < maxDepth {
            let values = line(k)
            let centre = median(values)
            let inside = values.filter { near($0, centre, 24) }.count
            if Double(inside) < 0.97 * Double(length) { break }
            if k > 0 && !near(centre, last, 36) { lastStep = k }
            last = centre
            k += 1
        }
        guard k > 0 else { return 0 }
        // The run ends in a step across the picture: most of the next line differs from it. JPEG
        // ringing may blur the step over a line or two.
        for j in 0...2 where k + j < maxDepth {
            let differing = line(k + j).filter { !near($0, last, 36) }.count
            if Double(differing) >= 0.7 * Double(length) { return k + j }
        }
        // Otherwise the run ends in the backdrop; a frame is the part before its last step.
        return lastStep
    }
}
