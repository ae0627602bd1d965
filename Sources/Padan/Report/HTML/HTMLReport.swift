import Foundation
import Mustache

/// Writes `report.html`: one self-contained page (inline CSS, SVG and a little JavaScript, a
/// Content-Security-Policy that forbids every network request) from a ``ReportData``.
///
/// The page is a Mustache template (``ReportTemplate``) filled with the data's numbers in words
/// of the chosen language; the charts are SVG drawn here (``SVGChart``); the pairs for the search
/// and the waterfall travel as JSON inside the page.
///
/// - Complexity: linear in the sampled pairs; a 200k × 200k result renders in tens of milliseconds.
public enum HTMLReport {
    /// The page's file name in a result directory.
    public static let fileName = "report.html"

    /// The page for `data`, in `language`.
    public static func render(_ data: ReportData, language: OutputLanguage = .indonesian) throws -> [UInt8] {
        let template = try MustacheTemplate(string: ReportTemplate.page)
        let html = template.render(context(data, language))
        return Array(html.utf8)
    }

    /// Rebuilds `report.html` in a result directory from its `report-data.json`, replacing the
    /// page atomically (written beside it, then renamed). With `reviewSheet` (a filled review
    /// sheet), the estimates are first corrected with its decisions and `report-data.json` keeps
    /// the correction. Returns the correction, if one was made.
    @discardableResult
    public static func rebuild(directory: String, language: OutputLanguage = .indonesian, reviewSheet: String? = nil) throws -> ReviewCalibration? {
        var data = try ReportData.load(directory: directory)
        var calibration: ReviewCalibration? = nil
        if let reviewSheet {
            calibration = try data.correct(withReviewSheet: reviewSheet)
            try replace(directory + "/" + ReportData.fileName, with: data.encoded())
        }
        try replace(directory + "/" + fileName, with: render(data, language: language))
        return calibration
    }

