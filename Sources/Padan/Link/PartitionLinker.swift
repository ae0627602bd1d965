/// A link run's work on one partition of its records, for an engine that spreads the run over
/// many machines and does the shuffles itself (the Spark path of the Python package; the design
/// is in `Guides/Scale.md`).
///
/// One machine's ``Linker`` counts a few things over all the records at once. Spread over a
/// cluster, those counts are made by the engine between three calls here, and handed back in:
///
/// 1. ``nikEvidence(_:)`` per partition of each list: what the shared-NIK test reads. The engine
///    groups records by list and NIK and marks a NIK carried by ``StandardizedTable/sharedNIKPeople``
///    unrelated people, as ``StandardizedTable`` does over a whole list.
/// 2. ``keys(_:sharedNIKs:)`` per partition: every blocking rule's key, the keys whose counts are
///    the term frequencies, and what the families' twin rate reads. The engine counts them
///    (``Frequencies``) and finds each rule's blocks that are too large.
/// 3. ``pairs(_:sharedNIKs:counts:frequencies:rule:earlier:model:scope:)`` per partition of the
///    records by one rule's key (so each block is whole in one partition): the pairs that rule
///    adds to the earlier ones, compared and scored with a given model; those at or above the
///    review threshold come back.
///
/// Each call gives what one machine's run over all the records gives for those records and pairs,
/// so the links are the same.
///
/// Training (``train(_:sharedNIKs:counts:frequencies:scope:)``) runs one machine's trainer on a
/// uniform random sample of each list's records, with the shared NIKs and the counts of the whole
/// body handed in. Every estimate the trainer makes is a share (of random pairs, of candidate
/// pairs, of NIK neighbours, of all pairs), and a uniform sample of records keeps a fraction f² of
/// every kind of pair, so each share is estimated without bias; only its spread grows as the
/// sample shrinks. With the whole lists as the sample the model is one machine's, to the bit.
package struct PartitionLinker: Sendable {
    package let settings: LinkSettings

    package init(settings: LinkSettings) throws {
        try settings.validate()
        if let c = settings.comparisons.first(where: { $0.comparator.termFrequency }) {
            throw PadanError(.usage, "comparison '\(c.name)' weighs its column by term frequency, which a partitioned run does not count (use it on one machine)", setting: "comparisons")
        }
        if settings.oneToOne {
            throw PadanError(.usage, "one_to_one needs every link of a record at once, which a partitioned run does not have (use it on one machine)", setting: "one_to_one")
        }
        self.settings = settings
    }

    /// Per record of a partition of one list: the shared-NIK test's inputs
    /// (``StandardizedTable/sharedNIKEvidence(_:)``).
    package struct NIKEvidence: Sendable {
        package var nik: [UInt64] = [], birthDate: [Int32] = [], firstName: [UInt64] = []
    }

    package func nikEvidence(_ table: Table) throws -> NIKEvidence {
        let working = try settings.joiningRoles(table)
        let s = StandardizedTable(table: working, referenceYear: settings.referenceYear, threads: 1, meter: nil,
                                  sharedNIKs: [Bool](repeating: false, count: working.rowCount))
        var out = NIKEvidence()
        for row in 0 ..< s.count {
            let e = s.sharedNIKEvidence(row)
            out.nik.append(e.nik)
            out.birthDate.append(e.birthDate)
            out.firstName.append(e.firstName)
        }
        return out
    }

    /// Per record of a partition of one list: each rule's key (rule by rule), the frequency keys
    /// (``CompareData/frequencyKeys``, kind by kind), and for the families' twin rate the record's
    /// KK key (0 when the rate does not count it), birth date and first-name key.
    package struct RecordKeys: Sendable {
        package var rules: [[UInt64]] = [], frequency: [[UInt64]] = []
        package var family: [UInt64] = [], birthDate: [Int32] = [], firstName: [UInt64] = []
    }

    package func keys(_ table: Table, sharedNIKs: [Bool]) throws -> RecordKeys {
        let data = try compareData([table], sharedNIKs: [sharedNIKs])
        var out = RecordKeys()
        out.rules = settings.blocking.enumerated().map { k, rule in BlockingKeys.keys(rule, ruleIndex: k, data: data, threads: 1) }
        out.frequency = CompareData.frequencyKeys.map { key in data.records.map(key) }
        // As ``CompareData/sameBirthDateInFamily(_:)`` selects and keys its records.
        out.family = data.records.map { r in
            r.kkUsable && r.birthDate != 0 && r.firstName != 0 ? CompareRecord.digitsHash(r.kk, 0 ..< 16) : 0
        }
        out.birthDate = data.records.map { Int32($0.birthDate) }
        out.firstName = data.records.map(\.firstName)
        return out
    }

    /// What ``CompareData`` counts over all the records, counted by the engine instead.
    package struct Frequencies: Sendable {
        /// The number of records, every list counted.
        package var total: Int
        /// Per frequency kind, the mean count over records with a key (Σ count² / records with a
        /// key); the name's (kind 0) is not used.
        package var means: [Double]
        /// The mean over all records of their name's count / ``total``.
        package var meanNameFrequency: Double
        /// ``CompareData/sameBirthDateInFamily``.
        package var sameBirthDateInFamily: Double

        /// `familyPairs` and `sameDay`: over families (a KK on at most ``familyMaxSize`` records),
        /// the pairs of members with different first-name keys, and those born on one day.
        package init(total: Int, means: [Double], meanNameFrequency: Double, familyPairs: Int, sameDay: Int) {
            self.total = total
            self.means = means
            self.meanNameFrequency = meanNameFrequency
            self.sameBirthDateInFamily = CompareData.twinRate(familyPairs: familyPairs, sameDay: sameDay)
        }

        /// `data` with each record's frequencies from `counts` (kind by kind, record by record:
        /// how many records of the whole body carry its key, 0 for none), as
        /// ``CompareData/build(_:threads:meter:)`` makes them.
        func apply(_ counts: [[Int32]], to data: inout CompareData) {
            let total = Float(max(1, self.total))
            func ratio(_ c: Int32, _ kind: Int) -> Float { c == 0 ? 1 : Float(Double(c) / means[kind]) }
            data.nameFrequency = counts[0].map { Float($0) / total }
            data.nikPrefixRatio = counts[1].map { ratio($0, 1) }
            data.nikPrefixCount = counts[1]
            data.nikSuffixRatio = counts[2].map { ratio($0, 2) }
            data.birthDateRatio = counts[3].map { ratio($0, 3) }
            data.meanNameFrequency = max(meanNameFrequency, 1e-9)
            data.sameBirthDateInFamily = sameBirthDateInFamily
        }
    }

    /// The pairs blocking rule `rule` adds to the rules before it among `tables` (a partition's
    /// records of each list, holding every block of that rule they are in), compared and scored
    /// with `model`: those at or above the review threshold, records numbered in `tables`.
    /// Per record, in list order: `sharedNIKs`, `counts` (kind by kind) and `earlier` (each
    /// earlier rule's key, 0 where none or its block was skipped).
    package func pairs(_ tables: [Table], sharedNIKs: [[Bool]], counts: [[Int32]], frequencies: Frequencies, rule k: Int,
                       earlier: [[UInt64]], model: MatchModel, scope: Linker.Scope) throws -> [ScoredPair] {
        guard settings.blocking.indices.contains(k) else {
            throw PadanError(.usage, "rule \(k) is not one of the \(settings.blocking.count) blocking rules")
        }
        try Linker(settings: settings).validate(model: model)
        let listSizes = tables.map(\.rowCount), records = listSizes.reduce(0, +)
        guard counts.count == CompareData.frequencyKeys.count, counts.allSatisfy({ $0.count == records }),
              earlier.count == k, earlier.allSatisfy({ $0.count == records }),
              sharedNIKs.map(\.count) == listSizes
        else { throw PadanError(.usage, "a count, an earlier key and a shared-NIK flag are needed for each record") }
        var data = try compareData(tables, sharedNIKs: sharedNIKs)
        frequencies.apply(counts, to: &data)
        let index = PairScopeIndex(listSizes: listSizes, scope: scope.pairScope)
        let ruleKeys = settings.blocking.enumerated().map { j, rule in BlockingKeys.keys(rule, ruleIndex: j, data: data, threads: 1) }
        let blocker = Blocker(index: index, maxBlockPairs: settings.maxBlockPairs, threads: 1)
        let (candidates, _) = blocker.pairs(rule: Blocker.RuleKeys(name: settings.blocking[k].name, keys: ruleKeys[k], describe: { _ in "" }),
                                            index: k, earlier: earlier)
        let comparer = Comparer(settings.comparisons, data: data)
        let compared = comparer.compare(candidates, data: data, ruleKeys: ruleKeys, threads: 1)
        let weigher = PairWeigher(model: model, comparisons: settings.comparisons, data: data,
                                  rules: EvidenceRules(settings.comparisons), listOf: index.listOf)
        let weights = weigher.totals(compared, threads: 1)
        return Scorer(model: model, weigher: weigher).score(
            compared, weights: weights, minimumProbability: settings.reviewThreshold, ruleNames: settings.blocking.map(\.name),
            listSizes: listSizes, keepCandidates: false).scored
    }

    /// The model one machine's trainer estimates from `tables`, a uniform random sample of each
    /// list's records (in the lists' order), with each record's shared-NIK flag and counts
    /// (``Frequencies``) from the whole body of records, so that the frequency scales and the NIK
    /// neighbourhoods' sizes are those the model will score with.
    package func train(_ tables: [Table], sharedNIKs: [[Bool]], counts: [[Int32]], frequencies: Frequencies,
                       scope: Linker.Scope) throws -> MatchModel {
        let listSizes = tables.map(\.rowCount), records = listSizes.reduce(0, +)
        guard counts.count == CompareData.frequencyKeys.count, counts.allSatisfy({ $0.count == records }),
              sharedNIKs.map(\.count) == listSizes
        else { throw PadanError(.usage, "a count and a shared-NIK flag are needed for each record") }
        guard frequencies.total >= records else {
            throw PadanError(.usage, "the sample has \(records) records, more than the \(frequencies.total) counted")
        }
        let result = try Linker(settings: settings).link(tables, scope: scope, model: nil, firstNewList: 0,
                                                      sharedNIKs: sharedNIKs, counted: { frequencies.apply(counts, to: &$0) })
        return result.model
    }

    /// How many frequency kinds ``keys(_:sharedNIKs:)`` gives and ``pairs(_:sharedNIKs:counts:frequencies:rule:earlier:model:scope:)`` takes.
    package static let frequencyKinds = CompareData.frequencyKeys.count

    /// The largest KK group the families' twin rate counts (``CompareData/familyMaxSize``).
    package static let familyMaxSize = CompareData.familyMaxSize

    /// Whether one list's records carrying one NIK (each record's birth date and first-name key
    /// from ``nikEvidence(_:)``, in row order) make that NIK shared, as ``StandardizedTable``
    /// decides over a whole list.
    package static func isSharedNIK(birthDates: [Int32], firstNames: [UInt64]) -> Bool {
        var people: [Int] = []
        return StandardizedTable.isShared(count: birthDates.count, people: &people) { a, b in
            (birthDates[a] != 0 && birthDates[a] == birthDates[b]) || (firstNames[a] != 0 && firstNames[a] == firstNames[b])
        }
    }

    /// How many records must carry a NIK before it can be shared (``StandardizedTable/sharedNIKPeople``).
    package static let sharedNIKPeople = StandardizedTable.sharedNIKPeople

    private func compareData(_ tables: [Table], sharedNIKs: [[Bool]]) throws -> CompareData {
        let working = try tables.map(settings.joiningRoles)
        let standardized = zip(working, sharedNIKs).map {
            StandardizedTable(table: $0, referenceYear: settings.referenceYear, threads: 1, meter: nil, sharedNIKs: $1)
        }
        return try CompareData.build(standardized, tables: working, columns: settings.usedColumns,
                                     referenceYear: settings.referenceYear, threads: 1)
    }
}
