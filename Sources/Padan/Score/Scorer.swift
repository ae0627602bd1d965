/// Scores compared pairs with a model: each pair's match weight and probability, and for the pairs
/// worth keeping the explanation (each comparison's level and weight) from ``PairWeigher``.
struct Scorer {
    let model: MatchModel
    let weigher: PairWeigher

    /// Scored pairs with a probability of at least `minimumProbability`, in candidate order, and,
    /// when `keepCandidates`, every candidate with its probability. `weights` are the pairs' totals
    /// (prior not included) from ``PairWeigher/totals(_:threads:)``; `ruleNames` name the
    /// blocking rules; `listSizes` turn global record numbers into list and row.
    func score(_ compared: ComparedPairs, weights: [Double], minimumProbability: Double, ruleNames: [String],
               listSizes: [Int], keepCandidates: Bool, meter: ProgressMeter? = nil) -> (scored: [ScoredPair], candidates: [CandidatePair]) {
        let prior = model.priorWeight, priorWithin = model.priorWeightWithin
        let pairs = compared.pairs, c = compared.comparisonCount
        let offsets = listSizes.reduce(into: [0]) { $0.append($0.last! + $1) }
        func ref(_ global: Int) -> RowRef {
            var list = 0
            while offsets[list + 1] <= global { list += 1 }
            return RowRef(list: list, row: global - offsets[list])
        }
        var scored: [ScoredPair] = []
        var candidates: [CandidatePair] = []
        if keepCandidates { candidates.reserveCapacity(pairs.count) }
        compared.levels.withUnsafeBufferPointer { levels in
            for p in 0 ..< pairs.count {
                if p & 0xFFFF == 0xFFFF { meter?.add(0x10000) }
                let a = Int(pairs.left[p]), b = Int(pairs.right[p])
                let w = (ref(a).list == ref(b).list ? priorWithin : prior) + weights[p]
                let probability = MatchModel.probability(weight: w)
                if keepCandidates {
                    candidates.append(CandidatePair(left: ref(a), right: ref(b), probability: probability, rule: ruleNames[Int(pairs.rule[p])]))
                }
                guard probability >= minimumProbability else { continue }
                let explained = weigher.explain(UnsafeBufferPointer(rebasing: levels[p * c ..< (p + 1) * c]), flags: compared.flags[p], a, b)
                scored.append(ScoredPair(left: ref(a), right: ref(b), weight: w, probability: probability,
                                         levels: explained.levels, weights: explained.weights, rule: ruleNames[Int(pairs.rule[p])]))
            }
            meter?.add(pairs.count & 0xFFFF)
        }
        return (scored, candidates)
    }
}
