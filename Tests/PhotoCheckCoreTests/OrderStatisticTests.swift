import Testing

@testable import PhotoCheckCore

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
}
