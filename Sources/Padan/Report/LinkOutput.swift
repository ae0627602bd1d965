import Foundation

/// Writes a link run's results into a directory, atomically: `links.csv`, `review.csv`,
/// `unmatched_<list>.csv`, `rejected.csv`, `clusters.csv` (when clusters are given), `hasil.xlsx`,
/// `review.xlsx`, `model.json` and `summary.json` appear together or not at all.
public enum LinkOutput {
    /// How the outputs are written.
    public struct Options: Sendable {
        /// The language of `hasil.xlsx`, the review sheet and the printed summary.
        public var language: OutputLanguage = .indonesian
        /// The CSV files' dialect.
        public var csvDialect: CSVDialect = .standard
        /// Writes NIK and KK as keyed pseudonyms in every output.
        public var pseudonymizer: Pseudonymizer?
        /// How the run was made, for `summary.json` (input checksums are added on writing).
        public var run: RunRecord?
        /// 1 for the engine's result; `apply-review` writes the next.
        public var revision = 1
        /// Review decisions applied to this revision.
        public var decisionsApplied = 0
        /// The fingerprint to record; computed from the result when `nil` (a reviewed revision
        /// keeps its engine result's fingerprint).
        public var fingerprint: String?
        /// Extra files to write into the directory with the others (name, bytes).
        public var extraFiles: [(String, [UInt8])] = []
        /// Told as writing starts and as each file is done (``LinkProgress``); nil for none.
        public var progress: (@Sendable (LinkProgress) -> Void)?

        public init(language: OutputLanguage = .indonesian, csvDialect: CSVDialect = .standard,
                    pseudonymizer: Pseudonymizer? = nil, run: RunRecord? = nil) {
            self.language = language
            self.csvDialect = csvDialect
            self.pseudonymizer = pseudonymizer
            self.run = run
        }
    }

    /// The CSV file of a list's unmatched rows.
    public static func unmatchedFile(_ list: String) -> String { "unmatched_\(safeName(list)).csv" }

