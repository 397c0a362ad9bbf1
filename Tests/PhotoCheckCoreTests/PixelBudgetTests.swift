import Foundation
import PhotoCheckCore
import Testing

/// Huge photos take turns; small ones never wait; a photo larger than the budget still runs.
@Suite(.timeLimit(.minutes(1))) struct PixelBudgetTests {
    @Test func photosThatFitTogetherDoNotWait() {
        let budget = PixelBudget(capacity: 24_000_000)
        budget.acquire(12_000_000)
        budget.acquire(12_000_000)  // would block forever if it waited
        #expect(budget.pixelsInFlight == 24_000_000)
        budget.release(12_000_000)
        budget.release(12_000_000)
        #expect(budget.pixelsInFlight == 0)
    }

    @Test func aPhotoLargerThanTheBudgetRunsAlone() {
        let budget = PixelBudget(capacity: 24_000_000)
        budget.acquire(48_000_000)  // nothing else in flight: goes ahead
        #expect(budget.pixelsInFlight == 48_000_000)
        budget.release(48_000_000)
    }

    @Test func aPhotoThatDoesNotFitWaitsForTheOthersToFinish() {
        let budget = PixelBudget(capacity: 24_000_000)
        budget.acquire(20_000_000)
        let started = DispatchSemaphore(value: 0), acquired = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            started.signal()
            budget.acquire(12_000_000)
            acquired.signal()
            budget.release(12_000_000)
        }
        started.wait()
        // 20 + 12 megapixels exceed the budget: the second photo must still be waiting.
        #expect(acquired.wait(timeout: .now() + .milliseconds(300)) == .timedOut)
        budget.release(20_000_000)
        #expect(acquired.wait(timeout: .now() + .seconds(20)) == .success)
    }
}
