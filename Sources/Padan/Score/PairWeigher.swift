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
///
/// A model trained on pairs both across and within lists carries a second set of parameters for
/// pairs within one list (``MatchModel/comparisonsWithin``): each pair is weighed with its kind's.
struct PairWeigher: Sendable {
    /// The parameters one kind of pair is weighed with: the comparisons (m and u) and what follows
    /// from them.
    struct Side: Sendable {
        let comparisons: [MatchModel.Comparison]
        /// Base weights, `table[k][level]`.
        let table: [[Double]]
        /// m and u of comparison k's level l at `offset[k] + l`, flat, so that the weight of a
        /// pair reads two numbers and copies no ``MatchModel/Comparison`` (whose strings and
        /// arrays cost a retain and a release each, per comparison, per pair).
        let m: [Double]
        let u: [Double]
        let offset: [Int]
        /// ``MatchModel/Comparison/uGivenSameDayNearby`` of each comparison at `offset[k] + l`,
        /// and whether comparison k has it.
        let uNearby: [Double]
        let hasNearby: [Bool]
        /// The name's weights for pairs whose NIKs share region and birth date, and its exact
        /// level's u relative to the ordinary one; nil without that measurement.
        let nameGivenPrefix: [Double]?
        let nameExactGivenPrefixRatio: Double
        /// The NIK's weights by neighbourhood class, flat: level l's classes from
        /// `l * classes` when `nikSplit[l]` (false for a level not split, and for every level
        /// without ``MatchModel/Comparison/mByPrefixCount``). Flat, so a pair reads one number.
        let nikByClass: [Double]
        let nikSplit: [Bool]

        init(_ comparisons: [MatchModel.Comparison], nameIndex: Int?, nikIndex: Int?) {
            self.comparisons = comparisons
            table = comparisons.map { c in c.levels.indices.map { c.weight($0) } }
            var offset: [Int] = [], m: [Double] = [], u: [Double] = [], uNearby: [Double] = [], hasNearby: [Bool] = []
            for c in comparisons {
                offset.append(m.count)
                m.append(contentsOf: c.m)
                u.append(contentsOf: c.u)
                let near = c.uGivenSameDayNearby.flatMap { $0.count == c.m.count ? $0 : nil }
                uNearby.append(contentsOf: near ?? c.u)
                hasNearby.append(near != nil)
            }
            (self.offset, self.m, self.u, self.uNearby, self.hasNearby) = (offset, m, u, uNearby, hasNearby)
            if let n = nameIndex, let u = comparisons[n].uGivenNIKPrefix, u.count == comparisons[n].m.count {
                let c = comparisons[n]
                nameGivenPrefix = u.indices.map { log2(max(c.m[$0], MatchModel.floor) / max(u[$0], MatchModel.floor)) }
                nameExactGivenPrefixRatio = min(max(u[0] / max(c.u[0], MatchModel.floor), 1 / PairWeigher.maxScale), PairWeigher.maxScale)
            } else {
                nameGivenPrefix = nil
                nameExactGivenPrefixRatio = 1
            }
            let classes = MatchModel.neighbourhoodClassBounds.count + 1
            if let k = nikIndex, let m = comparisons[k].mByPrefixCount, let u = comparisons[k].uByPrefixCount {
                nikSplit = m.map { !$0.isEmpty }
                nikByClass = m.indices.flatMap { l in
                    m[l].isEmpty ? [Double](repeating: 0, count: classes)
                        : m[l].indices.map { log2(max(m[l][$0], MatchModel.floor) / max(u[l][$0], MatchModel.floor)) }
                }
            } else {
                nikSplit = []
                nikByClass = []
            }
        }
    }

    let model: MatchModel
    let data: CompareData
    /// `sides[0]` for pairs across lists (and every pair of a model with one u), `sides[1]` for
    /// pairs within one list when the model has ``MatchModel/comparisonsWithin``.
    let sides: [Side]
    /// Each record's list, to tell the kinds of pair apart (empty with one side).
    let listOf: [UInt16]
    let nameIndex: Int?
    let nikIndex: Int?
    let dateIndex: Int?
    let sexIndex: Int?
    let householdIndex: Int?
    let rules: EvidenceRules
    /// For each comparison, the index in ``CompareData/columns`` of the column whose frequency
    /// scales its exact level (-1: none), and whether any comparison has one.
    let frequencyColumn: [Int]
    let anyFrequency: Bool

