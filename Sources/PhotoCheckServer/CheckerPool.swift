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
    private let landmarkModelPath: String
    private let condition = NSCondition()
    private var admitted = 0
    private var jobs: [Job] = []
    private var started = false
    private var stopping = false

    /// A place held by one request; give it back with `CheckerPool.leave` or by running a job.
    public struct Ticket: Sendable {
        fileprivate let id: Int
    }

    public init(profile: Profile, capacity: Int, workers: Int, landmarkModelPath: String = FaceLocator.defaultModelPath) {
        self.profile = profile
        self.landmarkModelPath = landmarkModelPath
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

    /// What one worker thread owns: its checkers and fixers, one per profile a request asked for
    /// (each holds a decoder and a detector), made on first use. Used only on that thread.
    public final class Worker {
        /// The server's own profile (`serve --profile`), what a request that names none gets.
        public let profile: Profile
        /// The face landmark model file every check loads (`CheckOptions.landmarkModelPath`).
        let landmarkModelPath: String
        private var checkers: [String: PhotoChecker] = [:]
        private var fixers: [String: PhotoFixer] = [:]
        private var day: Int

        /// The checker of the server's profile.
        public var checker: PhotoChecker { checker(for: profile) }

        /// The fixer of the server's profile (it holds a checker of its own for the re-check).
        public var fixer: PhotoFixer { fixer(for: profile) }

        /// The checker for `profile`, decoding large photos DCT-scaled as `check` does.
        public func checker(for profile: Profile) -> PhotoChecker {
            if let made = checkers[profile.name] { return made }
            let checker = PhotoChecker(profile: profile, options: Self.options(profile, landmarkModelPath: landmarkModelPath))
            checkers[profile.name] = checker
            return checker
        }

        public func fixer(for profile: Profile) -> PhotoFixer {
            if let made = fixers[profile.name] { return made }
            let fixer = PhotoFixer(profile: profile, options: FixOptions(check: CheckOptions(landmarkModelPath: landmarkModelPath)))
            fixers[profile.name] = fixer
            return fixer
        }

        /// What `photocheck check` uses: phone photos (at least four times the profile's size)
        /// are decoded DCT-scaled to about twice it, which a check of a 12-megapixel upload needs
        /// to stay within the server's timeout; smaller photos are measured at full size.
        static func options(_ profile: Profile, landmarkModelPath: String = FaceLocator.defaultModelPath) -> CheckOptions {
            var options = CheckOptions(landmarkModelPath: landmarkModelPath)
            options.decodeAtLeast = .twice(profile, largestFactor: 0.5)
            return options
        }

        init(profile: Profile, landmarkModelPath: String) {
            self.profile = profile
            self.landmarkModelPath = landmarkModelPath
            day = CheckerPool.today()
        }

        /// The capture-date check judges against today: a server that runs for weeks makes new
        /// checkers when the day changes.
        func renewIfTheDayChanged() {
            let now = CheckerPool.today()
            guard now != day else { return }
            day = now
            checkers = [:]
            fixers = [:]
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
        let worker = Worker(profile: profile, landmarkModelPath: landmarkModelPath)
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
