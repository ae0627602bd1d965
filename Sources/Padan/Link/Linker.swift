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
/// The stages are standardize → pack → block → compare → train (unless a model is given) → score
/// → resolve, one call each in ``link(_:scope:model:)``. Each
/// heavy stage runs on ``LinkSettings/threads`` threads in chunks, and the result is the same for
/// any thread count.
public struct Linker: Sendable {
    public var settings: LinkSettings
    /// Called as each stage starts and as its work advances (for a progress display with a
    /// percentage and the time left); `nil` for none.
    public var progress: (@Sendable (LinkProgress) -> Void)?

    public init(settings: LinkSettings = .indonesianDefault, progress: (@Sendable (LinkProgress) -> Void)? = nil) {
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
        try link(tables, scope: scope, model: given, firstNewList: 0, frequencies: nil)
    }

    /// ``link(_:scope:model:)`` over only the pairs with a record in `tables[firstNewList...]` (0:
    /// every pair): the register's way of linking an added list to the records it holds. The
    /// standardizing, term frequencies and blocks are those of all the tables, so the pairs found
    /// and their weights are the ones a run over all of them would give. Needs a model when
    /// `firstNewList > 0` (training on part of the pairs would be another model).
    ///
    /// `frequencies`: the term frequencies of a larger body of records (a register's) to score
    /// these records with, instead of their own. `packed`: every table's records already
    /// standardized and packed (a register keeps them), in the order of `tables`; nil to do it here.
    /// `sharedNIKs` (per table, per record) and `counted`: what a larger body of records these
    /// tables are a sample of counts, the NIKs it found shared and its counts set into the compare
    /// data, in place of this run's own (the partitioned path's training; ``PartitionLinker``).
    func link(_ tables: [Table], scope: Scope, model given: MatchModel?, firstNewList: Int,
              frequencies: TermFrequencies? = nil, packed: [PackedList]? = nil,
              sharedNIKs: [[Bool]]? = nil, counted: ((inout CompareData) -> Void)? = nil) throws -> LinkResult {
        try validate(tables: tables, scope: scope, model: given)
        precondition(firstNewList == 0 || given != nil, "an incremental link needs a model")
        let threads = settings.threads, listSizes = tables.map(\.rowCount)
        var clock = StageClock(progress: progress)
        let records = listSizes.reduce(0, +)
        clock.announce("standardize")
        let working = try tables.map(settings.joiningRoles)
        var data: CompareData
        if let packed {
            precondition(packed.map(\.count) == listSizes, "one packed list per table, of its size")
            clock.lap("standardize", next: "pack records")
            data = try CompareData.build(packed: packed, tables: working, columns: settings.usedColumns,
                                         referenceYear: settings.referenceYear, threads: threads)
        } else {
            let standardizing = clock.meter(total: records)
            let standardized = working.indices.map {
                StandardizedTable(table: working[$0], referenceYear: settings.referenceYear, threads: threads, meter: standardizing,
                                  sharedNIKs: sharedNIKs?[$0])
            }
            clock.lap("standardize", next: "pack records")
            data = try CompareData.build(standardized, tables: working, columns: settings.usedColumns,
                                         referenceYear: settings.referenceYear, threads: threads, meter: clock.meter(total: records))
        }
        frequencies?.apply(to: &data)
        counted?(&data)
        let scopeIndex = PairScopeIndex(listSizes: listSizes, scope: scope.pairScope, firstNewList: firstNewList)
        clock.lap("pack", next: "block")

        var blocker = Blocker(index: scopeIndex, maxBlockPairs: settings.maxBlockPairs, threads: threads)
        blocker.meter = clock.meter(total: 3 * settings.blocking.count * records)
        let blocked = try blocker.block(settings.blocking, data: data, tables: working, maxCandidatePairs: settings.maxCandidatePairs)
        clock.lap("block", next: "compare \(blocked.pairs.count) pairs")

        let comparer = Comparer(settings.comparisons, data: data)
        let compared = comparer.compare(blocked.pairs, data: data, ruleKeys: blocked.ruleKeys, threads: threads,
                                        meter: clock.meter(total: blocked.pairs.count))
        let rules = EvidenceRules(settings.comparisons)
        clock.lap("compare", next: given == nil ? "train" : "score")

        var model: MatchModel, weights: [Double]
        if var given {
            given.warnings = []
            model = given
            weights = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules, listOf: scopeIndex.listOf).totals(compared, threads: threads)
        } else {
            let trainer = ModelTrainer(settings: settings.training, comparer: comparer, rules: rules, data: data, pairScope: scopeIndex)
            (model, weights) = trainer.train(compared: compared, listSizes: listSizes, clock: &clock)
        }
        if given != nil { clock.lap("model given") }
        clock.announce("score")

        let weigher = PairWeigher(model: model, comparisons: settings.comparisons, data: data, rules: rules, listOf: scopeIndex.listOf)
        let (scored, candidates) = Scorer(model: model, weigher: weigher).score(
            compared, weights: weights, minimumProbability: settings.reviewThreshold, ruleNames: settings.blocking.map(\.name),
            listSizes: listSizes, keepCandidates: settings.keepCandidatePairs, meter: clock.meter(total: compared.pairs.count))
        let resolution = Resolution(scored, threshold: settings.threshold, oneToOne: settings.oneToOne, listSizes: listSizes)
        clock.lap("score")

        var result = LinkResult(tables: tables, links: resolution.links, review: resolution.review, model: model,
                                blocking: blocked.reports, candidatePairs: blocked.pairs.count, timings: clock.timings,
                                unmatched: resolution.unmatched)
        result.displacedByOneToOne = resolution.displacedByOneToOne
        result.candidates = candidates
        // Pairs within one list take their own prior, as in the scorer (one prior for both put the
        // within-list pairs' probabilities 4 bits too high in the estimates of a joint run).
        let listOf = scopeIndex.listOf, pairs = compared.pairs
        result.candidateProfile = CandidateProfile(weights: weights, prior: model.priorWeight, priorWithin: model.priorWeightWithin,
                                                   isWithin: { listOf[Int(pairs.left[$0])] == listOf[Int(pairs.right[$0])] },
                                                   agreement: compared.agreement,
                                                   ruleNames: settings.blocking.map(\.name),
                                                   cutoffs: [settings.threshold, settings.reviewThreshold])
        result.scope = scope
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
            throw PadanError(.usage, "two lists have the same name (\(names.joined(separator: ", ")))", setting: "name")
        }
        let total = tables.reduce(0) { $0 + $1.rowCount }
        if total >= Int(UInt32.max) { throw PadanError(.limit, "more than 4 billion records in all") }
        if let model { try validate(model: model) }
    }

    /// Throws unless `model` has the configured comparisons and levels.
    func validate(model: MatchModel) throws {
        let names = settings.comparisons.map(\.name)
        if model.comparisons.map(\.name) != names
            || zip(model.comparisons, settings.comparisons).contains(where: { $0.levels != $1.levels.map(\.name) })
        {
            throw PadanError(.usage, "the model's comparisons (\(model.comparisons.map(\.name).joined(separator: ", "))) do not match the configured ones (\(names.joined(separator: ", ")))")
        }
    }
}
