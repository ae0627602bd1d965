// Fuzzes the string-similarity kernels (PadanKernels) on the two halves of each input, for
// crashes, traps and sanitizer reports in their fast paths (bit-parallel, SIMD lanes, cutoffs).
// The first byte picks a cutoff (0...15, or none when above 15); the rest is split in two at its
// middle. Besides crashes, a few facts that hold for any two strings are checked: distances are
// symmetric and at most the longer length, a cutoff distance is the plain one capped at cutoff+1,
// the batch (SIMD lane) distances equal the one-at-a-time ones, similarities lie in 0...1.
import FuzzSupport
import PadanKernels

func checkUnit(_ value: Double, _ what: String) {
    precondition(value >= 0 && value <= 1, "\(what) = \(value), outside 0...1")
}

runFuzzer { input in
    guard let first = input.first else { return }
    let cutoffByte = Int(first & 0x1F)
    let cutoff: Int? = cutoffByte > 15 ? nil : cutoffByte
    let rest = UnsafeBufferPointer(rebasing: input.dropFirst())
    let a = UnsafeBufferPointer(rebasing: rest[..<(rest.startIndex + rest.count / 2)])
    let b = UnsafeBufferPointer(rebasing: rest[(rest.startIndex + rest.count / 2)...])
    let longest = max(a.count, b.count)

    let lev = Levenshtein.distance(a, b)
    precondition(lev == Levenshtein.distance(b, a), "Levenshtein is not symmetric")
    precondition(lev <= longest && lev >= abs(a.count - b.count), "Levenshtein \(lev) out of bounds")
    if let cutoff {
        precondition(Levenshtein.distance(a, b, cutoff: cutoff) == min(lev, cutoff + 1), "Levenshtein cutoff")
    }
    let osa = OSA.distance(a, b)
    precondition(osa == OSA.distance(b, a) && osa <= lev, "OSA is not symmetric or exceeds Levenshtein")
    if let cutoff { precondition(OSA.distance(a, b, cutoff: cutoff) == min(osa, cutoff + 1), "OSA cutoff") }
    let indel = Indel.distance(a, b)
    precondition(indel == Indel.distance(b, a) && indel >= lev && indel <= a.count + b.count, "Indel bounds")
    _ = Indel.distance(a, b, cutoff: cutoff)
    checkUnit(Levenshtein.normalizedSimilarity(a, b), "Levenshtein.normalizedSimilarity")
    checkUnit(OSA.normalizedSimilarity(a, b), "OSA.normalizedSimilarity")
    checkUnit(Indel.normalizedSimilarity(a, b), "Indel.normalizedSimilarity")
    checkUnit(JaroWinkler.similarity(a, b), "JaroWinkler.similarity")
    checkUnit(TokenRatio.sortRatio(a, b), "TokenRatio.sortRatio")
    checkUnit(TokenRatio.setRatio(a, b), "TokenRatio.setRatio")
    checkUnit(TokenJaccard.similarity(a, b), "TokenJaccard.similarity")
    _ = Hamming.distance(a, b)
    _ = DigitString.transpositionDistance(a, b)
    _ = DigitString.zeroedTailLength(a, b)
    _ = DigitString.differenceMask(a, b)

    let cachedLev = CachedLevenshtein(a)
    precondition(cachedLev.distance(to: b, cutoff: cutoff) == Levenshtein.distance(a, b, cutoff: cutoff), "CachedLevenshtein")
    let cachedOSA = CachedOSA(a)
    precondition(cachedOSA.distance(to: b, cutoff: cutoff) == OSA.distance(a, b, cutoff: cutoff), "CachedOSA")
    let cachedJW = CachedJaroWinkler(a)
    checkUnit(cachedJW.similarity(to: b), "CachedJaroWinkler.similarity")

    // Batches: b split into pieces at every space, each compared with a in SIMD lanes.
    var pieces: [UnsafeBufferPointer<UInt8>] = []
    var start = b.startIndex
    for i in b.indices where b[i] == 32 {
        pieces.append(UnsafeBufferPointer(rebasing: b[start ..< i]))
        start = i + 1
    }
    pieces.append(UnsafeBufferPointer(rebasing: b[start...]))
    var levResults = [Int](repeating: -1, count: pieces.count)
    var osaResults = [Int](repeating: -1, count: pieces.count)
    var jwResults = [Double](repeating: -1, count: pieces.count)
    pieces.withUnsafeBufferPointer { views in
        levResults.withUnsafeMutableBufferPointer { cachedLev.distances(to: views, cutoff: cutoff, into: $0) }
        osaResults.withUnsafeMutableBufferPointer { cachedOSA.distances(to: views, cutoff: cutoff, into: $0) }
        jwResults.withUnsafeMutableBufferPointer { cachedJW.similarities(to: views, into: $0) }
    }
    for (k, piece) in pieces.enumerated() {
        precondition(levResults[k] == cachedLev.distance(to: piece, cutoff: cutoff), "batch Levenshtein lane \(k)")
        precondition(osaResults[k] == cachedOSA.distance(to: piece, cutoff: cutoff), "batch OSA lane \(k)")
        precondition(abs(jwResults[k] - cachedJW.similarity(to: piece)) < 1e-12, "batch Jaro-Winkler lane \(k)")
    }
}
