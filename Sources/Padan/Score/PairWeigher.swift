/// Turns a pair's comparison levels into weights (bits of evidence), with term-frequency
/// adjustments: agreement on a value many people share is weaker evidence than agreement on a rare
/// one.
///
/// - Exact names: u is the name's own frequency (SITI AMINAH is common, a rare name is not), but a
///   rare name gains at most 3 bits over the average.
/// - NIKs that differ only in the serial share region and birth date; NIKs that differ only in the
///   region share birth date and serial. How many people share that part varies enormously: a
///   placeholder birth date (1 January) with serial 0001 is shared by thousands, a real birth date
///   with serial 0007 by few. u is scaled by the shared part's frequency relative to the average.
/// - Exact birth dates: scaled the same way by the date's frequency, which is what makes agreement
///   on a placeholder date (1 January, 1 July, 31 December) weaker evidence than on an ordinary one.
///
/// Scale factors are clamped to 1/8 ... 8: frequencies in two lists are themselves estimates.
struct PairWeigher: Sendable {
    let model: MatchModel
    let data: CompareData
    /// Base weights, `table[k][level]`.
    let table: [[Double]]
    let nameIndex: Int?
    let nikIndex: Int?
    let dateIndex: Int?
    let householdIndex: Int?
    let rules: EvidenceRules

    init(model: MatchModel, data: CompareData, rules: EvidenceRules) {
        self.model = model
        self.data = data
        self.rules = rules
        table = model.comparisons.map { c in c.levels.indices.map { c.weight($0) } }
        nameIndex = model.comparisons.firstIndex { $0.name == ComparisonKind.name.rawValue }
        nikIndex = model.comparisons.firstIndex { $0.name == ComparisonKind.nik.rawValue }
        dateIndex = model.comparisons.firstIndex { $0.name == ComparisonKind.birthDate.rawValue }
        householdIndex = model.comparisons.firstIndex { $0.name == ComparisonKind.household.rawValue }
    }

    static let maxScale: Double = 8

    @inline(__always)
    private func scaled(_ k: Int, _ level: Int, by ratio: Float) -> Double {
        let c = model.comparisons[k]
        let scale = min(max(Double(ratio), 1 / Self.maxScale), Self.maxScale)
        return log2(max(c.m[level], MatchModel.floor) / max(c.u[level] * scale, MatchModel.floor))
    }

    /// The weight of comparison `k` at `level` for records `a` and `b`; `sameKK` when the pair's
    /// household comparison counted the same family card.
    @inline(__always)
    func weight(_ k: Int, _ level: UInt8, _ a: Int, _ b: Int, sameKK: Bool = false) -> Double {
        let l = Int(level)
        if k == nameIndex && l == 0 {
            let c = model.comparisons[k]
            let frequency = max(Double(data.nameFrequency[a]), c.u[0] / Self.maxScale)
            return log2(max(c.m[0], MatchModel.floor) / max(frequency, MatchModel.floor))
        }
        if k == nikIndex {
            switch l {
            case 3, 4:
                return scaled(k, l, by: data.nikPrefixRatio[a])
            case 2, 5:
                let ra = data.records[a], rb = data.records[b]
                if ra.nikUsable16 && rb.nikUsable16 && Comparer.differsOnlyInRegion(ra.nik, rb.nik) {
                    return scaled(k, l, by: data.nikSuffixRatio[a])
                }
            default: break
            }
        }
        if k == dateIndex && (l == 0 || l == 1) {
            // In one family, a shared birth date is twins as often as a double registration: its
            // u is the rate of shared birth dates among family members with different first names,
            // measured on the input, not the rate among random pairs.
            if sameKK {
                let c = model.comparisons[k]
                return log2(max(c.m[l], MatchModel.floor) / max(data.sameBirthDateInFamily, c.u[l], MatchModel.floor))
            }
            return scaled(k, l, by: data.birthDateRatio[a])
        }
        return table[k][l]
    }

    /// Σ of the weights of a pair's levels (`c` bytes at `levels`) that count under the evidence
    /// rules, prior not included.
    @inline(__always)
    func total(_ levels: UnsafeBufferPointer<UInt8>, flags: UInt8, _ a: Int, _ b: Int) -> Double {
        let nikLevel = rules.nik.map { levels[$0] } ?? Comparer.null
        let sameKK = householdIndex.map { levels[$0] == 0 && rules.counts($0, 0, nikLevel: nikLevel, flags: flags) } ?? false
        var w = 0.0
        for k in 0 ..< levels.count where rules.counts(k, levels[k], nikLevel: nikLevel, flags: flags) {
            w += weight(k, levels[k], a, b, sameKK: sameKK)
        }
        return w
    }

    /// Σ of comparison weights for every candidate pair (prior not included).
    func totals(levels: [UInt8], flags: [UInt8], comparisonCount c: Int, pairs: CandidatePairs, threads: Int) -> [Double] {
        var out = [Double](repeating: 0, count: pairs.count)
        out.withUnsafeMutableBufferPointer { buffer in
            let o = UnsafeSendable(buffer)
            levels.withUnsafeBufferPointer { all in
                let l = UnsafeSendable(all)
                Parallel.forEach(count: pairs.count, threads: threads, minChunk: 8192) { range in
                    for p in range {
                        o.value[p] = total(UnsafeBufferPointer(rebasing: l.value[p * c ..< (p + 1) * c]),
                                           flags: flags[p], Int(pairs.left[p]), Int(pairs.right[p]))
                    }
                }
            }
        }
        return out
    }
}
