/// Expectation-maximization over comparison patterns (Fellegi-Sunter without labels).
///
/// Patterns are few (a few thousand at most: the product of the comparisons' levels that actually
/// occur), so EM runs over pattern counts, not pairs, and takes microseconds. `m` is re-estimated
/// only for the comparisons marked trainable, and `u` too when asked (the non-matches among a
/// blocking rule's pairs are not random pairs: same village, same name; modelling them with the
/// random-pair u would push them into the match class):
/// a session trained on pairs that a blocking rule found must not learn m for the fields that rule
/// forced to agree (their agreement there says nothing about matches), as in Splink's training.
struct ExpectationMaximization {
    /// Distinct level vectors, `comparisonCount` bytes each; `nullLevel` means no evidence.
    var patterns: [[UInt8]]
    var counts: [Double]

    static let nullLevel = ComparisonLevel.null

    struct Result {
        var m: [[Double]]
        var lambda: Double
        var iterations: Int
    }

    /// Runs EM from `m` and `lambda`, updating m only for `trainable` comparisons.
    func run(m initialM: [[Double]], u initialU: [[Double]], lambda initialLambda: Double, trainable: Set<Int>,
             updateU: Bool = false, maxIterations: Int = 200, tolerance: Double = 1e-7) -> Result {
        var m = initialM
        var u = initialU
        var lambda = min(max(initialLambda, 1e-6), 1 - 1e-6)
        let c = u.count
        var iterations = 0
        for iteration in 1 ... maxIterations {
            iterations = iteration
            var matchMass = 0.0, total = 0.0
            var levelMass = u.map { [Double](repeating: 0, count: $0.count) }
            var otherMass = levelMass
            for (p, pattern) in patterns.enumerated() {
                var lm = lambda, lu = 1 - lambda
                for k in 0 ..< c where pattern[k] != Self.nullLevel {
                    let l = Int(pattern[k])
                    lm *= max(m[k][l], MatchModel.floor)
                    lu *= max(u[k][l], MatchModel.floor)
                }
                let posterior = lm / (lm + lu)
                let w = counts[p] * posterior
                matchMass += w
                total += counts[p]
                for k in trainable where pattern[k] != Self.nullLevel {
                    levelMass[k][Int(pattern[k])] += w
                    otherMass[k][Int(pattern[k])] += counts[p] - w
                }
            }
            var change = abs(matchMass / total - lambda)
            lambda = min(max(matchMass / total, 1e-9), 1 - 1e-9)
            // A small pseudo-count keeps levels that never occur in a class from getting probability
            // zero (and an infinite weight).
            func normalized(_ mass: [Double]) -> [Double]? {
                let sum = mass.reduce(0, +)
                guard sum > 0 else { return nil }
                return mass.map { ($0 + 1e-3) / (sum + 1e-3 * Double(mass.count)) }
            }
            for k in trainable {
                if let fresh = normalized(levelMass[k]) {
                    for l in fresh.indices { change = max(change, abs(fresh[l] - m[k][l])) }
                    m[k] = fresh
                }
                if updateU, let fresh = normalized(otherMass[k]) { u[k] = fresh }
            }
            if change < tolerance { break }
        }
        return Result(m: m, lambda: lambda, iterations: iterations)
    }

    /// Up to 16 levels packed into two words: a hashable pattern without an allocation per pair.
    struct PatternKey: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0
    }

    /// The most comparisons a model may have (the packed pattern key holds 16 levels).
    static let maxComparisons = 16

    /// Builds pattern counts from a flat array of level vectors (`comparisonCount` bytes per pair),
    /// keeping only pairs for which `include` is true. Deterministic order (first occurrence).
    /// Comparisons whose `active` flag is false are recorded as null (no evidence), and so are the
    /// levels `rules` say do not count (given the pair's `flags`).
    static func patterns(levels: [UInt8], comparisonCount c: Int, active: [Bool]? = nil, flags: [UInt8] = [],
                         rules: EvidenceRules? = nil, include: (Int) -> Bool) -> ExpectationMaximization {
        let active = active ?? [Bool](repeating: true, count: c)
        precondition(c <= maxComparisons)
        var index: [PatternKey: Int] = [:]
        var patterns: [[UInt8]] = []
        var counts: [Double] = []
        let pairs = c == 0 ? 0 : levels.count / c
        levels.withUnsafeBufferPointer { all in
            for p in 0 ..< pairs where include(p) {
                var key = PatternKey()
                let nikLevel = rules?.nik.map { all[p * c + $0] } ?? nullLevel
                func level(_ k: Int) -> UInt8 {
                    let l = all[p &* c &+ k]
                    guard active[k] else { return nullLevel }
                    if let rules, !rules.counts(k, l, nikLevel: nikLevel, flags: flags[p]) { return nullLevel }
                    return l
                }
                for k in 0 ..< c {
                    let v = UInt64(level(k))
                    if k < 8 { key.low |= v &<< UInt64(8 * k) } else { key.high |= v &<< UInt64(8 * (k - 8)) }
                }
                if let i = index[key] {
                    counts[i] += 1
                } else {
                    index[key] = patterns.count
                    patterns.append((0 ..< c).map(level))
                    counts.append(1)
                }
            }
        }
        return ExpectationMaximization(patterns: patterns, counts: counts)
    }
}
