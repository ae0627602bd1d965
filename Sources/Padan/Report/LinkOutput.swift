import Foundation

/// Writes a link run's results into a directory, atomically: `links.csv`, `review.csv`,
/// `unmatched_*.csv`, `rejected.csv`, `clusters.csv` (when clusters are given), `model.json` and
/// `summary.json` appear together or not at all.
public enum LinkOutput {
    /// Writes `result` into `directory` (replacing an existing one only when `force`), and returns
    /// the summary it wrote.
    @discardableResult
    public static func write(_ result: LinkResult, settings: LinkSettings, to directory: String, force: Bool,
                             clusters: Clusters? = nil, pseudonymizer: Pseudonymizer? = nil,
                             extraStages: [StageTiming] = [], language: ReportLanguage = .indonesian) throws -> LinkSummary {
        var clock = StageClock()
        let out = try OutputDirectory(path: directory, force: force)
        // The files are independent: build them on all threads, write them in order.
        let twoSided = result.tables.count == 2 && result.scope == .link
        var jobs: [(String, () -> [UInt8])] = [
            ("links.csv", { pairsCSV(result.links, result: result) }),
            ("review.csv", { ReviewSheet.csv(result, pseudonymizer: pseudonymizer) }),
        ]
        for (i, table) in result.tables.enumerated() {
            let name = twoSided ? (i == 0 ? "unmatched_left.csv" : "unmatched_right.csv") : "unmatched_\(safeName(table.name)).csv"
            jobs.append((name, { rowsCSV(table, rows: result.unmatched[i], pseudonymizer: pseudonymizer) }))
        }
        jobs.append(("rejected.csv", { rejectedCSV(result.tables, pseudonymizer: pseudonymizer) }))
        if let clusters { jobs.append(("clusters.csv", { clustersCSV(clusters, result: result) })) }
        if settings.keepCandidatePairs { jobs.append(("pairs.csv", { candidatesCSV(result) })) }
        let contents = Parallel.map(count: jobs.count, threads: settings.threads, minChunk: 1) { range in
            range.map { jobs[$0].1() }
        }.flatMap { $0 }
        for (job, bytes) in zip(jobs, contents) { try out.write(job.0, bytes) }
        try ReviewSheet.workbook(result, pseudonymizer: pseudonymizer).write(to: out.temporaryPath + "/review.xlsx")
        try out.write("model.json", json(result.model))
        clock.lap("write")
        // report.html and the data it is made from (padan report DIR rebuilds the page from it).
        let estimate = ErrorEstimate(result: result, threshold: settings.threshold, reviewThreshold: settings.reviewThreshold)
        let report = ReportData(result: result, settings: settings, estimate: estimate, clusters: clusters, pseudonymizer: pseudonymizer)
        try out.write(ReportData.fileName, report.encoded())
        try out.write(HTMLReport.fileName, HTMLReport.render(report, language: language))
        clock.lap("report")
        let summary = LinkSummary(result: result, settings: settings, clusters: clusters, extraStages: extraStages + clock.timings)
        guard summary.accountingHolds else {
            throw PadanError(.internalError, "row accounting failed: rows read ≠ linked + unmatched + rejected (\(summary.lists.map { "\($0.name): \($0.rowsRead) ≠ \($0.linked) + \($0.unmatched) + \($0.rejected)" }.joined(separator: "; ")))")
        }
        try out.write("summary.json", json(summary))
        try out.commit()
        return summary
    }

    /// Fails early (before any work) when `directory` exists and may not be replaced.
    public static func checkDestination(_ directory: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        if !isDirectory.boolValue {
            throw PadanError(.usage, file: directory, "the output path exists and is not a directory")
        }
        if !force { throw PadanError(.usage, file: directory, "the output directory exists", setting: "force") }
    }

