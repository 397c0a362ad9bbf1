import PhotoCheckImage
import Testing

/// The regions found on runs must be exactly the 4-connected regions a plain breadth-first fill
/// finds, named in the same (scan) order.
@Suite struct MaskRunsTests {
    /// Regions of a mask by breadth-first search, numbered 1, 2, … in scan order: the reference.
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

    static func randomMask(_ w: Int, _ h: Int, density: Double, seed: Int) -> [Bool] {
        var state = UInt64(seed)
        return (0..<(w * h)).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) < density
        }
    }

    @Test(arguments: [(0, 3), (3, 0), (1, 1), (1, 37), (37, 1), (23, 17), (64, 48), (200, 3)])
    func findsTheRegionsOfABreadthFirstFill(size: (Int, Int)) {
        let (w, h) = size
        for density in [0.0, 0.3, 0.55, 0.7, 0.95, 1.0] {
            for selected in [true, false] {
                let mask = Self.randomMask(w, h, density: density, seed: w * 1000 + h)
                let open = mask.map { $0 == selected }
                let expected = Self.reference(open, width: w, height: h)
                let runs = MaskRuns(mask, width: w, height: h, selected: selected)
                // Region names in scan order become 1, 2, … as in the reference.
                let names = Array(Set(runs.region)).sorted()
                var label = [Int32](repeating: 0, count: w * h)
                for i in 0..<(w * h) {
                    let run = runs.run(containing: i)
                    #expect((run != nil) == open[i], "\(w)×\(h) pixel \(i)")
                    if let run { label[i] = Int32(names.firstIndex(of: runs.region[run])! + 1) }
                }
                #expect(label == expected, "\(w)×\(h) at density \(density), selected \(selected)")
                #expect(runs.regionSizes().reduce(0, +) == open.filter { $0 }.count)
                var marked = [Bool](repeating: false, count: w * h)
                runs.mark(&marked) { _ in true }
                #expect(marked == open)
            }
        }
    }

    /// A ring: its top and bottom arcs meet only through the sides, several rows away.
    @Test func joinsARegionThatMeetsItselfFarBelow() {
        let w = 9, h = 7
        var mask = [Bool](repeating: false, count: w * h)
        for y in 0..<h {
            for x in 0..<w where y == 0 || y == h - 1 || x == 0 || x == w - 1 { mask[y * w + x] = true }
        }
        mask[4] = false  // the top arc cut in two: both halves still join through the sides
        let runs = MaskRuns(mask, width: w, height: h)
        #expect(Set(runs.region).count == 1)
        #expect(runs.regionSizes()[0] == 2 * w + 2 * (h - 2) - 1)
    }
}
