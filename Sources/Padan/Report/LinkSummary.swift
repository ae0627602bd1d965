/// The numbers of a link run, for `summary.json` and the printed summary.
public struct LinkSummary: Codable, Sendable {
    /// Per input list.
    public struct ListCounts: Codable, Sendable {
        public var name: String
        public var file: String
        /// Data records in the file (rejected ones included).
        public var rowsRead: Int
        public var rejected: Int
        /// Rows in at least one link.
        public var linked: Int
        public var unmatched: Int
    }

    public var lists: [ListCounts]
    public var candidatePairs: Int
    public var blocking: [BlockingRuleReport]
    public var links: Int
    public var review: Int
    /// Links moved to review by one-to-one resolution.
    public var displacedByOneToOne: Int
    public var threshold: Double
    public var reviewThreshold: Double
    public var stages: [StageTiming]
    public var totalSeconds: Double
    public var peakMemoryMB: Double
    public var threads: Int
    public var modelWarnings: [String]
    /// Whether rows read = linked + unmatched + rejected held for every list.
    public var accountingHolds: Bool
    /// Clusters (people), when computed: how many, how many of each size, links refused by the
    /// size bound, and the largest clusters' members as `list:id`.
    public var clusters: Int?
    public var clusterSizes: [String: Int]?
    public var clusterLinksRefused: Int?
    public var largestClusters: [[String]]?
    /// People (clusters) by the combination of lists they appear in, e.g. `provinsi+kota`: who is
    /// paid from one budget only, who from several.
    public var overlap: [String: Int]?
    /// Records that are duplicates within their own list (in a cluster with another record of the
    /// same list), per list.
    public var duplicatesPerList: [String: Int]?

    public init(result: LinkResult, settings: LinkSettings, clusters: Clusters? = nil, extraStages: [StageTiming] = []) {
        lists = result.tables.enumerated().map { i, t in
            let unmatched = result.unmatched[i].count
            return ListCounts(name: t.name, file: t.path, rowsRead: t.rowCount + t.rejected.count,
                              rejected: t.rejected.count, linked: t.rowCount - unmatched, unmatched: unmatched)
        }
        candidatePairs = result.candidatePairs
        blocking = result.blocking
        links = result.links.count
        review = result.review.count
        displacedByOneToOne = result.displacedByOneToOne
        threshold = settings.threshold
        reviewThreshold = settings.reviewThreshold
        stages = result.timings + extraStages
        totalSeconds = stages.reduce(0) { $0 + $1.seconds }
        peakMemoryMB = Double(ProcessInfoShim.peakResidentBytes) / 1_048_576
        threads = settings.threads == 0 ? Parallel.defaultThreads : settings.threads
        modelWarnings = result.model.warnings
        accountingHolds = lists.allSatisfy { $0.rowsRead == $0.linked + $0.unmatched + $0.rejected }
        if let clusters {
            self.clusters = clusters.members.count
            clusterSizes = Dictionary(uniqueKeysWithValues: clusters.sizeHistogram.map { (String($0.size), $0.count) })
            clusterLinksRefused = clusters.refusedLinks.count
            largestClusters = clusters.members.filter { $0.count > 1 }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
                .prefix(5)
                .map { group in group.map { "\(result.tables[$0.list].name):\(result.tables[$0.list].id(row: $0.row))" } }
            var overlap: [String: Int] = [:]
            var duplicates = [Int](repeating: 0, count: result.tables.count)
            for group in clusters.members {
                var perList = [Int](repeating: 0, count: result.tables.count)
                for m in group { perList[m.list] += 1 }
                let names = perList.indices.filter { perList[$0] > 0 }.map { result.tables[$0].name }
                overlap[names.joined(separator: "+"), default: 0] += 1
                for (l, n) in perList.enumerated() where n > 1 { duplicates[l] += n }
            }
            self.overlap = overlap
            duplicatesPerList = Dictionary(uniqueKeysWithValues: result.tables.indices.map { (result.tables[$0].name, duplicates[$0]) })
        }
    }

    /// The summary as people read it.
    public var text: String {
        var out = ""
        for l in lists {
            out += "\(l.name): \(l.rowsRead) rows read (\(l.rowsRead - l.rejected) records, \(l.rejected) rejected), "
                + "\(l.linked) linked, \(l.unmatched) unmatched\n"
        }
        out += "candidate pairs: \(candidatePairs)\n"
        for r in blocking {
            var line = "  \(r.rule): \(r.pairs) new pairs (\(r.pairsIncludingEarlierRules) with earlier rules' pairs)"
            if r.oversizedBlocks > 0 { line += ", \(r.oversizedBlocks) oversized blocks skipped (\(r.oversizedPairs) pairs)" }
            out += line + "\n"
        }
        out += "links: \(links) (probability ≥ \(threshold)), review: \(review) (≥ \(reviewThreshold))"
        out += displacedByOneToOne > 0 ? ", \(displacedByOneToOne) links moved to review by one-to-one\n" : "\n"
        out += "time: " + stages.map { "\($0.stage) \(CSVWriter.format($0.seconds, decimals: 3))s" }.joined(separator: ", ")
        out += "; total \(CSVWriter.format(totalSeconds, decimals: 3))s on \(threads) threads, peak memory \(Int(peakMemoryMB.rounded())) MB\n"
        if let clusters, let sizes = clusterSizes {
            let histogram = sizes.sorted { Int($0.key)! < Int($1.key)! }.map { "\($0.value)×\($0.key)" }.joined(separator: ", ")
            out += "clusters: \(clusters) (\(histogram))"
            if let refused = clusterLinksRefused, refused > 0 { out += "; \(refused) links refused by the cluster size bound" }
            out += "\n"
            for group in (largestClusters ?? []).prefix(3) where group.count > 2 {
                out += "  largest: " + group.joined(separator: ", ") + "\n"
            }
        }
        if let duplicatesPerList, duplicatesPerList.values.contains(where: { $0 > 0 }) {
            out += "records registered more than once: " + lists.map { "\($0.name) \(duplicatesPerList[$0.name] ?? 0)" }.joined(separator: ", ") + "\n"
        }
        if let overlap, lists.count > 1 {
            out += "people by lists they appear in:\n"
            let width = overlap.keys.map(\.count).max() ?? 0
            for (combination, people) in overlap.sorted(by: { ($0.key.split(separator: "+").count, $0.key) < ($1.key.split(separator: "+").count, $1.key) }) {
                out += "  " + combination + String(repeating: " ", count: width - combination.count) + "  \(people)\n"
            }
        }
        for w in modelWarnings { out += "model warning: \(w)\n" }
        return out
    }
}
