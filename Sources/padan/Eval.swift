import ArgumentParser
import Foundation
import Padan

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score links, clusters or candidate pairs against a corpus's truth.",
        discussion: """
            Links and candidate pairs: CSV with left_id,right_id and optionally left_source,right_source \
            (without them the sides are the first link's lists in the truth). Clusters: CSV with \
            source,id,cluster_id. Prints precision, recall and F1, cluster splits and merges, pairs \
            completeness and reduction ratio, and samples of wrong and missed pairs side by side.

            EXAMPLES:
              padan eval --truth corpus --links hasil/links.csv --clusters hasil/clusters.csv
              padan eval --truth corpus/truth --pairs hasil/pairs.csv --json
            """)

    @Option(help: "Corpus directory (with truth/) or its truth/ folder.")
    var truth: String

    @Option(help: "Predicted links CSV.")
    var links: String?

    @Option(help: "Predicted clusters CSV.")
    var clusters: String?

    @Option(help: "Candidate pairs CSV (the output of blocking).")
    var pairs: String?

    @Option(help: "How many false positives and false negatives to show.")
    var sample: Int = 10

    @Flag(help: "Print JSON instead of tables.")
    var json = false

    func validate() throws {
        if links == nil && clusters == nil && pairs == nil {
            throw ValidationError("give at least one of --links, --clusters, --pairs")
        }
        if sample < 0 { throw ValidationError("--sample must not be negative") }
    }

    struct Report: Encodable {
        var links: LinkEvaluation?
        var clusters: ClusterEvaluation?
        var blocking: BlockingEvaluation?
    }

    func run() throws {
        try reportingErrors {
            let t = try EvaluationTruth.load(directory: truth)
            var report = Report()
            if let links { report.links = LinkEvaluation(truth: t, predicted: try Evaluation.readPairs(path: links, truth: t), sample: sample) }
            if let clusters { report.clusters = ClusterEvaluation(truth: t, assignment: try Evaluation.readClusters(path: clusters)) }
            if let pairs { report.blocking = BlockingEvaluation(truth: t, candidates: try Evaluation.readPairs(path: pairs, truth: t)) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            var lookup: RecordLookup?
            if let l = report.links, !(l.falsePositiveSample.isEmpty && l.falseNegativeSample.isEmpty) {
                let corpusDir = FileManager.default.fileExists(atPath: truth + "/truth") ? truth : truth + "/.."
                lookup = try RecordLookup(directory: corpusDir, sources: t.sources)
            }
            print(EvalReport.text(report, lookup: lookup), terminator: "")
        }
    }
}

enum EvalReport {
    static func pct(_ v: Double) -> String { String(format: "%7.2f%%", v * 100) }

    static func row(_ label: String, _ s: PairScores) -> String {
        label.padding(toLength: 14, withPad: " ", startingAt: 0)
            + String(format: "%10d %10d %10d", s.truePositives, s.falsePositives, s.falseNegatives)
            + "  " + pct(s.precision) + "  " + pct(s.recall) + "  " + pct(s.f1) + "\n"
    }

    static func text(_ r: Eval.Report, lookup: RecordLookup?) -> String {
        var out = ""
        let header = "".padding(toLength: 14, withPad: " ", startingAt: 0)
            + "        TP         FP         FN   precision    recall        F1\n"
        if let l = r.links {
            out += "links\n" + header + row("  cross-list", l.crossList)
            if let w = l.withinList { out += row("  within-list", w) }
            if l.unknownRecordPairs > 0 { out += "  \(l.unknownRecordPairs) predicted pairs name records the truth does not know (counted as false positives)\n" }
        }
        if let c = r.clusters {
            out += "\nclusters (pairwise)\n" + header + row("  pairs", c.pairwise)
            out += "  \(c.entities) entities, \(c.clusters) clusters: \(c.entitiesSplit) entities split, \(c.clustersMerged) clusters merged"
            if c.missingRecords > 0 { out += ", \(c.missingRecords) records missing (taken as singletons)" }
            if c.unknownRecords > 0 { out += ", \(c.unknownRecords) unknown records ignored" }
            out += "\n"
        }
        if let b = r.blocking {
            out += "\nblocking\n"
            out += "  candidate pairs    \(b.candidatePairs)\n"
            out += "  true pairs found   \(b.truePairsFound) of \(b.truePairs)\n"
            out += "  pairs completeness" + pct(b.pairsCompleteness) + "\n"
            out += "  reduction ratio    " + String(format: "%.6f", b.reductionRatio) + " (of \(String(format: "%.0f", b.comparisonSpace)) pairs)\n"
        }
        if let l = r.links {
            out += sideBySide("false positives", l.falsePositiveSample, total: l.crossList.falsePositives + (l.withinList?.falsePositives ?? 0), lookup)
            out += sideBySide("false negatives", l.falseNegativeSample, total: l.crossList.falseNegatives + (l.withinList?.falseNegatives ?? 0), lookup)
        }
        return out
    }

    static func sideBySide(_ title: String, _ pairs: [RecordPair], total: Int, _ lookup: RecordLookup?) -> String {
        guard !pairs.isEmpty else { return "" }
        var out = "\n\(title) (\(pairs.count) of \(total)):\n"
        let labels = RecordLookup.roles.map(\.rawValue)
        for p in pairs {
            let a = lookup?.fields(p.left), b = lookup?.fields(p.right)
            let width = max(28, p.left.description.count, (a ?? []).map(\.count).max() ?? 0)
            out += "  " + "".padding(toLength: 12, withPad: " ", startingAt: 0)
                + p.left.description.padding(toLength: width, withPad: " ", startingAt: 0) + " | " + p.right.description + "\n"
            if a == nil && b == nil { continue }
            for (i, label) in labels.enumerated() {
                let x = a?[i] ?? "?", y = b?[i] ?? "?"
                let mark = x.uppercased() == y.uppercased() ? " " : "*"
                out += " " + mark + label.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + x.padding(toLength: width, withPad: " ", startingAt: 0) + " | " + y + "\n"
            }
        }
        return out
    }
}
