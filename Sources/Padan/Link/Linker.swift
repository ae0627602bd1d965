import Foundation

/// Links lists of people: finds pairs of records that are the same person, without labelled data.
///
/// ```swift
/// let provinsi = try TableReader.read(path: "provinsi.csv")
/// let kota = try TableReader.read(path: "kota.csv")
/// let result = try Linker(settings: .indonesianDefault).link([provinsi, kota])
/// for link in result.links {
///     print(provinsi.id(row: link.left.row), kota.id(row: link.right.row), link.probability)
/// }
/// ```
///
/// The stages are standardize → block → compare → train (unless a model is given) → score. Each
/// heavy stage runs on ``LinkSettings/threads`` threads in chunks, and the result is the same for
/// any thread count.
public struct Linker: Sendable {
    public var settings: LinkSettings
    /// Called with the name of each stage as it starts (e.g. to show progress); `nil` for none.
    public var progress: (@Sendable (String) -> Void)?

    public init(settings: LinkSettings = .indonesianDefault, progress: (@Sendable (String) -> Void)? = nil) {
        self.settings = settings
        self.progress = progress
    }

    /// Which pairs to look at.
    public enum Scope: String, Sendable, Codable {
        /// Pairs from different lists only.
        case link
        /// Pairs within each list only (duplicates).
        case dedupe
        /// Both.
        case linkAndDedupe = "link_and_dedupe"

        var pairScope: Blocker.PairScope {
            switch self {
            case .link: return .acrossLists
            case .dedupe: return .withinLists
            case .linkAndDedupe: return .all
            }
        }
    }