    typealias NIK = IndonesianLevel.NIK

    /// `listOf` gives each record's list (``PairScopeIndex/listOf``); it is needed only when the
    /// model has within-list parameters.
    init(model: MatchModel, comparisons: [Comparison], data: CompareData, rules: EvidenceRules, listOf: [UInt16] = []) {
        self.model = model
        self.data = data
        self.rules = rules
        nameIndex = comparisons.firstIndex { if case .indonesianName = $0.comparator { return true } else { return false } }
        nikIndex = comparisons.firstIndex { $0.comparator == .nik }
        dateIndex = comparisons.firstIndex { $0.comparator == .birthDate }
        sexIndex = comparisons.firstIndex { $0.comparator == .sex }
        householdIndex = comparisons.firstIndex { $0.comparator == .household }
        frequencyColumn = comparisons.map { c in c.comparator.termFrequency ? data.column(named: c.column) ?? -1 : -1 }
        anyFrequency = frequencyColumn.contains { $0 >= 0 }
        let across = Side(model.comparisons, nameIndex: nameIndex, nikIndex: nikIndex)
        if let within = model.comparisonsWithin {
            precondition(listOf.count == data.records.count, "a model with within-list parameters needs each record's list")
            sides = [across, Side(within, nameIndex: nameIndex, nikIndex: nikIndex)]
            self.listOf = listOf
        } else {
            sides = [across]
            self.listOf = []
        }
    }

    /// The side a pair is weighed with: 1 for two records of one list under a model with
    /// within-list parameters, else 0.
    @inline(__always)
    func side(_ a: Int, _ b: Int) -> Int {
        sides.count > 1 && listOf[a] == listOf[b] ? 1 : 0
    }

    /// Whether the pair's birth-date columns agree exactly and its sexes do not differ: the same
    /// cohort as NIK neighbours, whatever the NIKs say (one may be missing).
    @inline(__always)
    func sameDayAndSex(_ levels: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let d = dateIndex, levels[d] == IndonesianLevel.BirthDate.exact.rawValue else { return false }
        guard let s = sexIndex else { return true }
        return levels[s] != IndonesianLevel.Sex.different.rawValue
    }

    /// Whether a pair's NIKs say the two share birth date and sex: a serial one edit away,
    /// another serial, a serial Excel zeroed, or one or two edits in the region digits only
    /// (people born the same day in two districts).
    @inline(__always)
    func sharesBirthDigits(_ nikLevel: UInt8, _ a: Int, _ b: Int) -> Bool {
        if nikLevel == NIK.oneEditInSerial.rawValue || nikLevel == NIK.serialDiffers.rawValue
            || nikLevel == NIK.excelZeroedTail.rawValue { return true }
        guard nikLevel == NIK.oneEdit.rawValue || nikLevel == NIK.twoEdits.rawValue else { return false }
        let ra = data.records[a], rb = data.records[b]
        return ra.nikUsable16 && rb.nikUsable16 && Comparer.differsOnlyInRegion(ra.nik, rb.nik)
    }

    /// Whether a pair's birth dates agree (an ordinary date or a placeholder) and count (the NIKs
    /// do not already say it), and its homes are in one district or closer: the population of
    /// ``MatchModel/Comparison/uGivenSameDayNearby``.
    @inline(__always)
    static func sameDayNearby(date: UInt8, household: UInt8, flags: UInt8) -> Bool {
        (date == IndonesianLevel.BirthDate.exact.rawValue || date == IndonesianLevel.BirthDate.exactPlaceholder.rawValue)
            && household <= IndonesianLevel.Household.sameDistrict.rawValue
            && flags & EvidenceRules.nikCoversBirthDate == 0
    }

    static let maxScale: Double = 8

    /// log2(m / (u · ratio)) of comparison `k` at `level`, the ratio clamped to 1/8 ... 8.
    @inline(__always)
    private func scaled(_ side: Int, _ k: Int, _ level: Int, by ratio: Float) -> Double {
        let i = sides[side].offset[k] + level
        let scale = min(max(Double(ratio), 1 / Self.maxScale), Self.maxScale)
        return log2(max(sides[side].m[i], MatchModel.floor) / max(sides[side].u[i] * scale, MatchModel.floor))
    }

