import Foundation

/// The files that describe a register addition or match, written into a directory that appears
/// whole or not at all:
/// - `people.csv`: every new record with its person id and whether that person was known;
/// - `links.csv`, `review.csv`: the links and review pairs with a new record, as `padan link` writes them;
/// - `unmatched_<list>.csv`: the new records of people the register did not know, with all their columns;
/// - `changes.csv`: the people merged and the records moved between people;
/// - `rejected.csv`: the rows that could not be read;
/// - `summary.json`: the counts;
/// - `hasil.xlsx` and `review.xlsx`: the results workbook and the review sheet, as `padan link`
///   writes them for the added list(s) and the register's records they link to (see ``view(_:)``).
public enum RegisterOutput {
    /// The counts in `summary.json`.
    public struct Summary: Sendable, Codable {
        public var register: String
        public var committed: Bool
        public var lists: [String]
        public var recordsRead: Int
        public var rejected: Int
        public var knownPeopleRecords: Int
        public var newPeople: Int
        public var newPeopleRecords: Int
        public var links: Int
        public var review: Int
        public var merges: [RegisterChange.Merge]
        public var splits: [RegisterChange.Split]
        public var retrained: Bool
        public var refusedLinks: Int
    }

    public static func summary(_ change: RegisterChange, register: String) -> Summary {
        let new = change.firstNewList ..< change.result.tables.count
        var known = 0, read = 0
        for l in new {
            let n = change.result.tables[l].rowCount
            read += n
            known += (0 ..< n).filter { change.isKnown(list: l, row: $0) }.count
        }
        return Summary(register: register, committed: change.committed, lists: change.lists, recordsRead: read,
                       rejected: new.reduce(0) { $0 + change.result.tables[$1].rejected.count },
                       knownPeopleRecords: known, newPeople: change.newPeople, newPeopleRecords: read - known,
                       links: change.links.count, review: change.review.count, merges: change.merges, splits: change.splits,
                       retrained: change.retrained, refusedLinks: change.refusedLinks)
    }

