import Foundation

/// Precision, recall and F1 of a set of predicted pairs against the true pairs.
public struct PairScores: Codable, Sendable, Equatable {
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int

    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP); 1 when nothing was predicted.
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    /// TP / (TP + FN); 1 when there was nothing to find.
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    enum CodingKeys: String, CodingKey {
        case truePositives = "true_positives", falsePositives = "false_positives"
        case falseNegatives = "false_negatives", precision, recall, f1
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode(Evaluation.round(precision), forKey: .precision)
        try c.encode(Evaluation.round(recall), forKey: .recall)
        try c.encode(Evaluation.round(f1), forKey: .f1)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try c.decode(Int.self, forKey: .truePositives)
        falsePositives = try c.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try c.decode(Int.self, forKey: .falseNegatives)
    }
}

/// A pair of records, as predicted or as missed.
public struct RecordPair: Hashable, Sendable, Codable {
    public var left: RecordRef
    public var right: RecordRef

    public init(left: RecordRef, right: RecordRef) {
        self.left = left
        self.right = right
    }
}

/// How well predicted links recover the truth, across lists and within lists.
///
/// ```swift
/// let truth = try EvaluationTruth.load(directory: "corpora/synth-2k")
/// let links = try Evaluation.readPairs(path: "out/links.csv", truth: truth)
/// let e = LinkEvaluation(truth: truth, predicted: links)
/// print(e.crossList.f1)
/// ```
public struct LinkEvaluation: Codable, Sendable {
    /// Predicted pairs of records in different lists, against `links.csv`.
    public var crossList: PairScores
    /// Predicted pairs of records in the same list, against `duplicates.csv`; nil when no predicted
    /// pair lies within a list (a link-only run is not charged for the duplicates it did not seek).
    public var withinList: PairScores?
    /// Predicted pairs (after removing repeats) that name a record the truth does not know.
    public var unknownRecordPairs: Int
    /// A sample of wrong pairs and of missed pairs, spread evenly over all of them.
    public var falsePositiveSample: [RecordPair]
    public var falseNegativeSample: [RecordPair]

    enum CodingKeys: String, CodingKey {
        case crossList = "cross_list", withinList = "within_list", unknownRecordPairs = "unknown_record_pairs"
        case falsePositiveSample = "false_positive_sample", falseNegativeSample = "false_negative_sample"
    }

    /// - Complexity: O(predicted + true pairs).
    public init(truth: EvaluationTruth, predicted: [RecordPair], sample: Int = 10) {
        var cross = Set<UInt64>(), within = Set<UInt64>()
        var unknown = Set<RecordPair>()
        var falsePositives: [UInt64] = []
        var unknownPairs: [RecordPair] = []
        for p in predicted {
            guard let a = truth.number(p.left), let b = truth.number(p.right), a != b else {
                if unknown.insert(p).inserted { unknownPairs.append(p) }
                continue
            }
            let key = Evaluation.pack(a, b)
            let isCross = p.left.source != p.right.source
            if isCross ? cross.insert(key).inserted : within.insert(key).inserted {
                if !truth.same(a, b) { falsePositives.append(key) }
            }
        }
        func scores(_ predicted: Set<UInt64>, _ actual: Set<UInt64>, unknown: Int) -> PairScores {
            var tp = 0
            for k in predicted where actual.contains(k) { tp += 1 }
            return PairScores(truePositives: tp, falsePositives: predicted.count - tp + unknown,
                              falseNegatives: actual.count - tp)
        }
        let unknownCross = unknownPairs.filter { $0.left.source != $0.right.source }.count
        crossList = scores(cross, truth.links, unknown: unknownCross)
        withinList = within.isEmpty && unknownPairs.count == unknownCross
            ? nil : scores(within, truth.duplicates, unknown: unknownPairs.count - unknownCross)
        unknownRecordPairs = unknownPairs.count
        let fp = falsePositives.map { Evaluation.unpack($0, truth) } + unknownPairs
        falsePositiveSample = Evaluation.spread(fp, sample)
        var missed: [UInt64] = truth.links.filter { !cross.contains($0) }
        if !within.isEmpty { missed += truth.duplicates.filter { !within.contains($0) } }
        missed.sort()
        falseNegativeSample = Evaluation.spread(missed, sample).map { Evaluation.unpack($0, truth) }
    }
}

/// How well predicted clusters recover the entities: pairwise scores over all pairs of records
/// in one cluster, and how many entities were split or clusters merged.
public struct ClusterEvaluation: Codable, Sendable {
    /// Pairs of records put in one cluster, against pairs of records of one entity.
    public var pairwise: PairScores
    /// Entities (with a record in the clusters file or not) whose records lie in more than one
    /// cluster; records missing from the file count as singleton clusters.
    public var entitiesSplit: Int
    /// Clusters holding records of more than one entity.
    public var clustersMerged: Int
    public var entities: Int
    public var clusters: Int
    /// Records of the clusters file that the truth does not know (ignored in the scores).
    public var unknownRecords: Int
    /// Records of the truth missing from the clusters file (taken as singletons).
    public var missingRecords: Int

