import PhotoCheckAnalysis
import PhotoCheckImage
import PhotoCheckModel

/// image.border: uniform rows or columns at an edge that end in a sharp step across the whole
/// picture (frames, padding bars, 黑边). A plain backdrop is uniform too, but the row just inside
/// it is still mostly backdrop, so it is not a border.
struct ImageBorderRule: Rule {
    static let check: CheckID = "image.border"
    static let description = RuleDescription(
        check, "CHSI-1.4", title: Localized(zh: "边框/黑边", en: "Border"),
        summary: Localized(zh: "画面边缘是否有边框或填充条", en: "frames or padding bars at the edges"))
    static let limits: [LimitSpec] = [LimitSpec("image.border", 0...1000)]
    static let parameters: [ParameterSpec] = [ParameterSpec("image.border.min_px", 1...1000)]

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
        let limit = try p.limit("image.border")
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
                zh: "裁掉边框或填充条后重新缩放为 \(photo.profile.sizeText),不要用加边的方式凑尺寸",
                en: "Crop the border or bars away and resize to \(photo.profile.sizeText); do not pad the photo to reach the size")
        }
    }

    /// Thickness of a border band at one edge, 0 when there is none.
    static func borderWidth(_ image: RGBImage, _ edge: Edge) -> Int {
        let horizontal = edge == .top || edge == .bottom
        let depth = horizontal ? image.height : image.width
        let length = horizontal ? image.width : image.height
        guard depth >= 8, length >= 8 else { return 0 }
        // Line k from the edge: its first pixel's offset in the buffer and the step along it.
        let along = horizontal ? 3 : 3 * image.width
        func start(_ k: Int) -> Int {
            switch edge {
            case .top: 3 * k * image.width
            case .bottom: 3 * (image.height - 1 - k) * image.width
            case .left: 3 * k
            case .right: 3 * (image.width - 1 - k)
            }
        }
        // Sum of the channels' absolute differences.
        func distance(_ a: SIMD3<Int32>, _ b: SIMD3<Int32>) -> Int32 {
            let d = a &- b
            return abs(d.x) + abs(d.y) + abs(d.z)
        }
        return image.pixels.withUnsafeBufferPointer { px in
            func pixel(_ k: Int, _ t: Int) -> SIMD3<Int32> {
                let i = start(k) + t * along
                return SIMD3(Int32(px[i]), Int32(px[i + 1]), Int32(px[i + 2]))
            }
            // Each channel's median: pixel values are whole numbers 0…255, so a histogram finds
            // the middle element a sort would, in one pass (this runs on up to a fifth of every
            // edge's lines). One buffer for all lines.
            var counts = [Int](repeating: 0, count: 3 * 256)
            func median(_ k: Int) -> SIMD3<Int32> {
                for i in counts.indices { counts[i] = 0 }
                for t in 0..<length {
                    let i = start(k) + t * along
                    counts[Int(px[i])] += 1
                    counts[256 + Int(px[i + 1])] += 1
                    counts[512 + Int(px[i + 2])] += 1
                }
                func middle(_ channel: Int) -> Int32 {
                    var seen = 0
                    for value in 0..<256 {
                        seen += counts[channel * 256 + value]
                        if seen > length / 2 { return Int32(value) }
                    }
                    return 255
                }
                return SIMD3(middle(0), middle(1), middle(2))
            }
            func count(_ k: Int, within tolerance: Int32, of centre: SIMD3<Int32>) -> Int {
                var n = 0
                for t in 0..<length where distance(pixel(k, t), centre) <= tolerance { n += 1 }
                return n
            }
            // A band is a run of uniform lines from the edge; it may be a multi-line frame, so
            // each line only has to be uniform in itself. A step between two uniform lines (a
            // frame meeting a plain backdrop) is remembered.
            let maxDepth = depth / 5
            var k = 0
            var last = SIMD3<Int32>(0, 0, 0)
            var lastStep = 0
            while k < maxDepth {
                let centre = median(k)
                if Double(count(k, within: 24, of: centre)) < 0.97 * Double(length) { break }
                if k > 0 && distance(centre, last) > 36 { lastStep = k }
                last = centre
                k += 1
            }
            guard k > 0 else { return 0 }
            // The run ends in a step across the picture: most of the next line differs from it.
            // JPEG ringing may blur the step over a line or two.
            for j in 0...2 where k + j < maxDepth {
                let differing = length - count(k + j, within: 36, of: last)
                if Double(differing) >= 0.7 * Double(length) { return k + j }
            }
            // Otherwise the run ends in the backdrop; a frame is the part before its last step.
            return lastStep
        }
    }
}
