import Foundation

/// Decisions a verifier wrote into a review sheet, and links updated with them.
package struct ReviewDecisions: Sendable {
    /// A verified pair.
    public struct Decision: Sendable, Equatable {
        public var leftSource: String, leftID: String, rightSource: String, rightID: String
        /// `true`: the same person; `false`: different people.
        public var match: Bool
    }

    public var decisions: [Decision]
    /// Rows left blank.
    public var undecided: Int

    static let yes: Set<String> = ["MATCH", "YA", "SAMA", "Y", "YES", "1", "TRUE"]
    static let no: Set<String> = ["NONMATCH", "TIDAK", "BEDA", "N", "NO", "0", "FALSE", "BUKAN"]

    /// Reads a filled review sheet (`review.xlsx` or `review.csv`). An unreadable decision is an
    /// error naming the file and the sheet row.
    public static func read(path: String) throws -> ReviewDecisions {
        var options = ReadOptions()
        options.mapping.guess = false
        options.layout = .plain
        let table = try TableReader.read(path: path, options: options)
        func column(_ name: String) throws -> ByteColumn {
            guard let i = table.columnNames.firstIndex(of: name) else {
                throw PadanError(.badInput, file: path, line: 1, "not a review sheet: no column '\(name)'")
            }
            return table.columns[i]
        }
        let decision = try column("decision"), ls = try column("left_source"), li = try column("left_id")
        let rs = try column("right_source"), ri = try column("right_id")
        var decisions: [Decision] = []
        var undecided = 0
        for row in 0 ..< table.rowCount {
            let raw = decision.string(row).trimmingSpaces()
            if raw.isEmpty {
                undecided += 1
                continue
            }
            let folded = ColumnMapping.normalize(raw)
            let match: Bool
            if yes.contains(folded) { match = true } else if no.contains(folded) { match = false } else {
                throw PadanError(.badInput, file: path, line: Int(table.lineNumbers[row]),
                                 "decision '\(raw)' is neither match (ya, sama) nor non-match (tidak, beda)")
            }
            decisions.append(Decision(leftSource: ls.string(row), leftID: li.string(row),
                                      rightSource: rs.string(row), rightID: ri.string(row), match: match))
        }
        if !table.rejected.isEmpty {
            let r = table.rejected[0]
            throw PadanError(.badInput, file: path, line: r.line, "a row of the review sheet cannot be read: \(r.reason)")
        }
        return ReviewDecisions(decisions: decisions, undecided: undecided)
    }

    /// `links.csv` of a result directory with the accepted review pairs added (marked
    /// `reviewed`) and any link a verifier marked non-match removed; written atomically as
    /// `links_reviewed.csv` in the same directory. Returns (added, removed).
    @discardableResult
    public func apply(resultDirectory: String) throws -> (added: Int, removed: Int) {
        let linksPath = resultDirectory + "/links.csv"
        var options = ReadOptions()
        options.mapping.guess = false
        options.layout = .plain
        options.requireRows = false  // a result with no links is still a result
        let links = try TableReader.read(path: linksPath, options: options)
        let names = ["left_id", "right_id", "match_probability", "left_source", "right_source"]
        var cols: [ByteColumn] = []
        for n in names {
            guard let i = links.columnNames.firstIndex(of: n) else {
                throw PadanError(.badInput, file: linksPath, line: 1, "not a Padan links file: no column '\(n)'")
            }
            cols.append(links.columns[i])
        }
        func key(_ ls: String, _ li: String, _ rs: String, _ ri: String) -> String { [ls, li, rs, ri].joined(separator: "\u{1F}") }
        let rejected = Set(decisions.filter { !$0.match }.map { key($0.leftSource, $0.leftID, $0.rightSource, $0.rightID) })
        var present = Set<String>()
        var w = CSVWriter()
        w.row(["left_id", "right_id", "match_probability", "left_source", "right_source", "decided_by"])
        var removed = 0
        for row in 0 ..< links.rowCount {
            let k = key(cols[3].string(row), cols[0].string(row), cols[4].string(row), cols[1].string(row))
            present.insert(k)
            if rejected.contains(k) {
                removed += 1
                continue
            }
            w.row([cols[0].string(row), cols[1].string(row), cols[2].string(row), cols[3].string(row), cols[4].string(row), "model"])
        }
        var added = 0
        for d in decisions where d.match && !present.contains(key(d.leftSource, d.leftID, d.rightSource, d.rightID)) {
            w.row([d.leftID, d.rightID, "", d.leftSource, d.rightSource, "reviewed"])
            added += 1
        }
        let target = resultDirectory + "/links_reviewed.csv"
        let temporary = resultDirectory + "/.links_reviewed.csv.tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(w.bytes)) else {
            throw PadanError(.internalError, file: target, "cannot be written")
        }
        do {
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: temporary, toPath: target)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw PadanError(.internalError, file: target, "cannot be written: \(error.localizedDescription)")
        }
        return (added, removed)
    }
}