    enum CodingKeys: String, CodingKey {
        case pairwise, entities, clusters
        case entitiesSplit = "entities_split", clustersMerged = "clusters_merged"
        case unknownRecords = "unknown_records", missingRecords = "missing_records"
    }

    /// `assignment`: each record and the cluster it was put in.
    /// - Complexity: O(records) expected.
    public init(truth: EvaluationTruth, assignment: [(RecordRef, String)]) {
        let n = truth.records.count
        var cluster = [Int32](repeating: -1, count: n)
        var clusterNumbers: [String: Int32] = [:]
        var unknown = 0
        for (ref, label) in assignment {
            guard let r = truth.number(ref) else { unknown += 1; continue }
            let c = clusterNumbers[label] ?? Int32(clusterNumbers.count)
            clusterNumbers[label] = c
            cluster[Int(r)] = c
        }
        var missing = 0
        var next = Int32(clusterNumbers.count)
        for r in 0 ..< n where cluster[r] < 0 {
            cluster[r] = next
            next += 1
            missing += 1
        }
        // Contingency counts: cells (entity, cluster), entity sizes, cluster sizes.
        var cell: [UInt64: Int] = [:]
        var entitySize: [Int32: Int] = [:]
        var clusterSize = [Int](repeating: 0, count: Int(next))
        for r in 0 ..< n {
            let e = truth.entity[r], c = cluster[r]
            cell[UInt64(UInt32(bitPattern: e)) << 32 | UInt64(UInt32(bitPattern: c)), default: 0] += 1
            entitySize[e, default: 0] += 1
            clusterSize[Int(c)] += 1
        }
        func pairs(_ k: Int) -> Int { k * (k - 1) / 2 }
        var together = 0
        var clustersOfEntity: [Int32: Int] = [:]
        var entitiesOfCluster = [Int](repeating: 0, count: Int(next))
        for (key, count) in cell {
            together += pairs(count)
            clustersOfEntity[Int32(bitPattern: UInt32(key >> 32)), default: 0] += 1
            entitiesOfCluster[Int(UInt32(truncatingIfNeeded: key))] += 1
        }
        let predictedPairs = clusterSize.reduce(0) { $0 + pairs($1) }
        let truePairs = entitySize.values.reduce(0) { $0 + pairs($1) }
        pairwise = PairScores(truePositives: together, falsePositives: predictedPairs - together,
                              falseNegatives: truePairs - together)
        entitiesSplit = clustersOfEntity.values.filter { $0 > 1 }.count
        clustersMerged = entitiesOfCluster.filter { $0 > 1 }.count
        entities = entitySize.count
        clusters = Int(next)
        unknownRecords = unknown
        missingRecords = missing
    }
}

/// How well candidate pairs (the output of blocking) cover the true pairs, and how much of the
/// comparison space they cut away.
public struct BlockingEvaluation: Codable, Sendable {
    /// Distinct candidate pairs.
    public var candidatePairs: Int
    /// True pairs among them.
    public var truePairsFound: Int
    /// True pairs in the space compared (cross-list links, and within-list duplicates when some
    /// candidate pair lies within a list).
    public var truePairs: Int
    /// All pairs in that space: n_a × n_b over pairs of lists, plus n(n-1)/2 per list when within.
    public var comparisonSpace: Double
    /// `truePairsFound / truePairs`.
    public var pairsCompleteness: Double { truePairs == 0 ? 1 : Double(truePairsFound) / Double(truePairs) }
    /// `1 - candidatePairs / comparisonSpace`.
    public var reductionRatio: Double { comparisonSpace == 0 ? 0 : 1 - Double(candidatePairs) / comparisonSpace }

    enum CodingKeys: String, CodingKey {
        case candidatePairs = "candidate_pairs", truePairsFound = "true_pairs_found", truePairs = "true_pairs"
        case comparisonSpace = "comparison_space", pairsCompleteness = "pairs_completeness"
        case reductionRatio = "reduction_ratio"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(candidatePairs, forKey: .candidatePairs)
        try c.encode(truePairsFound, forKey: .truePairsFound)
        try c.encode(truePairs, forKey: .truePairs)
        try c.encode(comparisonSpace, forKey: .comparisonSpace)
        try c.encode(Evaluation.round(pairsCompleteness), forKey: .pairsCompleteness)
        try c.encode(Evaluation.round(reductionRatio, digits: 9), forKey: .reductionRatio)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        candidatePairs = try c.decode(Int.self, forKey: .candidatePairs)
        truePairsFound = try c.decode(Int.self, forKey: .truePairsFound)
        truePairs = try c.decode(Int.self, forKey: .truePairs)
        comparisonSpace = try c.decode(Double.self, forKey: .comparisonSpace)
    }

