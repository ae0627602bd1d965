/// Every candidate pair summarized by match weight and by the blocking rules that reach it, so the
/// error estimates and the report's histogram need neither the pairs nor a second pass over them.
///
/// Three tallies, each of pairs, their expected matches (Σ p) and the variance of that count
/// (Σ p(1 − p), the pairs' match status being independent Bernoulli draws given the model):
/// - `histogram`: by total match weight (prior included), in bins of ``binWidth`` bits from
///   ``lowestWeight`` (the first and last bins also take everything beyond them);
/// - `cutoffs`/`atOrAbove`: pairs whose probability is at or above each cutoff, exactly;
/// - `captures`: by capture history, the set of blocking rules whose keys the pair agrees on
///   (bit k for rule k), for capture–recapture across the rules.
///
/// - Complexity: O(pairs), one sequential pass (the sums are the same for any thread count).
public struct CandidateProfile: Codable, Sendable, Equatable {
    /// Pairs, expected matches among them and the variance of that number.
    public struct Tally: Codable, Sendable, Equatable {
        public var pairs: Int = 0
        /// Σ p: the expected number of true matches among the pairs.
        public var expectedMatches: Double = 0
        /// Σ p(1 − p): the variance of the number of true matches.
        public var variance: Double = 0

        public init(pairs: Int = 0, expectedMatches: Double = 0, variance: Double = 0) {
            self.pairs = pairs
            self.expectedMatches = expectedMatches
            self.variance = variance
        }

        @inline(__always) mutating func add(_ p: Double) {
            pairs += 1
            expectedMatches += p
            variance += p * (1 - p)
        }

        mutating func add(_ other: Tally) {
            pairs += other.pairs
            expectedMatches += other.expectedMatches
            variance += other.variance
        }
    }

    /// The pairs that agree on one set of blocking rules' keys.
    public struct Capture: Codable, Sendable, Equatable {
        /// Bit k set: the pair agrees on rule k's key.
        public var rules: UInt32
        public var tally: Tally
    }

    /// Width of a histogram bin, in bits of match weight.
    public var binWidth: Double
    /// The left edge of the first histogram bin.
    public var lowestWeight: Double
    public var histogram: [Tally]
    /// Probability cutoffs, ascending.
    public var cutoffs: [Double]
    /// `atOrAbove[i]`: the pairs whose match probability is at least `cutoffs[i]`.
    public var atOrAbove: [Tally]
    /// Capture histories, by `rules` ascending.
    public var captures: [Capture]
    /// The blocking rules, in order (bit k of a capture history is rule k).
    public var ruleNames: [String]
    /// All candidate pairs.
    public var total: Tally

    /// The cutoffs every profile has, besides the run's own thresholds.
    public static let standardCutoffs: [Double] = [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999]

    /// Profiles pairs whose total weights are `weights[i] + prior`, with rule-agreement masks
    /// `agreement[i]`; `cutoffs` are added to ``standardCutoffs``. With `priorWithin`, pair i
    /// takes that prior when `isWithin(i)` (a pair within one list), as the scorer does.
    init(weights: [Double], prior: Double, priorWithin: Double? = nil, isWithin: ((Int) -> Bool)? = nil,
         agreement: [UInt32], ruleNames: [String], cutoffs extra: [Double],
         binWidth: Double = 0.5, lowestWeight: Double = -40, highestWeight: Double = 60) {
        self.binWidth = binWidth
        self.lowestWeight = lowestWeight
        self.ruleNames = ruleNames
        let cuts = Array(Set(Self.standardCutoffs + extra.filter { $0 > 0 && $0 <= 1 })).sorted()
        cutoffs = cuts
        let binCount = Int(((highestWeight - lowestWeight) / binWidth).rounded(.up))
        var bins = [Tally](repeating: Tally(), count: binCount)
        // Per interval between cutoffs: [cuts[i], cuts[i+1]); interval 0 is below the first cut.
        var intervals = [Tally](repeating: Tally(), count: cuts.count + 1)
        var byMask: [UInt32: Tally] = [:]
        var total = Tally()
        for i in weights.indices {
            let w = weights[i] + (priorWithin != nil && isWithin?(i) == true ? priorWithin! : prior)
            let p = MatchModel.probability(weight: w)
            total.add(p)
            let bin = min(binCount - 1, max(0, Int(((w - lowestWeight) / binWidth).rounded(.down))))
            bins[bin].add(p)
            // The number of cutoffs at or below p.
            var lo = 0, hi = cuts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if cuts[mid] <= p { lo = mid + 1 } else { hi = mid }
            }
            intervals[lo].add(p)
            byMask[agreement[i], default: Tally()].add(p)
        }
        var running = Tally()
        var above = [Tally](repeating: Tally(), count: cuts.count)
        for i in stride(from: cuts.count - 1, through: 0, by: -1) {
            running.add(intervals[i + 1])
            above[i] = running
        }
        atOrAbove = above
        histogram = bins
        captures = byMask.keys.sorted().map { Capture(rules: $0, tally: byMask[$0]!) }
        self.total = total
    }

    /// The pairs at or above `cutoff`, when it is one of ``cutoffs``.
    public func atOrAbove(_ cutoff: Double) -> Tally? {
        cutoffs.firstIndex(of: cutoff).map { atOrAbove[$0] }
    }
}
