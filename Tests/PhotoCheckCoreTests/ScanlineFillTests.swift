import Testing

@testable import PhotoCheckCore

/// The scanline fill must mark exactly the 4-connected region a plain breadth-first fill marks.
@Suite struct ScanlineFillTests {
    /// Regions of a random mask by breadth-first search: the reference.
    static func reference(_ open: [Bool], width w: Int, height h: Int) -> [Int32] {
        var label = [Int32](repeating: 0, count: w * h)
        var next: Int32 = 0
        for start in 0..<(w * h) where open[start] && label[start] == 0 {
            next += 1
            label[start] = next
            var queue = [start], head = 0
            while head < queue.count {
                let i = queue[head]
                head += 1
                let x = i % w, y = i / w
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < w && ny < h {
                    let j = ny * w + nx
                    if open[j] && label[j] == 0 {
                        label[j] = next
                        queue.append(j)
                    }
                }
            }
        }
        return label
    }

    @Test(arguments: [(1, 1), (1, 37), (37, 1), (23, 17), (64, 48)])
    func marksTheSameRegionsAsABreadthFirstFill(size: (Int, Int)) {
        let (w, h) = size
        var state: UInt64 = UInt64(w * 1000 + h)
        for density in [0.3, 0.55, 0.7, 0.95] {
            let open = (0..<(w * h)).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(state >> 11) / Double(1 << 53) < density
            }
            let expected = Self.reference(open, width: w, height: h)
            var label = [Int32](repeating: 0, count: w * h)
            var sizes: [Int] = []
            var fill = ScanlineFill(width: w, height: h)
            for start in 0..<(w * h) where open[start] && label[start] == 0 {
                let id = Int32(sizes.count + 1)
                sizes.append(fill.fill(from: start, joins: { open[$0] && label[$0] == 0 }, mark: { label[$0] = id }))
            }
            #expect(label == expected, "\(w)×\(h) at density \(density)")
            #expect(sizes.reduce(0, +) == open.filter { $0 }.count)
            #expect(fill.fill(from: 0, joins: { open[$0] && label[$0] == 0 }, mark: { label[$0] = -1 }) == 0)
        }
    }
}
