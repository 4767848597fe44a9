import Dispatch
import Foundation

/// Runs the engine's work (synchronous, CPU-bound: GLPK cannot be interrupted) on threads of its
/// own, at most `workers` at once, so the server's event loops never block on a solve.
///
/// A request waits at most its deadline: when the deadline passes first its caller gets `nil`
/// (a `503`) and work not yet started is skipped; work already running finishes and frees its
/// worker. At most `queue` requests wait for a worker; one more is turned away at once (`429`).
final class WorkerPool: Sendable {
    /// Why the work produced no result.
    enum Refusal: Error {
        /// Every worker is busy and the queue is full.
        case queueFull
        /// The deadline passed before the work finished.
        case deadlinePassed
    }

    private let queue = DispatchQueue(label: "shopsched.service.workers", attributes: .concurrent)
    private let slots: DispatchSemaphore
    private let waiting: LockedCounter
    private let maxWaiting: Int

    init(workers: Int, queue: Int) {
        slots = DispatchSemaphore(value: workers)
        waiting = LockedCounter()
        maxWaiting = workers + queue
    }

    /// The number of requests running or waiting for a worker.
    var inFlight: Int { waiting.value }

    /// `work`'s result, or why there is none.
    func run<T: Sendable>(deadline seconds: Double, _ work: @escaping @Sendable () -> T) async -> Result<T, Refusal> {
        guard waiting.increment(upTo: maxWaiting) else { return .failure(.queueFull) }
        return await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            queue.async { [slots, waiting] in
                slots.wait()
                defer {
                    slots.signal()
                    waiting.decrement()
                }
                guard !once.isDone else { return }
                let result = work()
                once.resume(.success(result))
            }
            queue.asyncAfter(deadline: .now() + seconds) { once.resume(.failure(.deadlinePassed)) }
        }
    }
}

/// A counter behind a lock.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    /// Adds one unless the count is already `limit`; `true` when it did.
    func increment(upTo limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func decrement() { lock.withLock { count -= 1 } }
}

/// Resumes a continuation the first time only (the work and the deadline race for it).
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?

    init(_ continuation: CheckedContinuation<T, Never>) { self.continuation = continuation }

    var isDone: Bool { lock.withLock { continuation == nil } }

    func resume(_ value: T) {
        let taken: CheckedContinuation<T, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        taken?.resume(returning: value)
    }
}
