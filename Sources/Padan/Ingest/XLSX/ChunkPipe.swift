import Foundation

/// A bounded queue of inflated chunks between the thread that inflates a zip entry and the thread
/// that scans it, so the two run at once (inflating a 150 MB sheet costs about as much as
/// scanning it).
final class ChunkPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var head = 0
    private var closed = false
    private var cancelled = false
    private var failure: Error?
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The scanner stopped: `put` fails from now on, so the producer's extraction ends.
    struct Cancelled: Error {}

    /// Waits for room, then queues `chunk`. Throws ``Cancelled`` once the reader has given up.
    func put(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count - head >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// No more chunks; `error` is what stopped the producer, if anything did.
    func close(error: Error?) {
        condition.lock()
        closed = true
        if failure == nil { failure = error }
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, or `nil` at the end; rethrows the producer's error in order.
    func take() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while head == chunks.count && !closed { condition.wait() }
        if head < chunks.count {
            let chunk = chunks[head]
            head += 1
            if head > 64 && head * 2 > chunks.count {
                chunks.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer and waits until it has closed the pipe.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !closed { condition.wait() }
        condition.unlock()
    }
}