    /// log2(m / max(frequency, u / 8)) of comparison `k`'s exact level: agreement on a value
    /// shared by `frequency` of the records.
    @inline(__always)
    private func exact(_ side: Int, _ k: Int, frequency: Double) -> Double {
        let i = sides[side].offset[k]
        return log2(max(sides[side].m[i], MatchModel.floor) / max(max(frequency, sides[side].u[i] / Self.maxScale), MatchModel.floor))
    }

    /// The weight of comparison `k` at `level` for records `a` and `b`; `sameFamily` when the
    /// pair's household comparison counted the same family card or house; `sameDayNearby` as
    /// ``sameDayNearby(date:household:flags:)`` says; `nikPrefix` when the pair's NIKs or
    /// birth-date columns say the two share birth date and sex (``sharesBirthDigits(_:_:_:)``,
    /// ``sameDayAndSex(_:)``).
    @inline(__always)
    func weight(_ k: Int, _ level: UInt8, _ a: Int, _ b: Int, sameFamily: Bool = false, nikPrefix: Bool = false, sameDayNearby: Bool = false) -> Double {
        weight(side: side(a, b), k, level, a, b, sameFamily: sameFamily, nikPrefix: nikPrefix, sameDayNearby: sameDayNearby)
    }

    /// The hot path: reads the side's flat tables by index and copies no comparison.
    @inline(__always)
    private func weight(side s: Int, _ k: Int, _ level: UInt8, _ a: Int, _ b: Int, sameFamily: Bool, nikPrefix: Bool, sameDayNearby: Bool) -> Double {
        let l = Int(level)
        if k == nameIndex {
            // Among people of one sex born on one day, names agree more often than among random
            // people: the u measured there, with the exact name's frequency scaled by as much.
            let givenPrefix = nikPrefix && sides[s].nameGivenPrefix != nil
            if l == 0 {
                let ratio = givenPrefix ? sides[s].nameExactGivenPrefixRatio : 1
                let i = sides[s].offset[k]
                let frequency = max(Double(data.nameFrequency[a]), sides[s].u[i] / Self.maxScale) * ratio
                return log2(max(sides[s].m[i], MatchModel.floor) / max(frequency, MatchModel.floor))
            }
            if l == Int(IndonesianLevel.Name.tokensContained.rawValue) {
                // One name's tokens all in the other: SITI within SITI AMINAH is met between many
                // different people, KHADIJAH within SRI KHADIJAH BINTI YUSUF between few. u is
                // scaled by the commoner of the two names' frequency relative to the average
                // record's, clamped to 1/8 ... 8 as the other frequency scales are.
                let base = givenPrefix ? sides[s].nameGivenPrefix![l] : sides[s].table[k][l]
                let frequency = Double(max(data.nameFrequency[a], data.nameFrequency[b]))
                return base - log2(min(max(frequency / data.meanNameFrequency, 1 / Self.maxScale), Self.maxScale))
            }
            if givenPrefix { return sides[s].nameGivenPrefix![l] }
        }
        if anyFrequency && l == 0 && frequencyColumn[k] >= 0 {
            return exact(s, k, frequency: Double(data.columns[frequencyColumn[k]].frequency[a]))
        }
        if k == nikIndex {
            switch l {
            case Int(NIK.oneEditInSerial.rawValue), Int(NIK.serialDiffers.rawValue):
                if l < sides[s].nikSplit.count && sides[s].nikSplit[l] && a < data.nikPrefixCount.count {
                    return sides[s].nikByClass[l * (MatchModel.neighbourhoodClassBounds.count + 1)
                        + MatchModel.neighbourhoodClass(data.nikPrefixCount[a])]
                }
                return scaled(s, k, l, by: data.nikPrefixRatio[a])
            case Int(NIK.excelZeroedTail.rawValue):
                // What agrees is region, birth date and what survived of the serial (nothing of it
                // for 0000): as common as that prefix is, like serial_differs.
                return scaled(s, k, l, by: data.nikPrefixRatio[a])
            case Int(NIK.shared.rawValue):
                return 0
            case Int(NIK.oneEdit.rawValue), Int(NIK.twoEdits.rawValue):
                // Never below the ordinary u: the rate among neighbours is at least the rate
                // among everyone.
                if sameDayNearby && sides[s].hasNearby[k] {
                    let i = sides[s].offset[k] + l
                    return log2(max(sides[s].m[i], MatchModel.floor) / max(sides[s].uNearby[i], sides[s].u[i], MatchModel.floor))
                }
                let ra = data.records[a], rb = data.records[b]
                if ra.nikUsable16 && rb.nikUsable16 && Comparer.differsOnlyInRegion(ra.nik, rb.nik) {
                    return scaled(s, k, l, by: data.nikSuffixRatio[a])
                }
            default: break
            }
        }
        if k == dateIndex && (l == Int(IndonesianLevel.BirthDate.exact.rawValue) || l == Int(IndonesianLevel.BirthDate.exactPlaceholder.rawValue)) {
            // In one family, a shared birth date is twins as often as a double registration: its
            // u is the rate of shared birth dates among family members with different first names,
            // measured on the input, not the rate among random pairs.
            if sameFamily {
                let i = sides[s].offset[k] + l
                return log2(max(sides[s].m[i], MatchModel.floor) / max(data.sameBirthDateInFamily, sides[s].u[i], MatchModel.floor))
            }
            return scaled(s, k, l, by: data.birthDateRatio[a])
        }
        return sides[s].table[k][l]
    }

