/// Counts of 8-bit samples (luma): medians, percentiles and tail shares in one pass over the
/// samples and one over 256 counts, the same values as sorting the samples would give.
package struct ByteHistogram {
    private(set) var counts = [Int](repeating: 0, count: 256)
    package private(set) var total = 0

    package init() {}

    package mutating func add(_ value: UInt8) {
        counts[Int(value)] += 1
        total += 1
    }

    /// The sample `sorted()[k]` would give (k in 0..<total).
    package func orderStatistic(_ k: Int) -> UInt8 {
        precondition(k >= 0 && k < total, "ByteHistogram: rank out of range")
        var seen = 0
        for value in 0..<256 {
            seen += counts[value]
            if seen > k { return UInt8(value) }
        }
        return 255
    }

    /// How many samples are at most `value`.
    package func count(atMost value: UInt8) -> Int { counts[0...Int(value)].reduce(0, +) }

    /// How many samples are at least `value`.
    package func count(atLeast value: UInt8) -> Int { counts[Int(value)...].reduce(0, +) }
}
