import Dispatch

/// Deterministic data parallelism over an index range.
///
/// Work is cut into chunks (at least three per thread so uneven chunks even out), each chunk is
/// run by `DispatchQueue.concurrentPerform`, and results are gathered by chunk index, so the
/// output is the same for any thread count: only the speed changes.
enum Parallel {
    /// The number of threads to use when the caller says `0`: the active processor count.
    static var defaultThreads: Int { max(1, ProcessInfoShim.activeProcessorCount) }

    /// Splits `0 ..< count` into chunks of at least `minChunk` items: about `threads × 4` of them.
    static func chunks(count: Int, threads: Int, minChunk: Int = 1024) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let t = threads <= 0 ? defaultThreads : threads
        let wanted = t == 1 ? 1 : t * 4
        let size = max(minChunk, (count + wanted - 1) / wanted)
        return stride(from: 0, to: count, by: size).map { $0 ..< min(count, $0 + size) }
    }

    /// Runs `body` once per chunk of `0 ..< count`, on up to `threads` threads, and returns the
    /// chunk results in chunk order. Each finished chunk adds its length to `meter`.
    static func map<T>(
        count: Int, threads: Int, minChunk: Int = 1024, meter: ProgressMeter? = nil, _ body: (Range<Int>) -> T
    ) -> [T] {
        if let meter {
            return withoutActuallyEscaping(body) { body in
                let work = UnsafeSendable(body)
                return map(count: count, threads: threads, minChunk: minChunk) { range in
                    let result = work.value(range)
                    meter.add(range.count)
                    return result
                }
            }
        }
        let ranges = chunks(count: count, threads: threads, minChunk: minChunk)
        if ranges.count <= 1 || threads == 1 { return ranges.map(body) }
        var results = [T?](repeating: nil, count: ranges.count)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            withoutActuallyEscaping(body) { body in
                let work = UnsafeSendable(body)
                DispatchQueue.concurrentPerform(iterations: ranges.count) { i in
                    // Each iteration writes only its own slot.
                    slots.value[i] = work.value(ranges[i])
                }
            }
        }
        return results.map { $0! }
    }

    /// Runs `body` once per index of `0 ..< count`, each index a task of its own (for a few
    /// hundred tasks of uneven size), and returns the results in index order. The first error
    /// thrown, by index, is rethrown.
    static func mapEach<T>(count: Int, threads: Int, _ body: (Int) throws -> T) throws -> [T] {
        if count <= 1 || threads == 1 { return try (0 ..< count).map(body) }
        var results = [Result<T, any Error>?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            withoutActuallyEscaping(body) { body in
                let work = UnsafeSendable(body)
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    slots.value[i] = Result { try work.value(i) }
                }
            }
        }
        return try results.map { try $0!.get() }
    }

    /// Runs `body` once per chunk, for side effects into disjoint, preallocated storage.
    static func forEach(count: Int, threads: Int, minChunk: Int = 1024, meter: ProgressMeter? = nil, _ body: (Range<Int>) -> Void) {
        _ = map(count: count, threads: threads, minChunk: minChunk, meter: meter, body)
    }
}

/// Carries a value the compiler cannot prove `Sendable` into `concurrentPerform`. Only for
/// values whose concurrent use is disjoint by construction (each task touches its own slot).
struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