    /// Links `tables` (two or more for `.link`, one or more for `.dedupe`). With `model`, its
    /// parameters are used as they are; otherwise they are estimated from these tables.
    public func link(_ tables: [Table], scope: Scope = .link, model given: MatchModel? = nil) throws -> LinkResult {
        try validate(tables: tables, scope: scope, model: given)
        var clock = StageClock(progress: progress)
        progress?("standardize")
        let threads = settings.threads
        let standardized = tables.map { StandardizedTable(table: $0, referenceYear: settings.referenceYear, threads: threads) }
        clock.lap("standardize", next: "pack records")

        var packed = CompareData.build(standardized, threads: threads)
        packed.columns = try settings.usedColumns.map {
            try ColumnValues.build($0, tables: tables, referenceYear: settings.referenceYear)
        }
        let data = packed
        let scopeIndex = PairScopeIndex(listSizes: tables.map(\.rowCount), scope: scope.pairScope)
        clock.lap("pack", next: "block")

        let ruleKeys = settings.blocking.enumerated().map { k, rule in
            BlockingKeys.keys(rule, ruleIndex: k, data: data, threads: threads)
        }
        let blocker = Blocker(index: scopeIndex, maxBlockPairs: settings.maxBlockPairs, threads: threads)
        let (pairs, reports) = blocker.pairs(rules: settings.blocking.enumerated().map { k, rule in
            Blocker.RuleKeys(name: rule.name, keys: ruleKeys[k], describe: { describe(rule, record: $0, tables: tables, data: data) })
        })
        if pairs.count > settings.maxCandidatePairs {
            let worst = reports.max { $0.pairs < $1.pairs }!
            throw PadanError(.limit, "blocking produced \(pairs.count) candidate pairs, over the limit of \(settings.maxCandidatePairs); rule '\(worst.rule)' produced \(worst.pairs) of them (tighten it, or raise max_candidate_pairs)")
        }
        clock.lap("block", next: "compare \(pairs.count) pairs")

        // Which rules' keys each pair agrees on (for the EM sessions), from the keys laid out
        // record by record so a pair reads two short runs instead of two entries per rule.
        let ruleCount = ruleKeys.count
        var keysByRecord = [UInt64](repeating: 0, count: data.records.count * ruleCount)
        for (k, keys) in ruleKeys.enumerated() {
            for (r, key) in keys.enumerated() { keysByRecord[r * ruleCount + k] = key }
        }
        let comparer = Comparer(settings.comparisons, data: data)
        let c = settings.comparisons.count
        var levels = [UInt8](repeating: 0, count: pairs.count * c)
        var agreement = [UInt32](repeating: 0, count: pairs.count)
        var flags = [UInt8](repeating: 0, count: pairs.count)
        levels.withUnsafeMutableBufferPointer { levelsOut in
            agreement.withUnsafeMutableBufferPointer { agreementOut in
              flags.withUnsafeMutableBufferPointer { flagsOut in
                let l = UnsafeSendable(levelsOut), g = UnsafeSendable(agreementOut), f = UnsafeSendable(flagsOut)
                Parallel.forEach(count: pairs.count, threads: threads, minChunk: 4096) { range in
                    for p in range {
                        let a = Int(pairs.left[p]), b = Int(pairs.right[p])
                        f.value[p] = comparer.levels(data, a, b, into: UnsafeMutableBufferPointer(rebasing: l.value[p * c ..< (p + 1) * c]))
                        var mask: UInt32 = 0
                        for k in 0 ..< ruleCount {
                            let ka = keysByRecord[a &* ruleCount &+ k]
                            if ka != 0 && ka == keysByRecord[b &* ruleCount &+ k] { mask |= 1 << UInt32(k) }
                        }
                        g.value[p] = mask
                    }
                }
              }
            }
        }
        let rules = EvidenceRules(settings.comparisons)
        clock.lap("compare", next: given == nil ? "train" : "score")

        var model: MatchModel
        var baseWeights: [Double] = []
        if var given {
            model = given
            given.warnings = []
            baseWeights = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules).totals(levels: levels, flags: flags, comparisonCount: c, pairs: pairs, threads: threads)
        } else {
            let trainer = ModelTrainer(settings: settings, comparer: comparer, rules: rules, data: data, pairScope: scopeIndex)
            var (u, sampled) = trainer.randomPairU()
            clock.lap("train: u from random pairs")
            var uSources = settings.comparisons.map { _ in "random pairs: \(sampled)" }
            // Levels never seen get half a pair's worth of probability: half a random pair, or for
            // the NIK half a pair of the (much larger) neighbourhood count.
            var floors = [Double](repeating: 0.5 / Double(max(sampled, 1)), count: c)
            if let nikIndex = settings.comparisons.firstIndex(where: { $0.comparator == .nik }),
               let neighbourhood = trainer.nikNeighbourhoodU() {
                u[nikIndex] = ModelTrainer.merge(nik: neighbourhood.u, into: u[nikIndex])
                floors[nikIndex] = 0.5 / Double(neighbourhood.pairs)
                uSources[nikIndex] += "; agreement levels from NIK neighbourhoods (\(neighbourhood.pairs) pairs)"
            }
            clock.lap("train: u from NIK neighbourhoods")
            let (m, mSources, warnings) = trainer.trainM(levels: levels, flags: flags, agreement: agreement, u: u)
            model = MatchModel(
                comparisons: settings.comparisons.enumerated().map { k, spec in
                    MatchModel.Comparison(name: spec.name, levels: spec.levels.map(\.name), m: m[k], u: u[k],
                                          mSource: mSources[k], uSource: uSources[k])
                },
                lambda: 0.5, warnings: warnings)
            let largest = tables.map(\.rowCount).max() ?? 1
            model.lambda = Double(largest) / Double(max(scopeIndex.totalPairs, 1))
            // Random pairs include a fraction λ of matches, which dominate the agreement levels
            // (two random records with the same NIK are mostly the same person): take them out,
            // u = (p − λ·m) / (1 − λ), and re-estimate λ; twice is enough (λ moves < 1% after).
            for _ in 0 ..< 2 {
                baseWeights = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules).totals(levels: levels, flags: flags, comparisonCount: c, pairs: pairs, threads: threads)
                model.lambda = ModelTrainer.prior(weights: baseWeights, totalPairs: scopeIndex.totalPairs, start: model.lambda)
                for k in 0 ..< c {
                    model.comparisons[k].u = ModelTrainer.withoutMatches(u[k], m: m[k], lambda: model.lambda, floor: floors[k])
                }
            }
            baseWeights = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules).totals(levels: levels, flags: flags, comparisonCount: c, pairs: pairs, threads: threads)
            model.lambda = ModelTrainer.prior(weights: baseWeights, totalPairs: scopeIndex.totalPairs, start: model.lambda)
            model.warnings += ModelTrainer.plausibility(model)
        }
        clock.lap(given == nil ? "train: m by EM, prior" : "model given", next: "score")

        let prior = model.priorWeight
        let weigher = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules)
        var links: [ScoredPair] = []
        var review: [ScoredPair] = []
        var linked = tables.map { [Bool](repeating: false, count: $0.rowCount) }
        let offsets = tables.reduce(into: [0]) { $0.append($0.last! + $1.rowCount) }
        func ref(_ global: Int) -> RowRef {
            var list = 0
            while offsets[list + 1] <= global { list += 1 }
            return RowRef(list: list, row: global - offsets[list])
        }
        var candidates: [CandidatePair] = []
        if settings.keepCandidatePairs { candidates.reserveCapacity(pairs.count) }
        for p in 0 ..< pairs.count {
            let w = prior + baseWeights[p]
            let probability = MatchModel.probability(weight: w)
            if settings.keepCandidatePairs {
                candidates.append(CandidatePair(left: ref(Int(pairs.left[p])), right: ref(Int(pairs.right[p])),
                                                probability: probability, rule: settings.blocking[Int(pairs.rule[p])].name))
            }
            guard probability >= settings.reviewThreshold else { continue }
            let a = Int(pairs.left[p]), b = Int(pairs.right[p])
            var pairLevels: [Int?] = []
            var pairWeights: [Double] = []
            let nikLevel = rules.nik.map { levels[p * c + $0] } ?? ComparisonLevel.null
            let sameKK = rules.household.map { levels[p * c + $0] == IndonesianLevel.Household.sameKK.rawValue && rules.counts($0, IndonesianLevel.Household.sameKK.rawValue, nikLevel: nikLevel, flags: flags[p]) } ?? false
            for k in 0 ..< c {
                let level = levels[p * c + k]
                if !rules.counts(k, level, nikLevel: nikLevel, flags: flags[p]) {
                    pairLevels.append(nil)
                    pairWeights.append(0)
                } else {
                    pairLevels.append(Int(level))
                    pairWeights.append(weigher.weight(k, level, a, b, sameKK: sameKK))
                }
            }
            let scored = ScoredPair(left: ref(a), right: ref(b), weight: w, probability: probability,
                                    levels: pairLevels, weights: pairWeights, rule: settings.blocking[Int(pairs.rule[p])].name)
            if probability >= settings.threshold {
                links.append(scored)
                linked[scored.left.list][scored.left.row] = true
                linked[scored.right.list][scored.right.row] = true
            } else {
                review.append(scored)
            }
        }
        clock.lap("score")
        let unmatched = linked.map { flags in flags.indices.filter { !flags[$0] } }
        var result = LinkResult(tables: tables, links: links, review: review, model: model, blocking: reports,
                                candidatePairs: pairs.count, timings: clock.timings, unmatched: unmatched)
        result.candidates = candidates
        result.scope = scope
        if settings.oneToOne { OneToOne.apply(&result) }
        return result
    }

    private func validate(tables: [Table], scope: Scope, model: MatchModel?) throws {
        if scope == .link && tables.count < 2 {
            throw PadanError(.usage, "linking needs at least two lists (use dedupe for one)")
        }
        if tables.isEmpty { throw PadanError(.usage, "no input lists") }
        if tables.count > Int(UInt16.max) { throw PadanError(.usage, "too many input lists") }
        try settings.validate()
        let names = tables.map(\.name)
        if Set(names).count != names.count {
            throw PadanError(.usage, "two lists have the same name (\(names.joined(separator: ", "))); give each a name of its own")
        }
        let total = tables.reduce(0) { $0 + $1.rowCount }
        if total >= Int(UInt32.max) { throw PadanError(.limit, "more than 4 billion records in all") }
        if let model {
            let names = settings.comparisons.map(\.name)
            if model.comparisons.map(\.name) != names
                || zip(model.comparisons, settings.comparisons).contains(where: { $0.levels != $1.levels.map(\.name) })
            {
                throw PadanError(.usage, "the model's comparisons (\(model.comparisons.map(\.name).joined(separator: ", "))) do not match the configured ones (\(names.joined(separator: ", ")))")
            }
        }
    }

    private func describe(_ rule: BlockingRule, record: Int, tables: [Table], data: CompareData) -> String {
        var list = 0, row = record
        while row >= tables[list].rowCount { row -= tables[list].rowCount; list += 1 }
        let t = tables[list]
        let parts = rule.fields.map { field -> String in
            switch field {
            case .nik, .nikPrefix12, .nikSuffix10: return "NIK \(t.value(.nik, row: row))"
            case .kk: return "KK \(t.value(.kk, row: row))"
            case .name, .namePhonetic, .namePhoneticSorted, .firstNamePhonetic: return "name \(data.name.string(record))"
            case .birthDate, .birthYear: return "born \(t.value(.birthDate, row: row))"
            case .sex: return "sex \(t.value(.sex, row: row))"
            case .village: return "village \(t.value(.village, row: row))"
            case .district: return "district \(t.value(.district, row: row))"
            case .regency: return "regency \(t.value(.regency, row: row))"
            case .street: return "street \(t.value(.address, row: row))"
            case .birthPlace: return "born in \(t.value(.birthPlace, row: row))"
            }
        }
        let columns = rule.columns.map { key -> String in
            guard let c = data.column(named: key.column) else { return key.description }
            return "\(key.description) \(data.columns[c].text.string(record))"
        }
        return (parts + columns).joined(separator: ", ")
    }
}

/// Wall-clock time per stage.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var timings: [StageTiming] = []
    var progress: (@Sendable (String) -> Void)?

    init(progress: (@Sendable (String) -> Void)? = nil) { self.progress = progress }

    /// Ends the stage `stage`, and announces `next` if given.
    mutating func lap(_ stage: String, next: String? = nil) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append(StageTiming(stage: stage, seconds: Double(now - last) / 1e9))
        last = now
        if let next { progress?(next) }
    }
}
