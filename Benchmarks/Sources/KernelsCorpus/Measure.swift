import Dispatch
import Foundation

/// Timing and threading helpers shared by the benchmark executables.
public enum Measure {
    /// The number of threads "all cores" means here.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `body` (which compares `pairs` pairs) repeatedly for at least `seconds` and at least
    /// `repetitions` times, and returns the best rate in pairs per second.
    public static func pairsPerSecond(pairs: Int, repetitions: Int = 5, seconds: Double = 0.5, _ body: () -> Void) -> Double {
        body() // warm-up
        var best = Double.infinity
        var spent = 0.0
        var runs = 0
        while runs < repetitions || spent < seconds {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            let t = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, t)
            spent += t
            runs += 1
        }
        return Double(pairs) / best
    }

    /// Runs `body` over `0 ..< count` cut into chunks, on `threads` threads
    /// (`DispatchQueue.concurrentPerform`), or inline for one thread.
    public static func parallel(count: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        if threads <= 1 {
            body(0 ..< count)
            return
        }
        let chunks = threads * 8
        let size = (count + chunks - 1) / chunks
        withoutActuallyEscaping(body) { body in
            let work = Unchecked(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                let lo = min(count, k * size), hi = min(count, lo + size)
                if lo < hi { work.value(lo ..< hi) }
            }
        }
    }

    /// Carries a closure into `concurrentPerform`; each chunk writes only its own results.
    struct Unchecked<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }
}

/// A results buffer written from several threads at disjoint indices.
public final class Results<T>: @unchecked Sendable {
    public let buffer: UnsafeMutableBufferPointer<T>
    public init(count: Int, initial: T) {
        buffer = .allocate(capacity: max(1, count))
        buffer.initialize(repeating: initial)
    }
    deinit { buffer.deallocate() }
}
