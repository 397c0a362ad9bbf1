import Foundation
import PhotoCheckCore

/// The checks the server admits at once and the threads that run them.
///
/// `capacity` requests may hold a place (reading their upload, waiting for a worker or being
/// checked); one more is refused at once (`admit()` returns nil) and gets a 503, so memory is
/// bounded by `capacity` uploads whatever the load. `workers` threads (at most one per core) each
/// own a `Worker` with its `PhotoChecker` (which is not thread-safe) and take jobs in arrival
/// order; the checks run
/// on those threads, never on the event loops or Swift's cooperative pool.
public final class CheckerPool: @unchecked Sendable {
    public let capacity: Int
    public let workers: Int
    private let profile: Profile
    private let condition = NSCondition()
    private var admitted = 0
    private var jobs: [Job] = []
    private var started = false
    private var stopping = false

    /// A place held by one request; give it back with `CheckerPool.leave` or by running a job.
    public struct Ticket: Sendable {
        fileprivate let id: Int
    }

    public init(profile: Profile, capacity: Int, workers: Int) {
        self.profile = profile
        self.capacity = max(1, capacity)
        self.workers = max(1, min(workers, self.capacity))
    }

    /// A place for one request, or nil when `capacity` are already held.
    public func admit() -> Ticket? {
        condition.lock()
        defer { condition.unlock() }
        guard admitted < capacity, !stopping else { return nil }
        admitted += 1
        startWorkersIfNeeded()
        return Ticket(id: admitted)
    }

    /// Gives back a place whose request ended before its check (a bad upload, a timeout).
    public func leave(_ ticket: Ticket) {
        condition.lock()
        admitted -= 1
        condition.unlock()
    }

    /// Places held now.
    public var inUse: Int {
        condition.lock()
        defer { condition.unlock() }
        return admitted
    }

    /// What one worker thread owns: its checker (and what else holds a decoder or a detector).
    /// Used only on that thread.
    public final class Worker {
        public let profile: Profile
        public private(set) var checker: PhotoChecker
        private var day: Int
        private var madeFixer: PhotoFixer?

        /// The fixer, made on first use (it holds a checker of its own for the re-check).
        public var fixer: PhotoFixer {
            if let madeFixer { return madeFixer }
            let fixer = PhotoFixer(profile: profile)
            madeFixer = fixer
            return fixer
        }

        init(profile: Profile) {
            self.profile = profile
            checker = PhotoChecker(profile: profile, options: CheckOptions())
            day = CheckerPool.today()
        }

        /// The capture-date check judges against today: a server that runs for weeks makes new
        /// checkers when the day changes.
        func renewIfTheDayChanged() {
            let now = CheckerPool.today()
            guard now != day else { return }
            day = now
            checker = PhotoChecker(profile: profile, options: CheckOptions())
            madeFixer = nil
        }
    }

    /// One check: `work` on a worker, then `done` once its place is given back.
    struct Job: Sendable {
        let work: @Sendable (Worker) -> Void
        let done: @Sendable () -> Void
    }

    /// Runs `work` on a worker's checker, then gives back the ticket's place (only then: a check
    /// that outlives its request's timeout still holds its place until it is done), then calls
    /// `done`.
    public func run(_ ticket: Ticket, _ work: @escaping @Sendable (Worker) -> Void, done: @escaping @Sendable () -> Void = {}) {
        condition.lock()
        jobs.append(Job(work: work, done: done))
        condition.signal()
        condition.unlock()
    }

    /// Runs `work` on a worker and returns its result, or nil after `timeout` (the work itself then
    /// goes on, holding its place, and its result is dropped).
    public func run<T: Sendable>(
        _ ticket: Ticket, timeout: Duration, _ work: @escaping @Sendable (Worker) -> T
    ) async -> T? {
        let once = Once<T?>()
        return await withCheckedContinuation { continuation in
            once.set(continuation)
            let timer = Task {
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled { once.resume(nil) }
            }
            let result = Box<T>()
            run(ticket) { worker in
                result.value = work(worker)
            } done: {
                timer.cancel()
                once.resume(result.value)
            }
        }
    }

    /// Lets the workers end once the jobs already given are done (no new ones are admitted).
    public func shutdown() {
        condition.lock()
        stopping = true
        admitted = capacity
        condition.broadcast()
        condition.unlock()
    }

    private func startWorkersIfNeeded() {
        guard !started else { return }
        started = true
        for index in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.name = "photocheck-check-\(index)"
            thread.start()
        }
    }

    private func work() {
        let worker = Worker(profile: profile)
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            worker.renewIfTheDayChanged()
            job.work(worker)
            condition.lock()
            admitted -= 1
            condition.unlock()
            job.done()
        }
    }

    fileprivate static func today() -> Int { Int(Date().timeIntervalSince1970 / 86_400) }
}

/// A value handed from a worker's job to its completion (the one runs before the other).
final class Box<T: Sendable>: @unchecked Sendable {
    var value: T?
}

/// Resumes a continuation once, whichever of its resumers comes first.
final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?
    private var pending: T?
    private var done = false

    func set(_ continuation: CheckedContinuation<T, Never>) {
        lock.lock()
        if done, let pending {
            lock.unlock()
            continuation.resume(returning: pending)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func resume(_ value: T) {
        lock.lock()
        guard !done else {
            lock.unlock()
            return
        }
        done = true
        guard let continuation else {
            pending = value
            lock.unlock()
            return
        }
        self.continuation = nil
        lock.unlock()
        continuation.resume(returning: value)
    }
}