    static func safeName(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    static func json<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(value)) + [10]
    }

    static func pairsCSV(_ pairs: [ScoredPair], result: LinkResult) -> [UInt8] {
        var w = CSVWriter(capacity: pairs.count * 160 + 256)
        var header = ["left_id", "right_id", "match_probability", "match_weight"]
        for c in result.model.comparisons { header += ["\(c.name)_level", "\(c.name)_weight"] }
        header += ["blocking_rule", "left_source", "right_source"]
        w.row(header)
        for p in pairs {
            idField(&w, result.tables[p.left.list], p.left.row)
            idField(&w, result.tables[p.right.list], p.right.row)
            w.field(p.probability, decimals: 6)
            w.field(p.weight, decimals: 3)
            for (k, c) in result.model.comparisons.enumerated() {
                w.field(p.levels[k].map { c.levels[$0] } ?? "null")
                w.field(p.weights[k], decimals: 3)
            }
            w.field(p.rule)
            w.field(result.tables[p.left.list].name)
            w.field(result.tables[p.right.list].name)
            w.endRow()
        }
        return w.bytes
    }

    /// A row's id straight from the id column's bytes (or its ordinal).
    @inline(__always)
    static func idField(_ w: inout CSVWriter, _ table: Table, _ row: Int) {
        guard let index = table.roles[.id] else {
            w.field(Int(table.ordinals[row]))
            return
        }
        table.columns[index].withUnsafeBuffers { bytes, offsets in
            w.field(UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])]))
        }
    }

    static func candidatesCSV(_ result: LinkResult) -> [UInt8] {
        var w = CSVWriter(capacity: result.candidates.count * 64 + 64)
        w.row(["left_id", "right_id", "match_probability", "blocking_rule", "left_source", "right_source"])
        for p in result.candidates {
            idField(&w, result.tables[p.left.list], p.left.row)
            idField(&w, result.tables[p.right.list], p.right.row)
            w.field(p.probability, decimals: 6)
            w.field(p.rule)
            w.field(result.tables[p.left.list].name)
            w.field(result.tables[p.right.list].name)
            w.endRow()
        }
        return w.bytes
    }

    static func clustersCSV(_ clusters: Clusters, result: LinkResult) -> [UInt8] {
        var w = CSVWriter(capacity: result.tables.reduce(0) { $0 + $1.rowCount } * 40 + 64)
        w.row(["source", "id", "cluster_id", "cluster_size"])
        for (c, group) in clusters.members.enumerated() {
            for member in group {
                let table = result.tables[member.list]
                w.field(table.name)
                idField(&w, table, member.row)
                w.field(clusters.ids[c])
                w.field(group.count)
                w.endRow()
            }
        }
        return w.bytes
    }

    static func rowsCSV(_ table: Table, rows: [Int], pseudonymizer: Pseudonymizer? = nil) -> [UInt8] {
        var w = CSVWriter(capacity: rows.count * 128 + 256)
        w.row(table.columnNames)
        let hidden = Set([table.roles[.nik], table.roles[.kk]].compactMap { $0 })
        for r in rows {
            for (c, column) in table.columns.enumerated() {
                if let pseudonymizer, hidden.contains(c) {
                    w.field(pseudonymizer.pseudonym(column[r]))
                    continue
                }
                column.withUnsafeBuffers { bytes, offsets in
                    w.field(UnsafeBufferPointer(rebasing: bytes[Int(offsets[r]) ..< Int(offsets[r + 1])]))
                }
            }
            w.endRow()
        }
        return w.bytes
    }

    static func rejectedCSV(_ tables: [Table], pseudonymizer: Pseudonymizer? = nil) -> [UInt8] {
        var w = CSVWriter()
        w.row(["source", "file", "line", "reason", "fields"])
        for t in tables {
            for r in t.rejected {
                // A rejected row's columns may be shifted: hide every field that looks like a number.
                let fields = r.fields.map { f in
                    pseudonymizer.map { Pseudonymizer.looksLikeNumber(f) ? $0.pseudonym(Array(f.utf8)) : f } ?? f
                }
                w.row([r.source, t.path, String(r.line), r.reason, fields.joined(separator: " | ")])
            }
        }
        return w.bytes
    }
}
