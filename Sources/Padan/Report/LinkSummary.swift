/// The numbers of a link run, for `summary.json` and the printed summary.
public struct LinkSummary: Codable, Sendable {
    /// The layout of `summary.json`: 2 added the headline, the audit trail (``run``), the
    /// fingerprint and the revision.
    public var formatVersion = 2
    /// The answer in people: in both lists, registered twice, only in one list, to check.
    public var headline: ResultHeadline?
    /// How the result was made (command line, settings, input checksums, reference date).
    public var run: RunRecord?
    /// Identifies the engine's result (inputs, model, links and review pairs); a review sheet
    /// carries it, and `apply-review` refuses a sheet from another result.
    public var fingerprint: String?
    /// 1 for the engine's result; each `apply-review` writes the next revision.
    public var revision = 1
    /// Review decisions applied in this revision (0 for the engine's result).
    public var reviewDecisionsApplied = 0
    /// The language of the human-facing outputs.
    public var language: OutputLanguage = .indonesian
    /// The blocking rules in words, in ``language``, in rule order.
    public var blockingInWords: [String] = []
    /// The label-free estimate of the result's errors (expected false links and missed matches,
    /// precision, recall and F1 with intervals); see ``ErrorEstimate``.
    public var errorEstimate: ErrorEstimate?
    /// The result directory and the files written there.
    public var directory: String?
    public var outputFiles: [String] = []
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
    /// Wall seconds each output file took to make and write. The files are written at the same
    /// time (inside the `write` stage), so these overlap and do not add up to it.
    public var fileSeconds: [StageTiming]?
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

    public init(result: LinkResult, settings: LinkSettings, clusters: Clusters? = nil, extraStages: [StageTiming] = [],
                language: OutputLanguage = .indonesian) {
        self.language = language
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
            // The five largest clusters of two or more, larger first, then by first member (each
            // record is in one cluster, so there are no ties): picked in one pass.
            var largest: [Int] = []
            func before(_ a: Int, _ b: Int) -> Bool {
                let x = clusters.members[a], y = clusters.members[b]
                return x.count != y.count ? x.count > y.count : x[0] < y[0]
            }
            for c in clusters.members.indices where clusters.members[c].count > 1 {
                guard largest.count < 5 || before(c, largest[4]) else { continue }
                if largest.count == 5 { largest.removeLast() }
                largest.insert(c, at: largest.firstIndex { before(c, $0) } ?? largest.count)
            }
            let ids = result.tables.map(RecordIDs.init)
            largestClusters = largest.map { c in
                clusters.members[c].map { "\(result.tables[$0.list].name):\(ids[$0.list].string($0.row))" }
            }
            // Clusters per set of lists they hold, counted by the set (one reused count per list)
            // and named once per set.
            let tableCount = result.tables.count
            var bySet: [[Bool]: Int] = [:]
            var duplicates = [Int](repeating: 0, count: tableCount)
            var perList = [Int](repeating: 0, count: tableCount)
            var present = [Bool](repeating: false, count: tableCount)
            for group in clusters.members {
                for m in group { perList[m.list] += 1 }
                for l in 0 ..< tableCount {
                    present[l] = perList[l] > 0
                    if perList[l] > 1 { duplicates[l] += perList[l] }
                    perList[l] = 0
                }
                bySet[present, default: 0] += 1
            }
            var overlap: [String: Int] = [:]
            for (set, count) in bySet {
                let names = set.indices.filter { set[$0] }.map { result.tables[$0].name }
                overlap[names.joined(separator: "+"), default: 0] += count
            }
            self.overlap = overlap
            duplicatesPerList = Dictionary(uniqueKeysWithValues: result.tables.indices.map { (result.tables[$0].name, duplicates[$0]) })
            headline = ResultHeadline(result: result, clusters: clusters)
        }
        blockingInWords = settings.blocking.map { language.words.rule($0) }
    }

    /// The summary as people read it, in ``language``: the headline first, then per-list counts,
    /// the blocking rules in words, where the files are; stage timings only when `verbose`.
    public func text(verbose: Bool = false) -> String {
        let w = language.words
        var out = "\(w.title)\n"
        if let h = headline {
            let width = 52
            func line(_ label: String, _ n: Int, _ extra: String = "") -> String {
                let pad = String(repeating: " ", count: max(1, width - label.count))
                return "  \(label)\(pad)\(n)\(extra)\n"
            }
            if lists.count > 1 { out += line(w.inBoth(lists: lists.count), h.inSeveralLists) }
            for l in h.lists {
                out += line(w.registeredTwice(l.name), l.registeredMoreThanOnce, " (\(w.records(l.recordsRegisteredMoreThanOnce)))")
            }
            if lists.count > 1 { for l in h.lists { out += line(w.onlyIn(l.name), l.onlyInThisList) } }
            out += line(w.toCheck, h.pairsToCheck)
            if !h.withinListDoublesSearched { out += "  \(w.doublesNotSearched)\n" }
        }
        if let e = errorEstimate { out += "  " + w.estimateLine(e) + "\n" }
        out += "\n"
        for l in lists { out += w.listLine(l) + "\n" }
        out += w.linksLine(links: links, threshold: threshold, review: review, reviewThreshold: reviewThreshold) + "\n"
        out += "\(w.candidatesHeading): \(candidatePairs)\n"
        for (i, r) in blocking.enumerated() {
            var line = "  " + w.ruleLine(words: i < blockingInWords.count ? blockingInWords[i] : r.rule, pairs: r.pairs)
            if r.oversizedBlocks > 0 { line += ", " + w.oversized(blocks: r.oversizedBlocks, pairs: r.oversizedPairs) }
            out += line + "\n"
        }
        if let refused = clusterLinksRefused, refused > 0 { out += "\(refused) \(w.clusterRefused)\n" }
        if displacedByOneToOne > 0 { out += "one-to-one: \(displacedByOneToOne) → review\n" }
        for warning in modelWarnings { out += "\(w.modelWarning): \(warning)\n" }
        if let directory, !outputFiles.isEmpty {
            out += "\(w.filesIn(directory)): " + outputFiles.joined(separator: ", ") + "\n"
        }
        if verbose {
            out += "\(w.timings): " + stages.map { "\($0.stage) \(CSVWriter.format($0.seconds, decimals: 3))s" }.joined(separator: ", ")
            out += "; total \(CSVWriter.format(totalSeconds, decimals: 3))s, \(threads) threads, peak \(Int(peakMemoryMB.rounded())) MB\n"
            if let files = fileSeconds, !files.isEmpty {
                out += "  " + files.map { "\($0.stage) \(CSVWriter.format($0.seconds, decimals: 3))s" }.joined(separator: ", ") + "\n"
            }
        }
        return out
    }

    /// ``text(verbose:)`` without the timings.
    public var text: String { text() }
}
