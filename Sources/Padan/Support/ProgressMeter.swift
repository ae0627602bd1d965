import Foundation

/// Counts a stage's work as threads finish pieces of it, and reports a ``LinkProgress`` each time
/// another 0.5 % is done. Safe to call from any thread: the count is kept under a lock, and taking
/// it once per chunk of work (thousands of records or pairs) costs nothing measurable.
final class ProgressMeter: @unchecked Sendable {
    let stage: String
    let total: Int
    private let report: @Sendable (LinkProgress) -> Void
    private let lock = NSLock()
    private var done = 0
    private var next = 0

    init(stage: String, total: Int, report: @escaping @Sendable (LinkProgress) -> Void) {
        self.stage = stage
        self.total = max(total, 1)
        self.report = report
        next = max(self.total / 200, 1)
    }

    /// Adds `units` of work done.
    func add(_ units: Int) {
        lock.lock()
        done += units
        let due = done >= next || done == total
        if due { next = done + max(total / 200, 1) }
        let now = done
        // Reported under the lock, so reports arrive one at a time and in order.
        if due { report(LinkProgress(stage: stage, done: min(now, total), total: total)) }
        lock.unlock()
    }
}
