import Foundation

/// How many pixels the workers of a batch may be analysing at once. A worker waits before a photo
/// that would take the total over the budget, unless nothing else is in flight (a photo larger
/// than the whole budget then runs alone). Analysis holds about 10 bytes a pixel at its peak, so
/// two 48-megapixel phone originals side by side would need close to a gigabyte; with the budget
/// they take turns, while ID-sized photos and pairs of 12-megapixel ones never wait.
package final class PixelBudget: @unchecked Sendable {
    package let capacity: Int
    private var inUse = 0
    private let condition = NSCondition()

    /// Enough for two 12-megapixel photos at once.
    static let batchDefault = 24_000_000

    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Blocks until `pixels` fit beside those in flight (or nothing is in flight), then takes them.
    package func acquire(_ pixels: Int) {
        condition.lock()
        while inUse > 0 && inUse + pixels > capacity { condition.wait() }
        inUse += pixels
        condition.unlock()
    }

    /// Gives back what `acquire` took.
    package func release(_ pixels: Int) {
        condition.lock()
        inUse -= pixels
        condition.broadcast()
        condition.unlock()
    }

    /// Pixels taken now (for tests).
    package var pixelsInFlight: Int {
        condition.lock()
        defer { condition.unlock() }
        return inUse
    }
}
