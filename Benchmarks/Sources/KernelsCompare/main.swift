// Padan's side of Benchmarks/rapidfuzz/compare.py: the same pair file through the same three
// kernels, single thread and all cores, in three shapes:
//   cpdist     pair by pair (rapidfuzz process.cpdist): the plain per-pair functions;
//   cdist      the first Q distinct left-hand names against all right-hand names as one matrix
//              (rapidfuzz process.cdist): Levenshtein.distanceMatrix and friends;
//   one-query  the same Q × N pairs, one query at a time against all candidates (rapidfuzz
//              process.cdist([q], B) per query): CachedLevenshtein(q).distances(to:) and friends.
//
//   KernelsCompare write PATH [--count N]      writes N deterministic name pairs (a<TAB>b lines)
//   KernelsCompare run PATH [--queries Q]      prints: kernel<TAB>shape<TAB>threads<TAB>pairs/s<TAB>checksum
import Foundation
import KernelsCorpus
import PadanKernels

func option(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) { return v }
    return fallback
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write("usage: KernelsCompare write|run PATH [--count N] [--queries Q]\n".data(using: .utf8)!)
    exit(2)
}
let path = args[2]

if args[1] == "write" {
    try PairCorpus.write(PairCorpus.namePairs(count: option("--count", 4096)), to: path)
    exit(0)
}

let pairs = try PairCorpus.read(from: path)
let left = Packed(pairs.map(\.0)), right = Packed(pairs.map(\.1))
var seen = Set<String>()
let queryStrings = pairs.map(\.0).filter { seen.insert($0).inserted }.prefix(option("--queries", 100))
let queries = Packed(Array(queryStrings))
let n = pairs.count, q = queries.count

/// `--only KERNEL` limits the run to one kernel (for profiling), `--threads T` to one thread count.
let only = args.firstIndex(of: "--only").map { args[$0 + 1] }
let threadCounts = args.contains("--threads") ? [option("--threads", 1)] : [1, Measure.cores]
func wanted(_ kernel: String) -> Bool { only == nil || only == kernel }

func report(_ kernel: String, _ shape: String, _ threads: Int, _ rate: Double, _ checksum: Double) {
    print("\(kernel)\t\(shape)\t\(threads)\t\(Int(rate))\t\(checksum)")
}

/// The pair-by-pair shape runs the pair list this many times per timed pass, so that one pass
/// (about 5 ms) dwarfs the cost of waking worker threads.
let passes = 16
let distances = Results(count: max(n * passes, q * n), initial: 0)
let similarities = Results(count: max(n * passes, q * n), initial: 0.0)

typealias Views = UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>

/// Fills the row-major `q × n` matrix `out` with `threads` threads: each computes all queries
/// against a contiguous slice of the candidates (so the query lanes stay full) into its own
/// buffer, then copies its columns into place.
func parallelMatrix<R>(_ threads: Int, _ out: UnsafeMutableBufferPointer<R>, _ zero: R,
                       _ body: (Views, Views, UnsafeMutableBufferPointer<R>) -> Void) {
    if threads <= 1 {
        body(queries.views, right.views, UnsafeMutableBufferPointer(rebasing: out[..<(q * n)]))
        return
    }
    let size = (n + threads - 1) / threads
    Measure.parallel(count: threads, threads: threads) { chunks in
        for t in chunks where t * size < n {
            let columns = (t * size) ..< min(n, (t + 1) * size)
            let part = UnsafeMutableBufferPointer<R>.allocate(capacity: q * columns.count)
            part.initialize(repeating: zero)
            defer { part.deallocate() }
            body(queries.views, UnsafeBufferPointer(rebasing: right.views[columns]), part)
            for row in 0 ..< q {
                for (k, column) in columns.enumerated() { out[row * n + column] = part[row * columns.count + k] }
            }
        }
    }
}