    /// Writes `result` into `directory` (replacing an existing one only when `force`), and returns
    /// the summary it wrote.
    @discardableResult
    public static func write(_ result: LinkResult, settings: LinkSettings, to directory: String, force: Bool,
                             clusters given: Clusters? = nil, options: Options = Options(),
                             extraStages: [StageTiming] = []) throws -> LinkSummary {
        var clock = StageClock(progress: options.progress)
        clock.announce("write")
        let out = try OutputDirectory(path: directory, force: force)
        let pseudonymizer = options.pseudonymizer, dialect = options.csvDialect
        // The input files' checksums, read while the outputs are built.
        var run = options.run
        let files = result.tables.map(\.path)
        let modelJSON = try json(result.model)
        let fingerprint = options.fingerprint ?? Self.fingerprint(result, model: modelJSON)
        let csvNames = ["links.csv", "review.csv"] + result.tables.map { unmatchedFile($0.name) } + ["rejected.csv", "clusters.csv"]
            + (settings.keepCandidatePairs ? ["pairs.csv"] : [])
        let names = csvNames + ["hasil.xlsx", "review.xlsx", HTMLReport.fileName, ReportData.fileName, "model.json", "summary.json"]
            + options.extraFiles.map(\.0)
        let words = options.language.words
        let temporary = out.temporaryPath
        // The files are independent, and each is written straight into the output as it is made:
        // the CSV files streamed through a megabyte's buffer, the workbooks piece by piece. The
        // files that need no clusters start first, one task each, and run while this thread
        // makes the clusters, the headline and the error estimate; then the results workbook,
        // much the longest, spreads over every thread on its own, and the rest run beside it.
        var early: [(String, () throws -> [UInt8])] = [
            ("review.xlsx", {
                try ReviewSheet.workbook(result, settings: settings, words: words, fingerprint: fingerprint,
                                         pseudonymizer: pseudonymizer).write(to: temporary + "/review.xlsx")
                return []
            }),
            ("links.csv", {
                try out.stream("links.csv", dialect: dialect) { pairsCSV(result.links, result: result, pseudonymizer: pseudonymizer, into: &$0) }
                return []
            }),
            ("review.csv", {
                try out.stream("review.csv", dialect: dialect) { ReviewSheet.csv(result, fingerprint: fingerprint, pseudonymizer: pseudonymizer, into: &$0) }
                return []
            }),
        ]
        for (i, table) in result.tables.enumerated() {
            let name = unmatchedFile(table.name)
            early.append((name, {
                try out.stream(name, dialect: dialect) { rowsCSV(table, rows: result.unmatched[i], pseudonymizer: pseudonymizer, into: &$0) }
                return []
            }))
        }
        early.append(("rejected.csv", {
            try out.stream("rejected.csv", dialect: dialect) { rejectedCSV(result.tables, pseudonymizer: pseudonymizer, into: &$0) }
            return []
        }))
        if settings.keepCandidatePairs {
            early.append(("pairs.csv", {
                try out.stream("pairs.csv", dialect: dialect) { candidatesCSV(result, into: &$0) }
                return []
            }))
        }
        let firstChecksum = early.count
        for file in files where run != nil {
            early.append(("", { Array(try RunRecord.sha256(file: file).utf8) }))
        }
        var made: (clusters: Clusters, estimate: ErrorEstimate?)?
        var late: [(String, () throws -> [UInt8])] = []
        let meter = clock.meter(total: early.count + 3)
        let finished = try Self.run(early.map(\.1), threads: settings.threads, meter: meter) {
            let clusters = given ?? Clusters(result: result, maxSize: settings.maxClusterSize)
            if given == nil { clock.lap("clusters") }
            let headline = ResultHeadline(result: result, clusters: clusters)
            // The label-free error estimate, for the summary, the workbook and the report.
            let estimate = ErrorEstimate(result: result, threshold: settings.threshold, reviewThreshold: settings.reviewThreshold)
            made = (clusters, estimate)
            late = [
                ("hasil.xlsx", {
                    try ResultWorkbook(result: result, settings: settings, clusters: clusters, headline: headline, estimate: estimate,
                                       words: words, fingerprint: fingerprint, files: names, pseudonymizer: pseudonymizer)
                        .writer.write(to: temporary + "/hasil.xlsx")
                    return []
                }),
                // report.html and the data it is made from (padan report DIR rebuilds the page from it).
                (HTMLReport.fileName, {
                    let report = ReportData(result: result, settings: settings, estimate: estimate, clusters: clusters,
                                            pseudonymizer: pseudonymizer)
                    try out.write(ReportData.fileName, report.encoded())
                    try out.write(HTMLReport.fileName, HTMLReport.render(report, language: options.language))
                    return []
                }),
                ("clusters.csv", {
                    try out.stream("clusters.csv", dialect: dialect) { clustersCSV(clusters, result: result, into: &$0) }
                    return []
                }),
            ]
            return late.map(\.1)
        }
        let (clusters, estimate) = made!
        let jobs = early + late
        let contents = finished.map(\.bytes)
        if run != nil {
            run!.inputs = result.tables.indices.map { i in
                let size = (try? FileManager.default.attributesOfItem(atPath: files[i])[.size] as? Int) ?? 0
                return RunRecord.Input(list: result.tables[i].name, file: files[i], bytes: size,
                                       sha256: String(decoding: contents[firstChecksum + i], as: UTF8.self))
            }
            run!.finishedAt = ISO8601DateFormatter().string(from: Date())
        }
        var summary = LinkSummary(result: result, settings: settings, clusters: clusters, extraStages: extraStages,
                                  language: options.language)
        summary.run = run
        summary.fingerprint = fingerprint
        summary.revision = options.revision
        summary.reviewDecisionsApplied = options.decisionsApplied
        summary.directory = directory
        summary.outputFiles = names
        summary.errorEstimate = estimate
        summary.fileSeconds = zip(jobs, finished).filter { !$0.0.0.isEmpty }.map { StageTiming(stage: $0.0.0, seconds: $0.1.seconds) }
        guard summary.accountingHolds else {
            throw PadanError(.internalError, "row accounting failed: rows read ≠ linked + unmatched + rejected (\(summary.lists.map { "\($0.name): \($0.rowsRead) ≠ \($0.linked) + \($0.unmatched) + \($0.rejected)" }.joined(separator: "; ")))")
        }
        try out.write("model.json", modelJSON)
        for (name, bytes) in options.extraFiles { try out.write(name, bytes) }
        clock.lap("write")
        summary.stages += clock.timings
        summary.totalSeconds = summary.stages.reduce(0) { $0 + $1.seconds }
        try out.write("summary.json", json(summary))
        try out.commit()
        return summary
    }

