import Foundation
import PhotoCheckAnalysis
import PhotoCheckModel
import PhotoCheckReporting

/// Checks many photos with a bounded number of workers, each with its own `PhotoChecker`, and
/// delivers reports in input order.
public struct BatchRunner: Sendable {
    public var profile: Profile
    public var options: CheckOptions
    public var jobs: Int
    /// Given to every worker's checker (see `PhotoChecker.attachments`).
    public var attachments: [any PhotoAttachment] = []

    public init(profile: Profile, options: CheckOptions, jobs: Int) {
        self.profile = profile
        self.options = options
        self.jobs = max(1, jobs)
    }

    /// Checks `paths`, calling `deliver` on the calling thread's behalf in input order as soon as
    /// each report and all before it are done. Memory holds at most a window of reports.
    public func run(_ paths: [String], deliver: (PhotoReport) -> Void) {
        run(paths, prepare: { $0 }, deliver: deliver)
    }

    /// As `run(_:deliver:)`, but each report first goes through `prepare` on the worker that made
    /// it (rendering a reporter's text there spreads that work over the workers too).
    public func run<Output: Sendable>(
        _ paths: [String], prepare: @escaping @Sendable (PhotoReport) -> Output, deliver: (Output) -> Void
    ) {
        let profile = profile, options = options, attachments = attachments
        let budget = min(jobs, paths.count) > 1 ? PixelBudget(capacity: PixelBudget.batchDefault) : nil
        OrderedWorkers.run(
            count: paths.count, jobs: jobs,
            makeWorker: {
                let checker = PhotoChecker(profile: profile, options: options)
                checker.attachments = attachments
                checker.budget = budget
                return checker
            },
            work: { checker, index in prepare(checker.check(path: paths[index])) }, deliver: deliver)
    }
}

/// Runs `count` items on at most `jobs` threads, each with a worker of its own (a checker or a
/// fixer: they own decoders and detectors, so they are not shared), and delivers the results in
/// index order on the calling thread as soon as each and all before it are done.
enum OrderedWorkers {
    static func run<Worker, Output: Sendable>(
        count: Int, jobs: Int, makeWorker: @escaping @Sendable () -> Worker, work: @escaping @Sendable (Worker, Int) -> Output,
        deliver: (Output) -> Void
    ) {
        let queue = ResultQueue<Output>()
        let next = Counter()
        let group = DispatchGroup()
        for _ in 0..<min(max(1, jobs), max(1, count)) {
            group.enter()
            Thread.detachNewThread {
                let worker = makeWorker()
                while let index = next.take(below: count) {
                    queue.put(index, work(worker, index))
                }
                group.leave()
            }
        }
        for index in 0..<count {
            deliver(queue.take(index))
        }
        group.wait()
    }
}

/// Hands out indices to workers.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Reports by index; the consumer waits for the next index in order. Workers wait when they run
/// too far ahead, which bounds memory by the window, not by the number of photos.
final class ResultQueue<Output: Sendable>: @unchecked Sendable {
    private var slots: [Int: Output] = [:]
    private var nextToTake = 0
    private let condition = NSCondition()
    private let window = 64

    func put(_ index: Int, _ report: Output) {
        condition.lock()
        while index >= nextToTake + window { condition.wait() }
        slots[index] = report
        condition.broadcast()
        condition.unlock()
    }

    func take(_ index: Int) -> Output {
        condition.lock()
        while slots[index] == nil { condition.wait() }
        let report = slots.removeValue(forKey: index)!
        nextToTake = index + 1
        condition.broadcast()
        condition.unlock()
        return report
    }
}