func editDistance(_ kernel: String, pair: @escaping @Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Int,
                  matrix: @escaping (Views, Views, UnsafeMutableBufferPointer<Int>) -> Void,
                  row: @escaping @Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>.Type, UnsafeMutableBufferPointer<Int>) -> Void) {
    guard wanted(kernel) else { return }
    for threads in threadCounts {
        let out = distances.buffer
        let rate = Measure.pairsPerSecond(pairs: n * passes) {
            Measure.parallel(count: n * passes, threads: threads) { r in for i in r { out[i] = pair(left[i % n], right[i % n]) } }
        }
        report(kernel, "cpdist", threads, rate, Double(out[..<n].reduce(0, +)))
        let whole = Measure.pairsPerSecond(pairs: q * n) { parallelMatrix(threads, out, 0, matrix) }
        report(kernel, "cdist", threads, whole, Double(out[..<(q * n)].reduce(0, +)))
        let rows = Measure.pairsPerSecond(pairs: q * n) {
            Measure.parallel(count: q, threads: threads) { r in
                for k in r { row(queries[k], UnsafeBufferPointer<UInt8>.self, UnsafeMutableBufferPointer(rebasing: out[(k * n) ..< (k * n + n)])) }
            }
        }
        report(kernel, "one-query", threads, rows, Double(out[..<(q * n)].reduce(0, +)))
    }
}

editDistance("Levenshtein", pair: { Levenshtein.distance($0, $1) }, matrix: { Levenshtein.distanceMatrix($0, $1, into: $2) }, row: { query, _, out in
    CachedLevenshtein(query).distances(to: right.views, into: out)
})
editDistance("OSA", pair: { OSA.distance($0, $1) }, matrix: { OSA.distanceMatrix($0, $1, into: $2) }, row: { query, _, out in
    CachedOSA(query).distances(to: right.views, into: out)
})

for threads in threadCounts where wanted("JaroWinkler") {
    let out = similarities.buffer
    let rate = Measure.pairsPerSecond(pairs: n * passes) {
        Measure.parallel(count: n * passes, threads: threads) { r in for i in r { out[i] = JaroWinkler.similarity(left[i % n], right[i % n]) } }
    }
    report("JaroWinkler", "cpdist", threads, rate, out[..<n].reduce(0, +))
    let whole = Measure.pairsPerSecond(pairs: q * n) {
        parallelMatrix(threads, out, 0.0) { JaroWinkler.similarityMatrix($0, $1, into: $2) }
    }
    report("JaroWinkler", "cdist", threads, whole, out[..<(q * n)].reduce(0, +))
    let rows = Measure.pairsPerSecond(pairs: q * n) {
        Measure.parallel(count: q, threads: threads) { r in
            for k in r { CachedJaroWinkler(queries[k]).similarities(to: right.views, into: UnsafeMutableBufferPointer(rebasing: out[(k * n) ..< (k * n + n)])) }
        }
    }
    report("JaroWinkler", "one-query", threads, rows, out[..<(q * n)].reduce(0, +))
}

// The plain dynamic-programming reference, pair by pair, single thread (the ≥ 10x baseline).
let leftBytes = pairs.map { Array($0.0.utf8) }, rightBytes = pairs.map { Array($0.1.utf8) }
if wanted("reference") {
    let out = distances.buffer
    let lev = Measure.pairsPerSecond(pairs: n, repetitions: 2, seconds: 0.2) {
        for i in 0 ..< n { out[i] = Reference.levenshtein(leftBytes[i], rightBytes[i]) }
    }
    report("Levenshtein", "reference", 1, lev, Double(out[..<n].reduce(0, +)))
    let osa = Measure.pairsPerSecond(pairs: n, repetitions: 2, seconds: 0.2) {
        for i in 0 ..< n { out[i] = Reference.osa(leftBytes[i], rightBytes[i]) }
    }
    report("OSA", "reference", 1, osa, Double(out[..<n].reduce(0, +)))
    let sims = similarities.buffer
    let jw = Measure.pairsPerSecond(pairs: n, repetitions: 2, seconds: 0.2) {
        for i in 0 ..< n { sims[i] = Reference.jaroWinkler(leftBytes[i], rightBytes[i]) }
    }
    report("JaroWinkler", "reference", 1, jw, sims[..<n].reduce(0, +))
}