    /// Calls `body(k, weight)` for each comparison of a pair (`c` bytes at `levels`) that counts
    /// under the evidence rules, in comparison order: the one definition of which comparisons
    /// count and with what weight, for the total and for the explanation alike.
    @inline(__always)
    func forEachCounted(_ levels: UnsafeBufferPointer<UInt8>, flags: UInt8, _ a: Int, _ b: Int, _ body: (Int, Double) -> Void) {
        let nikLevel = rules.nik.map { levels[$0] } ?? ComparisonLevel.null
        // One family: the same family card, or the same street and house number in one village
        // (a household whose KK is missing or another on one of its records).
        let sameFamily = householdIndex.map {
            (levels[$0] == IndonesianLevel.Household.sameKK.rawValue || levels[$0] == IndonesianLevel.Household.sameHouse.rawValue)
                && rules.counts($0, levels[$0], nikLevel: nikLevel, flags: flags)
        } ?? false
        let s = side(a, b)
        let nikPrefix = sides[s].nameGivenPrefix != nil && (sharesBirthDigits(nikLevel, a, b) || sameDayAndSex(levels))
        let nearby = dateIndex.map { d in householdIndex.map { Self.sameDayNearby(date: levels[d], household: levels[$0], flags: flags) } ?? false } ?? false
        for k in 0 ..< levels.count where rules.counts(k, levels[k], nikLevel: nikLevel, flags: flags) {
            body(k, weight(side: s, k, levels[k], a, b, sameFamily: sameFamily, nikPrefix: nikPrefix, sameDayNearby: nearby))
        }
    }

    /// Σ of the weights of a pair's levels that count, prior not included.
    @inline(__always)
    func total(_ levels: UnsafeBufferPointer<UInt8>, flags: UInt8, _ a: Int, _ b: Int) -> Double {
        var w = 0.0
        forEachCounted(levels, flags: flags, a, b) { _, weight in w += weight }
        return w
    }

    /// The explanation of a pair: each comparison's level (nil where it does not count) and
    /// weight (0 there), and their sum, prior not included.
    func explain(_ levels: UnsafeBufferPointer<UInt8>, flags: UInt8, _ a: Int, _ b: Int) -> (total: Double, levels: [Int?], weights: [Double]) {
        var counted = [Int?](repeating: nil, count: levels.count)
        var weights = [Double](repeating: 0, count: levels.count)
        var w = 0.0
        forEachCounted(levels, flags: flags, a, b) { k, weight in
            counted[k] = Int(levels[k])
            weights[k] = weight
            w += weight
        }
        return (w, counted, weights)
    }

    /// Σ of comparison weights for every compared pair (prior not included).
    func totals(_ compared: ComparedPairs, threads: Int) -> [Double] {
        let pairs = compared.pairs, c = compared.comparisonCount
        var out = [Double](repeating: 0, count: pairs.count)
        out.withUnsafeMutableBufferPointer { buffer in
            let o = UnsafeSendable(buffer)
            compared.levels.withUnsafeBufferPointer { all in
                let l = UnsafeSendable(all)
                Parallel.forEach(count: pairs.count, threads: threads, minChunk: 8192) { range in
                    for p in range {
                        o.value[p] = total(UnsafeBufferPointer(rebasing: l.value[p * c ..< (p + 1) * c]),
                                           flags: compared.flags[p], Int(pairs.left[p]), Int(pairs.right[p]))
                    }
                }
            }
        }
        return out
    }
}