    /// Writes `bytes` beside `path`, then renames it over `path`.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let directory = (path as NSString).deletingLastPathComponent, fileName = (path as NSString).lastPathComponent
        let temporary = directory + "/.\(fileName).padan-tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw PadanError(.usage, file: temporary, "cannot write the report")
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw PadanError(.usage, file: path, "cannot replace the report")
        }
    }


    static func context(_ d: ReportData, _ l: OutputLanguage) -> [String: Any] {
        var t: [String: String] = [:]
        for key in ReportLabels.english.keys { t[key] = l.label(key) }
        var c: [String: Any] = ["t": t, "lang": l.rawValue, "version": d.padanVersion]
        c["csp"] = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
        c["earlyScript"] = ReportTemplate.earlyScript
        c["style"] = ReportTemplate.style
        c["script"] = ReportTemplate.script
        c["linkScope"] = d.scope != "dedupe"
        c["links"] = l.count(d.links)
        c["review"] = l.count(d.review)
        c["candidatePairs"] = l.count(d.candidatePairs)
        c["threshold"] = l.decimal(d.threshold, decimals: 2)
        c["people"] = d.people.map(l.count) as Any
        c["hasPeople"] = d.people != nil
        let duplicates = d.lists.compactMap(\.duplicates).reduce(0, +)
        c["duplicates"] = l.count(duplicates)
        c["hasDuplicates"] = d.lists.contains { $0.duplicates != nil }
        c["lists"] = d.lists.map { list -> [String: Any] in
            ["name": list.name, "rows": l.count(list.rows), "linked": l.count(list.linked), "unmatched": l.count(list.unmatched),
             "rejected": l.count(list.rejected), "duplicates": list.duplicates.map(l.count) ?? "–"]
        }
        if let e = d.estimate {
            func interval(_ i: ErrorEstimate.Interval) -> String {
                "\(l.percent(i.value)) (\(l.percent(i.lower)) – \(l.percent(i.upper)))"
            }
            c["estimate"] = [
                "falseLinks": l.decimal(e.expectedFalseLinks),
                "missed": l.decimal(e.expectedMissedAmongCandidates + e.expectedMissedByBlocking),
                "missedCandidates": l.decimal(e.expectedMissedAmongCandidates),
                "missedBlocking": l.decimal(e.expectedMissedByBlocking),
                "precision": interval(e.precision), "recall": interval(e.recall), "f1": interval(e.f1),
                "blockingLoss": e.captureRecapture.method == .notEstimable
                    ? l.label("blocking_loss_not_estimated")
                    : l.percent(e.blockingLossRate, decimals: 3) + " (" + fill(l.label("blocking_loss_of"), [
                        l.decimal(e.captureRecapture.unseen), l.decimal(e.captureRecapture.lower), l.decimal(e.captureRecapture.upper)]) + ")",
            ] as [String: Any]
            c["cutoffs"] = e.cutoffs.map { row -> [String: Any] in
                ["threshold": l.decimal(row.threshold, decimals: 3), "links": l.count(row.links),
                 "falseLinks": l.decimal(row.expectedFalseLinks), "missed": l.decimal(row.expectedMissed),
                 "precision": l.percent(row.precision), "recall": l.percent(row.recall), "f1": l.percent(row.f1),
                 "review": l.count(row.reviewPairs), "current": row.threshold == d.threshold,
                 "best": row.threshold == e.fewestErrorsThreshold]
            }
            c["recommendation"] = recommendation(e, threshold: d.threshold, l)
            if let r = e.review, r.decided > 0 {
                c["reviewNote"] = fill(l.label("review_calibrated"), [l.count(r.decided), l.decimal(r.decidedExpectedByModel), l.count(r.decidedMatches)])
            }
        }
        if let p = d.profile {
            c["histogram"] = SVGChart.histogram(p, threshold: d.threshold, reviewThreshold: d.reviewThreshold, title: l.label("histogram_title"),
                                                labels: (l.label("weight"), l.label("pairs"), l.label("threshold"), l.label("review_band")))
        }
        // A joint run weighs pairs within one list with parameters of their own: both sets shown.
        let within = d.model.comparisonsWithin ?? []
        func charts(_ comparisons: [MatchModel.Comparison], kind: String?) -> [[String: Any]] {
            comparisons.map { comparison in
                let title = kind.map { "\(comparison.name) (\(l.label($0)))" } ?? comparison.name
                return ["name": title, "svg": SVGChart.levels(comparison, title: title, labels: ("m", "u", l.label("weight")))]
            }
        }
        c["comparisons"] = charts(d.model.comparisons, kind: within.isEmpty ? nil : "across_lists") + charts(within, kind: "within_lists")
        c["termFrequency"] = d.termFrequency.map { tf -> [String: Any] in
            ["comparison": tf.comparison, "level": tf.level, "model": l.decimal(tf.modelWeight, decimals: 2),
             "lowest": l.decimal(tf.lowest, decimals: 2), "median": l.decimal(tf.median, decimals: 2),
             "highest": l.decimal(tf.highest, decimals: 2), "pairs": l.count(tf.pairs)]
        }
        c["hasTermFrequency"] = !d.termFrequency.isEmpty
        let captures = Dictionary(d.captures.map { ($0.rule, $0) }, uniquingKeysWith: { a, _ in a })
        c["rules"] = d.blocking.map { r -> [String: Any] in
            ["rule": r.rule, "pairs": l.count(r.pairs), "all": l.count(r.pairsIncludingEarlierRules),
             "oversized": l.count(r.oversizedBlocks), "examples": r.oversizedExamples.joined(separator: "; "),
             "reached": captures[r.rule].map { l.decimal($0.expectedMatches) } ?? "–",
             "only": captures[r.rule].map { l.decimal($0.onlyThisRule) } ?? "–"]
        }
        c["blockingChart"] = SVGChart.bars(d.blocking.map { SVGChart.Bar(label: $0.rule, value: Double($0.pairs)) },
                                           title: l.label("blocking_title"), format: { l.count(Int($0)) })
        if !d.clusterSizes.isEmpty {
            c["clusterChart"] = SVGChart.bars(d.clusterSizes.keys.sorted().map {
                SVGChart.Bar(label: "\($0) \(l.label("records"))", value: Double(d.clusterSizes[$0]!), highlight: $0 > 2)
            }, title: l.label("cluster_sizes"), format: { l.count(Int($0)) })
            c["largestClusters"] = d.largestClusters.map { group -> [String: Any] in
                ["size": group.count, "first": group.first?.name ?? "", "records": group.map(recordContext)]
            }
        }
        c["quality"] = d.quality.keys.sorted().map { name -> [String: Any] in
            let q = d.quality[name]!
            var charts: [String] = []
            if let classes = q.nikClasses {
                charts.append("<h4>\(SVGChart.escape(l.label("nik_classes")))</h4>" + SVGChart.bars(classes.map {
                    SVGChart.Bar(label: $0.nikClass, value: Double($0.count), highlight: $0.nikClass != "valid")
                }, title: l.label("nik_classes"), format: { l.count(Int($0)) }))
            }
            charts.append("<h4>\(SVGChart.escape(l.label("fill_rates")))</h4>" + SVGChart.bars(q.fillRates.map {
                SVGChart.Bar(label: $0.field, value: $0.rate, highlight: $0.rate < 0.9)
            }, title: l.label("fill_rates"), format: { l.percent($0, decimals: 1) }))
            if let formats = q.dateFormats, !formats.isEmpty {
                charts.append("<h4>\(SVGChart.escape(l.label("date_formats")))</h4>" + SVGChart.bars(formats.map {
                    SVGChart.Bar(label: $0.value, value: Double($0.count))
                }, title: l.label("date_formats"), format: { l.count(Int($0)) }))
            }
            if let dup = q.duplicateNIKs {
                charts.append("<p>\(SVGChart.escape(l.label("duplicate_niks"))): \(l.count(dup.records)) (\(l.count(dup.distinct)) \(SVGChart.escape(l.label("distinct"))))</p>")
            }
            return ["name": name, "charts": charts.joined()]
        }
        c["hasQuality"] = !d.quality.isEmpty
        let sampleNote = d.pairsComplete
            ? fill(l.label("sample_note"), [l.count(d.pairs.count)])
            : fill(l.label("sample_note_partial"), [l.count(d.pairs.count), l.count(ReportData.leastCertainLinks),
                                                      l.count(ReportData.maxLinks), l.count(ReportData.maxReviewPairs)])
        c["sampleNote"] = sampleNote
        c["pairData"] = pairJSON(d, l)
        return c
    }

    static func recordContext(_ r: ReportData.Record) -> [String: Any] {
        ["list": r.list, "id": r.id, "name": r.name, "nik": r.nik, "born": r.born, "village": r.village]
    }

    static func recommendation(_ e: ErrorEstimate, threshold: Double, _ l: OutputLanguage) -> String {
        let current = e.cutoffs.first { $0.threshold == threshold }
        let best = e.cutoffs.first { $0.threshold == e.fewestErrorsThreshold }
        guard let current, let best else { return "" }
        let errors = { (c: ErrorEstimate.Cutoff) in c.expectedFalseLinks + c.expectedMissed }
        if best.threshold == threshold || errors(current) - errors(best) < 0.5 {
            return fill(l.label("recommend_same"), [l.decimal(threshold, decimals: 2)])
        }
        return fill(l.label("recommend_other"), [l.decimal(best.threshold, decimals: 3), l.decimal(errors(best)),
                                                 l.decimal(errors(current)), l.decimal(threshold, decimals: 2)])
    }

    /// `template` with each `%@` replaced by the next of `values`.
    static func fill(_ template: String, _ values: [String]) -> String {
        var out = "", rest = Substring(template), i = 0
        while let r = rest.range(of: "%@") {
            out += rest[..<r.lowerBound]
            out += i < values.count ? values[i] : ""
            i += 1
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    /// The pairs and what the waterfall needs to name them, as JSON safe inside a `<script>`.
    /// Written by hand, each pair as an array (`[left, right, probability, weight, levels,
    /// weights, rule, band]`, a record as `[list, id, name, nik, born, village]`): a third of the
    /// size of keyed objects and no encoder in the way.
    static func pairJSON(_ d: ReportData, _ l: OutputLanguage) -> String {
        var out = [UInt8]()
        out.reserveCapacity(d.pairs.count * 180 + 4096)
        func raw(_ s: String) { PairJSON.raw(s, into: &out) }
        func string(_ s: String) { PairJSON.string(s, into: &out) }
        func strings(_ list: [String]) { PairJSON.strings(list, into: &out) }
        raw("{\"comparisons\":")
        strings(d.model.comparisons.map(\.name))
        raw(",\"levels\":[")
        for (i, c) in d.model.comparisons.enumerated() { if i > 0 { raw(",") }; strings(c.levels) }
        raw("],\"prior\":")
        PairJSON.number(ReportData.round(d.model.priorWeight, 3), into: &out)
        raw(",\"threshold\":")
        PairJSON.number(d.threshold, into: &out)
        raw(",\"labels\":{")
        let labels = ["prior", "total", "probability", "no_evidence", "no_results", "name", "born", "village", "id", "rule", "weight", "links", "review_band"]
        for (i, key) in labels.enumerated() {
            if i > 0 { raw(",") }
            string(key)
            raw(":")
            string(l.label(key))
        }
        raw("},\"pairs\":")
        PairJSON.pairs(d.pairs, into: &out)
        raw("}")
        return String(decoding: out, as: UTF8.self)
    }
}
