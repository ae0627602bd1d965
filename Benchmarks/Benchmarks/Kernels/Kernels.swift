import Benchmark
import Foundation
import KernelsCorpus
import PadanKernels

// Pairs per second for each PadanKernels kernel on realistic Indonesian name pairs (4 to 40
// bytes) and NIK pairs. Every benchmark compares exactly 1,000 pairs per iteration (`.kilo`) or
// 1,000,000 (`.mega`, all cores), so the scaled throughput column reads directly as pairs/s.
// "pairwise" is one pair at a time (plain function, like rapidfuzz's cpdist); "batch" is one
// cached query against 1,000 candidates in SIMD lanes (like cdist); "reference" is the plain
// dynamic-programming implementation the tests check against.
nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput], scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 100_000)

    let names = PairCorpus.namePairs(count: 4096)
    let niks = PairCorpus.nikPairs(count: 4096)
    // The same pairs as a file, for rapidfuzz/compare.py or any other tool (not committed).
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("padan-kernel-name-pairs.tsv").path
    try? PairCorpus.write(names, to: file)

    let left = Packed(names.map(\.0)), right = Packed(names.map(\.1))
    let nikLeft = Packed(niks.map(\.0)), nikRight = Packed(niks.map(\.1))
    let leftBytes = names.map { Array($0.0.utf8) }, rightBytes = names.map { Array($0.1.utf8) }
    let n = names.count

    /// Rotates through the corpus so successive iterations see different pairs.
    final class Cursor: @unchecked Sendable {
        var at = 0
        func next(_ step: Int, _ count: Int) -> Int {
            let start = at
            at = (at + step) % count
            return start
        }
    }

    func pairwise<R>(_ name: String, _ a: Packed, _ b: Packed, _ kernel: @escaping (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) {
        let cursor = Cursor()
        Benchmark(name) { benchmark in
            let start = cursor.next(1000, a.count)
            for i in benchmark.scaledIterations {
                let k = (start + i) % a.count
                blackHole(kernel(a[k], b[k]))
            }
        }
    }

    func batch(_ name: String, _ kernel: @escaping (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> Void) {
        let cursor = Cursor()
        Benchmark(name) { _ in
            let k = cursor.next(1, n)
            let start = cursor.next(1000, n - 1000) % (n - 1000)
            kernel(left[k], UnsafeBufferPointer(rebasing: right.views[start ..< start + 1000]))
        }
    }

    let ints = Results(count: 1000, initial: 0)
    let doubles = Results(count: 1000, initial: 0.0)

    pairwise("Levenshtein pairwise", left, right) { Levenshtein.distance($0, $1) }
    pairwise("Levenshtein pairwise cutoff 2", left, right) { Levenshtein.distance($0, $1, cutoff: 2) }
    batch("Levenshtein batch") { q, c in CachedLevenshtein(q).distances(to: c, into: ints.buffer) }
    pairwise("OSA pairwise", left, right) { OSA.distance($0, $1) }
    batch("OSA batch") { q, c in CachedOSA(q).distances(to: c, into: ints.buffer) }
    pairwise("Indel pairwise", left, right) { Indel.distance($0, $1) }
    batch("Indel batch") { q, c in CachedIndel(q).distances(to: c, into: ints.buffer) }
    pairwise("JaroWinkler pairwise", left, right) { JaroWinkler.similarity($0, $1) }
    batch("JaroWinkler batch") { q, c in CachedJaroWinkler(q).similarities(to: c, into: doubles.buffer) }
    pairwise("TokenRatio.setRatio pairwise", left, right) { TokenRatio.setRatio($0, $1) }
    pairwise("TokenRatio.sortRatio pairwise", left, right) { TokenRatio.sortRatio($0, $1) }
    pairwise("TokenJaccard pairwise", left, right) { TokenJaccard.similarity($0, $1) }
    pairwise("MongeElkan (Jaro-Winkler) pairwise", left, right) { MongeElkan.similarity($0, $1) }

    pairwise("NIK OSA pairwise", nikLeft, nikRight) { OSA.distance($0, $1) }
    pairwise("NIK Hamming pairwise", nikLeft, nikRight) { Hamming.distance($0, $1) }
    pairwise("NIK transpositionDistance pairwise", nikLeft, nikRight) { DigitString.transpositionDistance($0, $1) }
    pairwise("NIK zeroedTailLength pairwise", nikLeft, nikRight) { DigitString.zeroedTailLength($0, $1) }
    pairwise("NIK differenceMask pairwise", nikLeft, nikRight) { DigitString.differenceMask($0, $1) }

    // Plain DP reference, same pairs.
    let cursor = Cursor()
    Benchmark("Reference Levenshtein pairwise") { benchmark in
        let start = cursor.next(1000, n)
        for i in benchmark.scaledIterations { blackHole(Reference.levenshtein(leftBytes[(start + i) % n], rightBytes[(start + i) % n])) }
    }
    Benchmark("Reference OSA pairwise") { benchmark in
        let start = cursor.next(1000, n)
        for i in benchmark.scaledIterations { blackHole(Reference.osa(leftBytes[(start + i) % n], rightBytes[(start + i) % n])) }
    }
    Benchmark("Reference JaroWinkler pairwise") { benchmark in
        let start = cursor.next(1000, n)
        for i in benchmark.scaledIterations { blackHole(Reference.jaroWinkler(leftBytes[(start + i) % n], rightBytes[(start + i) % n])) }
    }

    // All cores: 1,000,000 pairs per iteration cut into chunks for DispatchQueue.concurrentPerform.
    let wide = Benchmark.Configuration(scalingFactor: .mega)
    let sink = Results(count: n, initial: 0)
    let sinkD = Results(count: n, initial: 0.0)
    Benchmark("Levenshtein pairwise all cores", configuration: wide) { _ in
        Measure.parallel(count: 1_000_000, threads: Measure.cores) { r in
            for i in r { sink.buffer[i % n] = Levenshtein.distance(left[i % n], right[i % n]) }
        }
    }
    Benchmark("OSA pairwise all cores", configuration: wide) { _ in
        Measure.parallel(count: 1_000_000, threads: Measure.cores) { r in
            for i in r { sink.buffer[i % n] = OSA.distance(left[i % n], right[i % n]) }
        }
    }
    Benchmark("JaroWinkler pairwise all cores", configuration: wide) { _ in
        Measure.parallel(count: 1_000_000, threads: Measure.cores) { r in
            for i in r { sinkD.buffer[i % n] = JaroWinkler.similarity(left[i % n], right[i % n]) }
        }
    }
    // 1,000 queries × 1,000 candidates.
    func batchAllCores(_ name: String, _ kernel: @escaping @Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Double>) -> Void) {
        Benchmark(name, configuration: wide) { _ in
            Measure.parallel(count: 1000, threads: Measure.cores) { r in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 1000) { ints in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: 1000) { doubles in
                        for k in r { kernel(left[k], UnsafeBufferPointer(rebasing: right.views[1000 ..< 2000]), ints, doubles) }
                    }
                }
            }
        }
    }
    batchAllCores("Levenshtein batch all cores") { q, c, i, _ in CachedLevenshtein(q).distances(to: c, into: i) }
    batchAllCores("OSA batch all cores") { q, c, i, _ in CachedOSA(q).distances(to: c, into: i) }
    batchAllCores("JaroWinkler batch all cores") { q, c, _, d in CachedJaroWinkler(q).similarities(to: c, into: d) }
}