    /// - Complexity: O(candidates).
    public init(truth: EvaluationTruth, candidates: [RecordPair]) {
        var cross = Set<UInt64>(), within = Set<UInt64>()
        var unknown = Set<RecordPair>()
        for p in candidates {
            guard let a = truth.number(p.left), let b = truth.number(p.right), a != b else {
                unknown.insert(p)
                continue
            }
            if p.left.source != p.right.source { cross.insert(Evaluation.pack(a, b)) } else { within.insert(Evaluation.pack(a, b)) }
        }
        var found = 0
        for k in cross where truth.links.contains(k) { found += 1 }
        var truePairs = truth.links.count
        var space = 0.0
        let sizes = truth.sources.map { Double(truth.listSizes[$0] ?? 0) }
        for i in sizes.indices { for j in (i + 1) ..< sizes.count { space += sizes[i] * sizes[j] } }
        if !within.isEmpty {
            for k in within where truth.duplicates.contains(k) { found += 1 }
            truePairs += truth.duplicates.count
            for s in sizes { space += s * (s - 1) / 2 }
        }
        candidatePairs = cross.count + within.count + unknown.count
        truePairsFound = found
        self.truePairs = truePairs
        comparisonSpace = space
    }
}

/// Reading engine outputs and shared helpers of the evaluations.
public enum Evaluation {
    /// Reads a links or candidate-pairs CSV: columns `left_id`, `right_id` and optionally
    /// `left_source`, `right_source` (other columns are ignored). Without source columns the left
    /// list is `truth.defaultSides.left` and the right one `.right`.
    public static func readPairs(path: String, truth: EvaluationTruth) throws -> [RecordPair] {
        let t = try readPlain(path, columns: ["left_id", "right_id"], optional: ["left_source", "right_source"])
        let hasSources = t.column[2] != nil && t.column[3] != nil
        guard hasSources || truth.defaultSides != nil else {
            throw PadanError(.badInput, file: path, line: 1,
                             "has no left_source/right_source columns and the truth has no links to tell the sides")
        }
        var pairs: [RecordPair] = []
        pairs.reserveCapacity(t.rows)
        for r in 0 ..< t.rows {
            let ls = hasSources ? t.value(2, r) : truth.defaultSides!.left
            let rs = hasSources ? t.value(3, r) : truth.defaultSides!.right
            pairs.append(RecordPair(left: RecordRef(source: ls, id: t.value(0, r)),
                                    right: RecordRef(source: rs, id: t.value(1, r))))
        }
        return pairs
    }

    /// Reads a clusters CSV: columns `source`, `id`, `cluster_id` (or `person_id`, as a
    /// register's export names it).
    public static func readClusters(path: String) throws -> [(RecordRef, String)] {
        let t = try readPlain(path, columns: ["source", "id"], optional: ["cluster_id", "person_id"])
        guard let c = t.column[2] != nil ? 2 : t.column[3] != nil ? 3 : nil else {
            throw PadanError(.badInput, file: path, line: 1, "has no column 'cluster_id' (columns: \(t.table.columnNames.joined(separator: ", ")))")
        }
        return (0 ..< t.rows).map { r in (RecordRef(source: t.value(0, r), id: t.value(1, r)), t.value(c, r)) }
    }

    /// A CSV read with Padan's reader, columns found by header name (case-insensitive).
    struct Plain {
        let table: Table
        let column: [ByteColumn?]
        var rows: Int { table.rowCount }
        func value(_ c: Int, _ r: Int) -> String { column[c]!.string(r) }
    }

    static func readPlain(_ path: String, columns: [String], optional: [String] = []) throws -> Plain {
        var options = ReadOptions(mapping: ColumnMapping(guess: false))
        options.layout = .plain
        let table = try TableReader.read(path: path, options: options)
        let names = table.columnNames.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var found: [ByteColumn?] = []
        for (i, name) in (columns + optional).enumerated() {
            if let c = names.firstIndex(of: name) {
                found.append(table.columns[c])
            } else if i < columns.count {
                throw PadanError(.badInput, file: path, line: 1,
                                 "has no column '\(name)' (columns: \(table.columnNames.joined(separator: ", ")))")
            } else {
                found.append(nil)
            }
        }
        if let bad = table.rejected.first {
            throw PadanError(.badInput, file: path, line: bad.line, bad.reason)
        }
        return Plain(table: table, column: found)
    }

    static func key(_ r: RecordRef) -> String { r.source + "\u{1F}" + r.id }

    static func pack(_ a: Int32, _ b: Int32) -> UInt64 {
        let lo = min(a, b), hi = max(a, b)
        return UInt64(UInt32(bitPattern: lo)) << 32 | UInt64(UInt32(bitPattern: hi))
    }

    static func unpack(_ k: UInt64, _ truth: EvaluationTruth) -> RecordPair {
        RecordPair(left: truth.records[Int(k >> 32)], right: truth.records[Int(UInt32(truncatingIfNeeded: k))])
    }

    /// Up to `n` items spread evenly over `items` (all of them when there are few).
    static func spread<T>(_ items: [T], _ n: Int) -> [T] {
        guard items.count > n, n > 0 else { return items }
        return (0 ..< n).map { items[$0 * items.count / n] }
    }

    static func round(_ v: Double, digits: Int = 6) -> Double {
        var scale = 1.0
        for _ in 0 ..< digits { scale *= 10 }
        return (v * scale).rounded() / scale
    }
}