    /// Writes the files for `change` into `directory` (replacing it only when `force`).
    @discardableResult
    public static func write(_ change: RegisterChange, register: String, to directory: String, force: Bool,
                             settings: LinkSettings, language: OutputLanguage = .indonesian,
                             dialect: CSVDialect = .standard, pseudonymizer: Pseudonymizer? = nil) throws -> Summary {
        let out = try OutputDirectory(path: directory, force: force)
        // The workbooks, over the added records and the held ones they link to.
        let view = view(change)
        let clusters = Clusters(result: view, maxSize: settings.maxClusterSize)
        let headline = ResultHeadline(result: view, clusters: clusters)
        let fingerprint = LinkOutput.fingerprint(view, model: try LinkOutput.json(view.model))
        let names = ["people.csv", "links.csv", "review.csv"] + view.tables[change.firstNewList...].map { LinkOutput.unmatchedFile($0.name) }
            + ["changes.csv", "rejected.csv", "summary.json", "hasil.xlsx", "review.xlsx"]
        try ResultWorkbook(result: view, settings: settings, clusters: clusters, headline: headline, estimate: nil,
                           words: language.words, fingerprint: fingerprint, files: names, pseudonymizer: pseudonymizer)
            .writer.write(to: out.temporaryPath + "/hasil.xlsx")
        try ReviewSheet.workbook(view, settings: settings, words: language.words, fingerprint: fingerprint,
                                 pseudonymizer: pseudonymizer).write(to: out.temporaryPath + "/review.xlsx")
        let result = change.result
        let new = Array(change.firstNewList ..< result.tables.count)
        try out.stream("people.csv", dialect: dialect) { w in
            w.row(["list", "id", "line", "person_id", "person_known", "nik", "name", "birth_date", "village"])
            for l in new {
                let t = result.tables[l]
                let roles: [Role] = [.nik, .name, .birthDate, .village]
                let columns = roles.map { t.column($0) }
                let ids = t.column(.id)
                for r in 0 ..< t.rowCount {
                    w.field(t.name)
                    LinkOutput.idField(&w, ids, t.ordinals, r)
                    w.field(Int(t.lineNumbers[r]))
                    w.field(Int(change.person(list: l, row: r)))
                    w.field(change.isKnown(list: l, row: r) ? "yes" : "no")
                    for (k, c) in columns.enumerated() {
                        LinkOutput.roleField(&w, c, identity: roles[k] == .nik, r, pseudonymizer: pseudonymizer)
                    }
                    w.endRow()
                }
            }
        }
        try out.stream("links.csv", dialect: dialect) { LinkOutput.pairsCSV(change.links, result: result, pseudonymizer: pseudonymizer, into: &$0) }
        try out.stream("review.csv", dialect: dialect) { LinkOutput.pairsCSV(change.review, result: result, pseudonymizer: pseudonymizer, into: &$0) }
        for l in new {
            let t = result.tables[l]
            let rows = (0 ..< t.rowCount).filter { !change.isKnown(list: l, row: $0) }
            try out.stream(LinkOutput.unmatchedFile(t.name), dialect: dialect) {
                LinkOutput.rowsCSV(t, rows: rows, pseudonymizer: pseudonymizer, into: &$0)
            }
        }
        try out.stream("changes.csv", dialect: dialect) { w in
            w.row(["change", "person_id", "other_person_id", "records"])
            for m in change.merges { w.row(["merge", String(m.into), String(m.merged), ""]) }
            for s in change.splits { w.row(["split", String(s.to), String(s.from), String(s.records)]) }
        }
        try out.stream("rejected.csv", dialect: dialect) {
            LinkOutput.rejectedCSV(new.map { result.tables[$0] }, pseudonymizer: pseudonymizer, into: &$0)
        }
        let summary = summary(change, register: register)
        try out.write("summary.json", try LinkOutput.json(summary))
        try out.commit()
        return summary
    }

    /// What an addition did, as a result of its own: the added lists (all their records) and,
    /// before them, each held list with only its records that a link or a review pair joins to
    /// an added record. The results workbook of this view has the added records linked to the
    /// register ("in both lists"), the added doubles, the added records of people new to the
    /// register ("only in"), and the pairs to review.
    static func view(_ change: RegisterChange) -> LinkResult {
        let result = change.result, firstNew = change.firstNewList
        var rows = [Set<Int>](repeating: [], count: firstNew)
        for p in change.links + change.review {
            for ref in [p.left, p.right] where ref.list < firstNew { rows[ref.list].insert(ref.row) }
        }
        let held = (0 ..< firstNew).filter { !rows[$0].isEmpty }
        let sortedRows = held.map { rows[$0].sorted() }
        var position: [RowRef: RowRef] = [:]
        for (i, l) in held.enumerated() {
            for (j, r) in sortedRows[i].enumerated() { position[RowRef(list: l, row: r)] = RowRef(list: i, row: j) }
        }
        let tables = held.enumerated().map { result.tables[$1].subset(rows: sortedRows[$0]) } + result.tables[firstNew...]
        func moved(_ ref: RowRef) -> RowRef {
            ref.list >= firstNew ? RowRef(list: ref.list - firstNew + held.count, row: ref.row) : position[ref]!
        }
        func remap(_ pairs: [ScoredPair]) -> [ScoredPair] {
            pairs.map { p in
                var q = p
                let (a, b) = (moved(p.left), moved(p.right))
                (q.left, q.right) = a < b ? (a, b) : (b, a)
                return q
            }
        }
        let links = remap(change.links), review = remap(change.review)
        var view = LinkResult(tables: tables, links: links, review: review, model: result.model, blocking: result.blocking,
                              candidatePairs: result.candidatePairs, timings: result.timings,
                              unmatched: Resolution.unmatched(links, listSizes: tables.map(\.rowCount)))
        view.scope = .linkAndDedupe
        return view
    }
}
