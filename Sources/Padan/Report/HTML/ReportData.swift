import Foundation

/// Everything `report.html` shows, kept beside it as `report-data.json` so `padan report DIR`
/// can rebuild the page (in another language, or after a review) without the input lists.
///
/// Large results are sampled for the viewers, deterministically: every review pair up to
/// ``maxReviewPairs`` (the most probable first beyond that), and of the links the
/// ``leastCertainLinks`` least probable (the ones worth a look) plus an even sample of the rest up
/// to ``maxLinks``; the ``maxClusters`` largest clusters. Counts, the histogram, the cutoff table
/// and the estimates always cover every pair.
public struct ReportData: Codable, Sendable {
    /// One record as the viewers show it. Stored as an array, `[list, id, name, nik, born,
    /// village]`: thousands of them, so no keys.
    public struct Record: Codable, Sendable, Equatable {
        public var list: String
        public var id: String
        public var name: String
        public var nik: String
        public var born: String
        public var village: String

        public init(list: String, id: String, name: String, nik: String, born: String, village: String) {
            (self.list, self.id, self.name, self.nik, self.born, self.village) = (list, id, name, nik, born, village)
        }

        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            list = try c.decode(String.self)
            id = try c.decode(String.self)
            name = try c.decode(String.self)
            nik = try c.decode(String.self)
            born = try c.decode(String.self)
            village = try c.decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            for field in [list, id, name, nik, born, village] { try c.encode(field) }
        }
    }

    /// A pair with its explanation: each comparison's level (−1: no evidence) and weight.
    public struct Pair: Codable, Sendable, Equatable {
        public var left: Record
        public var right: Record
        public var probability: Double
        public var weight: Double
        public var levels: [Int]
        public var weights: [Double]
        public var rule: String
        /// `link` or `review`.
        public var band: String

        public init(left: Record, right: Record, probability: Double, weight: Double, levels: [Int], weights: [Double],
                    rule: String, band: String) {
            (self.left, self.right, self.probability, self.weight) = (left, right, probability, weight)
            (self.levels, self.weights, self.rule, self.band) = (levels, weights, rule, band)
        }

        /// Stored as an array, `[left, right, probability, weight, levels, weights, rule, band]`.
        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            left = try c.decode(Record.self)
            right = try c.decode(Record.self)
            probability = try c.decode(Double.self)
            weight = try c.decode(Double.self)
            levels = try c.decode([Int].self)
            weights = try c.decode([Double].self)
            rule = try c.decode(String.self)
            band = try c.decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(left)
            try c.encode(right)
            try c.encode(probability)
            try c.encode(weight)
            try c.encode(levels)
            try c.encode(weights)
            try c.encode(rule)
            try c.encode(band)
        }
    }

    /// Per list, the counts of the headline.
    public struct ListCounts: Codable, Sendable, Equatable {
        public var name: String
        public var rows: Int
        public var linked: Int
        public var unmatched: Int
        public var rejected: Int
        /// Records in a cluster with another record of the same list (registered twice), when
        /// clusters were made.
        public var duplicates: Int?
    }

    /// A comparison's term-frequency effect at its best level, among the sampled pairs: the
    /// weight the model gives the level, and the range of weights common and rare values got.
    public struct TermFrequency: Codable, Sendable, Equatable {
        public var comparison: String
        public var level: String
        public var modelWeight: Double
        public var lowest: Double
        public var median: Double
        public var highest: Double
        public var pairs: Int
    }

    /// A blocking rule's capture statistics: expected true matches it reaches, and those only it
    /// reaches.
    public struct RuleCapture: Codable, Sendable, Equatable {
        public var rule: String
        public var expectedMatches: Double
        public var onlyThisRule: Double
    }

    public static let maxReviewPairs = 3000
    public static let maxLinks = 7000
    public static let leastCertainLinks = 2000
    public static let maxClusters = 30

    public var padanVersion: String
    /// `link`, `dedupe` or `link_and_dedupe`.
    public var scope: String
    public var threshold: Double
    public var reviewThreshold: Double
    public var lists: [ListCounts]
    public var links: Int
    public var review: Int
    public var candidatePairs: Int
    public var people: Int?
    public var estimate: ErrorEstimate?
    public var profile: CandidateProfile?
    public var model: MatchModel
    public var blocking: [BlockingRuleReport]
    public var captures: [RuleCapture]
    public var termFrequency: [TermFrequency]
    /// Cluster size → clusters of that size.
    public var clusterSizes: [Int: Int]
    /// The largest clusters, each its records.
    public var largestClusters: [[Record]]
    public var pairs: [Pair]
    /// Whether ``pairs`` holds every link and review pair (otherwise a sample).
    public var pairsComplete: Bool
    /// Per list, the data-quality profile of its records.
    public var quality: [String: QualityProfile]

    /// The report of `result`, with its `estimate` (see ``ErrorEstimate``), `clusters` when made,
    /// and NIKs shown as pseudonyms when `pseudonymizer` is given.
    public init(result: LinkResult, settings: LinkSettings, estimate: ErrorEstimate?, clusters: Clusters?,
                quality: [String: QualityProfile] = [:], pseudonymizer: Pseudonymizer? = nil) {
        padanVersion = PadanVersion.current
        scope = result.scope.rawValue
        threshold = settings.threshold
        reviewThreshold = settings.reviewThreshold
        var duplicates: [Int]? = nil
        if let clusters {
            var d = [Int](repeating: 0, count: result.tables.count)
            for group in clusters.members where group.count > 1 {
                var perList: [Int: Int] = [:]
                for m in group { perList[m.list, default: 0] += 1 }
                for (list, n) in perList where n > 1 { d[list] += n }
            }
            duplicates = d
        }
        lists = result.tables.enumerated().map { i, t in
            ListCounts(name: t.name, rows: t.rowCount, linked: t.rowCount - result.unmatched[i].count,
                       unmatched: result.unmatched[i].count, rejected: t.rejected.count, duplicates: duplicates?[i])
        }
        links = result.links.count
        review = result.review.count
        candidatePairs = result.candidatePairs
        people = clusters?.members.count
        self.estimate = estimate
        profile = result.candidateProfile
        model = result.model
        blocking = result.blocking
        captures = Self.captures(result.candidateProfile)
        self.quality = quality

        func record(_ ref: RowRef) -> Record {
            let t = result.tables[ref.list]
            var nik = t.value(.nik, row: ref.row)
            if let pseudonymizer, let column = t.column(.nik), !nik.isEmpty { nik = pseudonymizer.pseudonym(column[ref.row]) }
            return Record(list: t.name, id: t.id(row: ref.row), name: t.value(.name, row: ref.row), nik: nik,
                          born: t.value(.birthDate, row: ref.row), village: t.value(.village, row: ref.row))
        }
        func pair(_ p: ScoredPair, band: String) -> Pair {
            Pair(left: record(p.left), right: record(p.right), probability: Self.round(p.probability, 6), weight: Self.round(p.weight, 2),
                 levels: p.levels.map { $0 ?? -1 }, weights: p.weights.map { Self.round($0, 2) }, rule: p.rule, band: band)
        }
        let reviewSample = result.review.count <= Self.maxReviewPairs
            ? result.review
            : Array(result.review.sorted { $0.probability > $1.probability }.prefix(Self.maxReviewPairs))
        let linkSample = Self.sampleLinks(result.links)
        pairs = linkSample.map { pair($0, band: "link") } + reviewSample.map { pair($0, band: "review") }
        pairsComplete = linkSample.count == result.links.count && reviewSample.count == result.review.count
        termFrequency = Self.termFrequency(linkSample + reviewSample, model: result.model)

        var sizes: [Int: Int] = [:]
        var largest: [[Record]] = []
        if let clusters {
            for group in clusters.members { sizes[group.count, default: 0] += 1 }
            let order = clusters.members.indices.filter { clusters.members[$0].count > 1 }
                .sorted { (clusters.members[$0].count, $1) > (clusters.members[$1].count, $0) }
            largest = order.prefix(Self.maxClusters).map { clusters.members[$0].map(record) }
        }
        clusterSizes = sizes
        largestClusters = largest
    }

    /// The links the viewer keeps: all of them when few, else the least certain and an even
    /// sample of the rest, in their original order.
    static func sampleLinks(_ links: [ScoredPair]) -> [ScoredPair] {
        guard links.count > maxLinks else { return links }
        let byProbability = links.indices.sorted { (links[$0].probability, $0) < (links[$1].probability, $1) }
        var keep = Set(byProbability.prefix(leastCertainLinks))
        let rest = links.indices.filter { !keep.contains($0) }
        let wanted = maxLinks - leastCertainLinks
        for j in 0 ..< wanted { keep.insert(rest[j * rest.count / wanted]) }
        return keep.sorted().map { links[$0] }
    }

    static func captures(_ profile: CandidateProfile?) -> [RuleCapture] {
        guard let profile else { return [] }
        return profile.ruleNames.enumerated().map { k, name in
            var all = 0.0, only = 0.0
            for c in profile.captures where c.rules & (1 << UInt32(k)) != 0 {
                all += c.tally.expectedMatches
                if c.rules.nonzeroBitCount == 1 { only += c.tally.expectedMatches }
            }
            return RuleCapture(rule: name, expectedMatches: round(all, 1), onlyThisRule: round(only, 1))
        }
    }

    static func termFrequency(_ pairs: [ScoredPair], model: MatchModel) -> [TermFrequency] {
        model.comparisons.enumerated().compactMap { k, c in
            let best = 0
            let seen = pairs.compactMap { $0.levels[k] == best ? $0.weights[k] : nil }.sorted()
            guard !seen.isEmpty else { return nil }
            let w = c.weight(best)
            // Only comparisons whose best level's weight varies: those have a term-frequency adjustment.
            guard let lo = seen.first, let hi = seen.last, hi - lo > 0.01 else { return nil }
            return TermFrequency(comparison: c.name, level: c.levels[best], modelWeight: round(w, 2), lowest: round(lo, 2),
                                 median: round(seen[seen.count / 2], 2), highest: round(hi, 2), pairs: seen.count)
        }
    }

    static func round(_ x: Double, _ decimals: Int) -> Double {
        let f = pow(10, Double(decimals))
        return (x * f).rounded() / f
    }

    /// Corrects the estimate with a verifier's decisions in a filled review sheet (`review.xlsx`
    /// or `review.csv`): see ``ReviewCalibration``. Only decisions on pairs of the review band
    /// count (the band's pairs are all in ``pairs`` up to ``maxReviewPairs``). Returns the
    /// calibration, or `nil` when the result has no estimate.
    @discardableResult
    public mutating func correct(withReviewSheet path: String) throws -> ReviewCalibration? {
        guard let estimate, let profile, let above = profile.atOrAbove(threshold), let band = profile.atOrAbove(reviewThreshold) else {
            return nil
        }
        let sheet = try ReviewDecisions.read(path: path)
        struct Key: Hashable { var a: String, b: String, c: String, d: String }
        var probability: [Key: Double] = [:]
        for p in pairs where p.band == "review" && p.probability < threshold {
            probability[Key(a: p.left.list, b: p.left.id, c: p.right.list, d: p.right.id)] = p.probability
            probability[Key(a: p.right.list, b: p.right.id, c: p.left.list, d: p.left.id)] = p.probability
        }
        let decided = sheet.decisions.compactMap { d -> (probability: Double, match: Bool)? in
            probability[Key(a: d.leftSource, b: d.leftID, c: d.rightSource, d: d.rightID)].map { ($0, d.match) }
        }
        let calibration = ReviewCalibration(decisions: decided, bandPairs: band.pairs - above.pairs,
                                            bandExpectedByModel: band.expectedMatches - above.expectedMatches)
        // Always from the model's own estimate, so correcting twice does not count the review twice.
        let base = ErrorEstimate(profile: profile, links: estimate.linkedTally, threshold: threshold, reviewThreshold: reviewThreshold)
        self.estimate = base.correcting(with: calibration)
        return calibration
    }

    /// The sidecar's file name in a result directory.
    public static let fileName = "report-data.json"

    /// Reads `report-data.json` from a result directory.
    public static func load(directory: String) throws -> ReportData {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PadanError(.usage, file: path, "no report data here (written by padan link and dedupe into their result directory)")
        }
        do {
            return try JSONDecoder().decode(ReportData.self, from: data)
        } catch {
            throw PadanError(.usage, file: path, "not a report data file: \(error)")
        }
    }

    /// The sidecar's bytes (compact JSON, keys sorted). The pairs are written by ``PairJSON``,
    /// the rest by `JSONEncoder`: the encoder writes everything else with no pairs, and the pairs
    /// go where its empty `"pairs":[]` stands (the one array of that name).
    public func encoded() throws -> [UInt8] {
        var rest = self
        rest.pairs = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let head = Array(try encoder.encode(rest))
        let marker = Array("\"pairs\":[]".utf8)
        let found = head.ranges(of: marker)
        guard found.count == 1, let at = found.first else {
            throw PadanError(.internalError, "report data: expected one empty pairs array in the encoded report, found \(found.count)")
        }
        var out = [UInt8]()
        out.reserveCapacity(head.count + pairs.count * 200 + 1)
        out.append(contentsOf: head[..<at.lowerBound])
        PairJSON.raw("\"pairs\":", into: &out)
        PairJSON.pairs(pairs, into: &out)
        out.append(contentsOf: head[at.upperBound...])
        out.append(10)
        return out
    }
}
