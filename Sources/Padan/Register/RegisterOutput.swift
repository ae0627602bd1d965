import Foundation

/// The files that describe a register addition or match, written into a directory that appears
/// whole or not at all:
/// - `people.csv`: every new record with its person id and whether that person was known;
/// - `links.csv`, `review.csv`: the links and review pairs with a new record, as `padan link` writes them;
/// - `unmatched_<list>.csv`: the new records of people the register did not know, with all their columns;
/// - `changes.csv`: the people merged and the records moved between people;
/// - `rejected.csv`: the rows that could not be read;
/// - `summary.json`: the counts.
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
                             dialect: CSVDialect = .standard, pseudonymizer: Pseudonymizer? = nil) throws -> Summary {
        let out = try OutputDirectory(path: directory, force: force)
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
}