    /// Runs `early` concurrently, and beside them `then` on the calling thread, which returns
    /// the late jobs, which run next (the first on the calling thread, the others as tasks of
    /// their own); waits for all, and returns each job's bytes and wall seconds, early ones then
    /// late ones, in order. Rethrows the first job's error in that order. With one thread,
    /// everything runs one after another: the early jobs, `then`, the late ones.
    ///
    /// A job may spread its own work over the threads (`DispatchQueue.concurrentPerform`), which
    /// Dispatch runs one iteration at a time when it is nested in another `concurrentPerform`:
    /// so the first late job (the longest) runs on the calling thread, not in a task.
    static func run(_ early: [() throws -> [UInt8]], threads: Int, meter: ProgressMeter? = nil,
                    then: () throws -> [() throws -> [UInt8]] = { [] }) throws -> [(bytes: [UInt8], seconds: Double)] {
        final class Slots: @unchecked Sendable {
            let lock = NSLock()
            var done: [Int: Result<([UInt8], Double), any Error>] = [:]
        }
        let slots = Slots()
        // Each job runs once, on one thread; its captures are its own or read-only.
        func timed(_ jobs: [() throws -> [UInt8]], from first: Int) -> [UnsafeSendable<(Int) -> Void>] {
            jobs.map { job in
                let job = UnsafeSendable(job)
                return UnsafeSendable({ (i: Int) in
                    let start = DispatchTime.now().uptimeNanoseconds
                    let result = Result { try job.value() }.map { ($0, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
                    slots.lock.withLock { slots.done[first + i] = result }
                    meter?.add(1)
                })
            }
        }
        let group = DispatchGroup()
        func start(_ jobs: [UnsafeSendable<(Int) -> Void>], onThisThread first: Bool) {
            for i in jobs.indices {
                let job = jobs[i]
                if threads == 1 || (first && i == 0) { continue }
                DispatchQueue.global().async(group: group) { job.value(i) }
            }
            if threads == 1 {
                for (i, job) in jobs.enumerated() { job.value(i) }
            } else if first, let job = jobs.first {
                job.value(0)
            }
        }
        start(timed(early, from: 0), onThisThread: false)
        let late: [() throws -> [UInt8]]
        do { late = try then() } catch {
            group.wait()
            throw error
        }
        start(timed(late, from: early.count), onThisThread: true)
        group.wait()
        return try (0 ..< early.count + late.count).map { try slots.done[$0]!.get() }.map { (bytes: $0.0, seconds: $0.1) }
    }

    /// `links.csv` as ``write(_:settings:to:force:clusters:options:extraStages:)`` writes it, in
    /// memory (for the C interface).
    package static func linksCSV(_ result: LinkResult) -> [UInt8] {
        var w = CSVWriter()
        pairsCSV(result.links, result: result, into: &w)
        return w.bytes
    }

    /// `clusters.csv`, in memory.
    package static func clustersCSV(_ clusters: Clusters, result: LinkResult) -> [UInt8] {
        var w = CSVWriter()
        clustersCSV(clusters, result: result, into: &w)
        return w.bytes
    }

    /// The fingerprint ``write(_:settings:to:force:clusters:options:extraStages:)`` records for
    /// `result`: the first 16 hex digits of a SHA-256 over its model and its link and review pairs.
    public static func fingerprint(_ result: LinkResult) throws -> String {
        fingerprint(result, model: try json(result.model))
    }

    /// The first 16 hex digits of a SHA-256 over the model and every link and review pair (by
    /// list and id): two results share it only when they are the same engine result.
    static func fingerprint(_ result: LinkResult, model: [UInt8]) -> String {
        var hash = SHA256Digest()
        hash.update(model)
        // One line per pair, `tag US list US id US list US id LF`, hashed 64 KiB at a time (the
        // digest of the whole is the same however it is cut).
        let names = result.tables.map { Array($0.name.utf8) }, ids = result.tables.map(RecordIDs.init)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16 + 4096)
        func put(_ ref: RowRef) {
            buffer.append(0x1F)
            buffer.append(contentsOf: names[ref.list])
            buffer.append(0x1F)
            ids[ref.list].append(ref.row, to: &buffer)
        }
        for (tag, pairs) in [(UInt8(ascii: "L"), result.links), (UInt8(ascii: "R"), result.review)] {
            for p in pairs {
                buffer.append(tag)
                put(p.left)
                put(p.right)
                buffer.append(10)
                if buffer.count >= 1 << 16 {
                    hash.update(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        hash.update(buffer)
        return SHA256Digest.hex(hash.finalize().prefix(8))
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

    package static func json<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return Array(try encoder.encode(value)) + [10]
    }

    /// The key fields of each record in `links.csv`, after the ids.
    package static let keyRoles: [Role] = [.name, .nik, .birthDate, .village]

    /// `links.csv`: ordered by the left record's list and row, then the right's; each record's
    /// key fields beside its id, so the file can be read without joining back to the inputs.
    static func pairsCSV(_ pairs: [ScoredPair], result: LinkResult, pseudonymizer: Pseudonymizer? = nil,
                         into w: inout CSVWriter) {
        var header = ["left_id", "right_id", "match_probability", "match_weight"]
        for side in ["left", "right"] { header += keyRoles.map { "\(side)_\($0.rawValue)" } }
        for c in result.model.comparisons { header += ["\(c.name)_level", "\(c.name)_weight"] }
        header += ["blocking_rule", "left_source", "right_source"]
        w.row(header)
        let keys = pairs.map { (left: $0.left, right: $0.right) }
        let order = keys.indices.sorted {
            let a = keys[$0], b = keys[$1]
            return (a.left.list, a.left.row, a.right.list, a.right.row) < (b.left.list, b.left.row, b.right.list, b.right.row)
        }
        // Everything a row needs that does not change from row to row, looked up once: a row
        // then copies no table and no comparison, and looks up no role by name.
        let tables = result.tables
        let roleColumns = tables.map { t in keyRoles.map { t.column($0) } }
        let levelNames = result.model.comparisons.map { $0.levels }
        let names = tables.map(\.name)
        let idColumns = tables.map { $0.column(.id) }, ordinals = tables.map(\.ordinals)
        for i in order {
            let p = pairs[i]
            idField(&w, idColumns[p.left.list], ordinals[p.left.list], p.left.row)
            idField(&w, idColumns[p.right.list], ordinals[p.right.list], p.right.row)
            w.field(p.probability, decimals: 6)
            w.field(p.weight, decimals: 3)
            for side in 0 ..< 2 {
                let ref = side == 0 ? p.left : p.right
                for (r, role) in keyRoles.enumerated() {
                    roleField(&w, roleColumns[ref.list][r], identity: role == .nik || role == .kk, ref.row, pseudonymizer: pseudonymizer)
                }
            }
            for k in levelNames.indices {
                if let level = p.levels[k] { w.field(levelNames[k][level]) } else { w.field("null") }
                w.field(p.weights[k], decimals: 3)
            }
            w.field(p.rule)
            w.field(names[p.left.list])
            w.field(names[p.right.list])
            w.endRow()
        }
    }

    /// A record's value for `role` (empty when the list has no such column); NIK and KK as
    /// identity fields, pseudonymized when asked.
    @inline(__always)
    static func roleField(_ w: inout CSVWriter, _ table: Table, _ role: Role, _ row: Int, pseudonymizer: Pseudonymizer?) {
        guard let index = table.roles[role] else {
            w.field("")
            return
        }
        roleField(&w, table.columns[index], identity: role == .nik || role == .kk, row, pseudonymizer: pseudonymizer)
    }

    /// Row `row` of `column` (empty when the list has no such column), as ``roleField(_:_:_:_:pseudonymizer:)`` writes it.
    @inline(__always)
    static func roleField(_ w: inout CSVWriter, _ column: ByteColumn?, identity: Bool, _ row: Int, pseudonymizer: Pseudonymizer?) {
        guard let column else {
            w.field("")
            return
        }
        if identity, let pseudonymizer {
            w.field(pseudonymizer.pseudonym(column[row]))
            return
        }
        column.withUnsafeBuffers { bytes, offsets in
            let value = UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])])
            if identity { w.identityField(value) } else { w.field(value) }
        }
    }

    /// A row's id straight from the id column's bytes (or its ordinal).
    @inline(__always)
    static func idField(_ w: inout CSVWriter, _ table: Table, _ row: Int) {
        idField(&w, table.column(.id), table.ordinals, row)
    }

    /// Row `row`'s id from `column`, or its ordinal without one: for loops that look the
    /// column up once.
    @inline(__always)
    static func idField(_ w: inout CSVWriter, _ column: ByteColumn?, _ ordinals: [Int32], _ row: Int) {
        guard let column else {
            w.field(Int(ordinals[row]))
            return
        }
        column.withUnsafeBuffers { bytes, offsets in
            w.field(UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])]))
        }
    }

    static func candidatesCSV(_ result: LinkResult, into w: inout CSVWriter) {
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
    }

    static func clustersCSV(_ clusters: Clusters, result: LinkResult, into w: inout CSVWriter) {
        w.row(["source", "id", "cluster_id", "cluster_size"])
        let tables = result.tables, names = tables.map(\.name)
        let idColumns = tables.map { $0.column(.id) }, ordinals = tables.map(\.ordinals)
        for (c, group) in clusters.members.enumerated() {
            for member in group {
                w.field(names[member.list])
                idField(&w, idColumns[member.list], ordinals[member.list], member.row)
                w.field(clusters.ids[c])
                w.field(group.count)
                w.endRow()
            }
        }
    }

    static func rowsCSV(_ table: Table, rows: [Int], pseudonymizer: Pseudonymizer? = nil, into w: inout CSVWriter) {
        w.row(table.columnNames)
        let hiddenSet = Set([table.roles[.nik], table.roles[.kk]].compactMap { $0 })
        let hidden = table.columns.indices.map { hiddenSet.contains($0) }
        let columns = table.columns
        for r in rows {
            for (c, column) in columns.enumerated() {
                if let pseudonymizer, hidden[c] {
                    w.field(pseudonymizer.pseudonym(column[r]))
                    continue
                }
                column.withUnsafeBuffers { bytes, offsets in
                    let value = UnsafeBufferPointer(rebasing: bytes[Int(offsets[r]) ..< Int(offsets[r + 1])])
                    if hidden[c] { w.identityField(value) } else { w.field(value) }
                }
            }
            w.endRow()
        }
    }

    static func rejectedCSV(_ tables: [Table], pseudonymizer: Pseudonymizer? = nil, into w: inout CSVWriter) {
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
    }
}
