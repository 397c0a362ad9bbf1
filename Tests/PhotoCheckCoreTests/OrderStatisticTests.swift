import PhotoCheckImage
import Testing

/// Selection must give exactly what sorting would, whatever the input's order or repeats.
@Suite struct OrderStatisticTests {
    /// A reproducible pseudo-random sequence (no global generator: tests run in parallel).
    struct Lehmer {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: [1, 2, 3, 7, 100, 1001, 40_000])
    func matchesSortingOnRandomValues(count: Int) {
        var random = Lehmer(state: UInt64(count))
        // Few distinct values on purpose: long runs of equal values are the quickselect trap.
        let values = (0..<count).map { _ in Double(random.next(count < 10 ? 3 : count / 5)) / 7 }
        let sorted = values.sorted()
        for k in Set([0, count / 4, count / 2, count * 9 / 10, count - 1]) {
            #expect(values.orderStatistic(k) == sorted[k], "k = \(k) of \(count)")
        }
    }

    @Test func matchesSortingOnOrderedAndConstantInput() {
        let ascending = (0..<5000).map(Double.init)
        let descending = Array(ascending.reversed())
        let constant = [Float](repeating: 2.5, count: 3000)
        for k in [0, 1, 2500, 4999] {
            #expect(ascending.orderStatistic(k) == Double(k))
            #expect(descending.orderStatistic(k) == Double(k))
        }
        #expect(constant.orderStatistic(1500) == 2.5)
    }

    @Test(arguments: [0, 5, 65, 1000, 20_000])
    func nonNegativeSortMatchesSort(count: Int) {
        var random = Lehmer(state: UInt64(count) + 11)
        // Zeros, repeats, tiny (subnormal) and huge values, infinity: all at or above +0.
        let specials: [Float] = [0, Float.leastNonzeroMagnitude, 1e-30, 0.5, 0.5, 1, 3e38, .infinity]
        var values = (0..<count).map { i -> Float in
            i % 7 == 0 ? specials[random.next(specials.count)] : Float(random.next(100_000)) / 37
        }
        let expected = values.sorted()
        values.sortNonNegative()
        #expect(values == expected)
    }

    @Test func nonNegativeSortFallsBackOnNegativeValues() {
        var values = (0..<500).map { Float(250 - $0) / 3 }
        values.append(-0.0)
        values.sortNonNegative()
        #expect(values == values.sorted())
        #expect(values.first == Float(250 - 499) / 3)
    }

    /// Every rank of a byte histogram equals the sorted samples' element at that rank, and the
    /// tail counts equal the filtered counts.
    @Test(arguments: [1, 2, 50, 4097])
    func byteHistogramRanksMatchSortedSamples(count: Int) {
        var random = Lehmer(state: UInt64(count) + 5)
        let samples = (0..<count).map { i in UInt8(i % 5 == 0 ? 255 : random.next(60) + (i % 2) * 190) }
        var histogram = ByteHistogram()
        for s in samples { histogram.add(s) }
        let sorted = samples.sorted()
        #expect(histogram.total == count)
        for k in 0..<count { #expect(histogram.orderStatistic(k) == sorted[k]) }
        for limit: UInt8 in [0, 25, 59, 247, 255] {
            #expect(histogram.count(atMost: limit) == samples.filter { $0 <= limit }.count)
            #expect(histogram.count(atLeast: limit) == samples.filter { $0 >= limit }.count)
        }
    }
}
