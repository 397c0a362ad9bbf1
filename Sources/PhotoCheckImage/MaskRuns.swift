/// The 4-connected regions of a mask, found on runs instead of pixels: each row's runs of
/// selected pixels are listed, runs of neighbouring rows that share a column are joined
/// (union–find), and every run learns its region.
///
/// Why runs: the person mask's regions cover every pixel of every photo, and a pixel fill tests
/// each pixel and its neighbours several times; a 640-row photo has a few thousand runs. The
/// regions are exactly the pixel fill's (a test holds them to a breadth-first fill's).
package struct MaskRuns {
    package let width: Int
    package let height: Int
    /// The runs of row y are `rowFirst[y] ..< rowFirst[y + 1]`, left to right.
    private(set) var rowFirst: [Int]
    /// First column of each run and the column after its last.
    private(set) var starts: [Int32] = []
    private(set) var ends: [Int32] = []
    /// Each run's region, named by the region's first run in scan order (so regions sort as
    /// their first pixels do).
    package private(set) var region: [Int32] = []

    /// How many pixels of `mask` are selected. A Bool is stored as the byte 0 or 1: summing the
    /// bytes with wrapping adds (no overflow check, no branch) lets the loop run on vector lanes.
    package static func selectedCount(_ mask: [Bool]) -> Int {
        mask.withUnsafeBytes { bytes in
            var count = 0
            for i in 0..<bytes.count { count &+= Int(bytes[i]) }
            return count
        }
    }

    /// The runs of pixels where `mask` equals `selected`.
    package init(_ mask: [Bool], width: Int, height: Int, selected: Bool = true) {
        precondition(mask.count == width * height, "MaskRuns: mask size")
        self.width = width
        self.height = height
        rowFirst = [Int](repeating: 0, count: height + 1)
        // A Bool is one byte, 0 or 1: eight pixels alike are one 64-bit word of all 0s or all 1s,
        // skipped in one step (long runs of backdrop and of person are the common case).
        let unselectedWord: UInt64 = selected ? 0 : 0x0101_0101_0101_0101, selectedWord = ~unselectedWord & 0x0101_0101_0101_0101
        mask.withUnsafeBufferPointer { m in
            guard let base = m.baseAddress else { return }
            let bytes = UnsafeRawPointer(base)
            func skip(_ x: inout Int, _ row: Int, while word: UInt64, _ value: Bool) {
                while x + 8 <= width && bytes.loadUnaligned(fromByteOffset: row + x, as: UInt64.self) == word { x += 8 }
                while x < width && m[row + x] == value { x += 1 }
            }
            for y in 0..<height {
                rowFirst[y] = starts.count
                let row = y * width
                var x = 0
                while x < width {
                    skip(&x, row, while: unselectedWord, !selected)
                    guard x < width else { break }
                    let start = x
                    skip(&x, row, while: selectedWord, selected)
                    starts.append(Int32(start))
                    ends.append(Int32(x))
                }
            }
        }
        rowFirst[height] = starts.count
        joinRows()
    }

    package var runCount: Int { starts.count }

    /// The run holding pixel `index` (row-major), or nil when the pixel is not selected.
    package func run(containing index: Int) -> Int? {
        let y = index / width, x = Int32(index - y * width)
        // Binary search for the last run of the row starting at or before x.
        var lo = rowFirst[y], hi = rowFirst[y + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo > rowFirst[y] && ends[lo - 1] > x ? lo - 1 : nil
    }

    /// Sets `out` true over every run whose region `keep` accepts.
    package func mark(_ out: inout [Bool], keep: (Int32) -> Bool) {
        out.withUnsafeMutableBufferPointer { o in
            for y in 0..<height {
                for r in rowFirst[y]..<rowFirst[y + 1] where keep(region[r]) {
                    let from = y * width + Int(starts[r]), to = y * width + Int(ends[r])
                    UnsafeMutableBufferPointer(rebasing: o[from..<to]).update(repeating: true)
                }
            }
        }
    }

    /// Each region's pixel count, indexed by region (zero for indices that name no region).
    package func regionSizes() -> [Int] {
        var sizes = [Int](repeating: 0, count: runCount)
        for r in 0..<runCount { sizes[Int(region[r])] += Int(ends[r] - starts[r]) }
        return sizes
    }

    /// Joins the runs of neighbouring rows that share a column, then names each run's region.
    private mutating func joinRows() {
        var parent = (0..<Int32(runCount)).map { $0 }
        func root(_ r: Int32) -> Int32 {
            var r = r
            while parent[Int(r)] != r {
                parent[Int(r)] = parent[Int(parent[Int(r)])]  // path halving
                r = parent[Int(r)]
            }
            return r
        }
        if height > 1 {
            for y in 1..<height {
                // Walk the two rows' runs together: the run that ends first cannot touch any
                // later run of the other row.
                var i = rowFirst[y - 1], j = rowFirst[y]
                let iEnd = rowFirst[y], jEnd = rowFirst[y + 1]
                while i < iEnd && j < jEnd {
                    if starts[i] < ends[j] && starts[j] < ends[i] {
                        let a = root(Int32(i)), b = root(Int32(j))
                        // The smaller index is the root: a region is named by its first run.
                        if a < b { parent[Int(b)] = a } else if b < a { parent[Int(a)] = b }
                    }
                    if ends[i] < ends[j] { i += 1 } else { j += 1 }
                }
            }
        }
        region = (0..<Int32(runCount)).map { root($0) }
    }
}
