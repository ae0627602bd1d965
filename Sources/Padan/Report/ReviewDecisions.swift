import Foundation

/// Decisions a verifier wrote into a review sheet (`review.xlsx`, the results workbook's check
/// sheet, or `review.csv`), checked against the result they belong to and applied to it.
package struct ReviewDecisions: Sendable {
    /// A verified pair.
    public struct Decision: Sendable, Equatable {
        public var leftSource: String, leftID: String, rightSource: String, rightID: String
        /// `true`: the same person; `false`: different people.
        public var match: Bool
        public var note = "", officer = "", date = ""
        /// The sheet row it was read from.
        public var line = 0
    }

    public var decisions: [Decision]
    /// Rows left blank.
    public var undecided: Int
    /// The fingerprint of the result the sheet was made from (`nil` when it has none).
    public var fingerprint: String?
    /// The file the decisions came from.
    public var file = ""

    static let yes: Set<String> = ["MATCH", "YA", "SAMA", "Y", "YES", "1", "TRUE", "SESUAI", "COCOK", "BENAR"]
    static let no: Set<String> = ["NONMATCH", "TIDAK", "BEDA", "N", "NO", "0", "FALSE", "BUKAN", "TIDAKSESUAI", "TIDAKCOCOK", "BERBEDA", "SALAH"]

    /// Header names (normalized as ``ColumnMapping/normalize(_:)``) of each column, in the CSV's
    /// English and in the workbook's Indonesian and English.
    static let headers: [String: Set<String>] = [
        "decision": ["DECISION", "KEPUTUSAN"],
        "left_source": ["LEFTSOURCE", "DAFTAR1", "LIST1"], "left_id": ["LEFTID", "ID1"],
        "right_source": ["RIGHTSOURCE", "DAFTAR2", "LIST2"], "right_id": ["RIGHTID", "ID2"],
        "fingerprint": ["RESULTFINGERPRINT", "SIDIKHASIL"],
        "note": ["NOTE", "CATATAN"], "officer": ["OFFICER", "PETUGAS"], "date": ["DATECHECKED", "TANGGALPERIKSA"],
    ]

    /// Reads a filled review sheet. In a workbook, the sheet "Perlu diperiksa" or "To check" when
    /// there is one (the results workbook), else the first. An unreadable decision is an error
    /// naming the file and the sheet row.
    public static func read(path: String) throws -> ReviewDecisions {
        var options = ReadOptions()
        options.mapping.guess = false
        options.layout = .plain
        options.requireRows = false
        var table: Table?
        if path.lowercased().hasSuffix(".xlsx") || path.lowercased().hasSuffix(".ods") {
            for sheet in [ResultWords.indonesian.checkSheet, ResultWords.english.checkSheet] {
                options.sheet = sheet
                if let t = try? TableReader.read(path: path, options: options) { table = t; break }
            }
            options.sheet = nil
        }
        let sheet = try table ?? TableReader.read(path: path, options: options)
        let normalized = sheet.columnNames.map(ColumnMapping.normalize)
        func index(_ key: String) -> Int? { normalized.firstIndex { headers[key]!.contains($0) } }
        func column(_ key: String) throws -> ByteColumn {
            guard let i = index(key) else {
                throw PadanError(.badInput, file: path, line: 1,
                                 "not a review sheet: no column '\(key)' (or \(headers[key]!.sorted().joined(separator: ", ")))")
            }
            return sheet.columns[i]
        }
        let decision = try column("decision"), ls = try column("left_source"), li = try column("left_id")
        let rs = try column("right_source"), ri = try column("right_id")
        let extra = ["note", "officer", "date"].map { index($0).map { sheet.columns[$0] } }
        var fingerprint: String?
        if let f = index("fingerprint") {
            let values = Set((0 ..< sheet.rowCount).map { sheet.columns[f].string($0).trimmingSpaces() }.filter { !$0.isEmpty })
            if values.count > 1 {
                throw PadanError(.badInput, file: path, "the sheet mixes rows of \(values.count) results (fingerprints \(values.sorted().joined(separator: ", ")))")
            }
            fingerprint = values.first
        }
        var decisions: [Decision] = []
        var undecided = 0
        for row in 0 ..< sheet.rowCount {
            let raw = decision.string(row).trimmingSpaces()
            if raw.isEmpty {
                undecided += 1
                continue
            }
            let folded = ColumnMapping.normalize(raw)
            let match: Bool
            if yes.contains(folded) { match = true } else if no.contains(folded) { match = false } else {
                throw PadanError(.badInput, file: path, line: Int(sheet.lineNumbers[row]),
                                 "decision '\(raw)' is neither a match (sesuai, ya, sama, match) nor a non-match (tidak sesuai, bukan, beda, non-match)")
            }
            var d = Decision(leftSource: ls.string(row), leftID: li.string(row), rightSource: rs.string(row),
                             rightID: ri.string(row), match: match)
            d.note = extra[0]?.string(row) ?? ""
            d.officer = extra[1]?.string(row) ?? ""
            d.date = extra[2]?.string(row) ?? ""
            d.line = Int(sheet.lineNumbers[row])
            decisions.append(d)
        }
        if !sheet.rejected.isEmpty {
            let r = sheet.rejected[0]
            throw PadanError(.badInput, file: path, line: r.line, "a row of the review sheet cannot be read: \(r.reason)")
        }
        return ReviewDecisions(decisions: decisions, undecided: undecided, fingerprint: fingerprint, file: path)
    }

    /// `result` with the decisions applied: a pair marked match becomes a link (from the review
    /// band or anywhere else), a pair marked non-match is no longer a link nor in review; the
    /// unmatched rows follow. Throws, naming the sheet's line, for a list or id the result does not
    /// have, or for a pair of a record with itself.
    public func apply(to result: LinkResult) throws -> LinkResult {
        var rowOf: [String: [String: Int]] = [:]
        for t in result.tables {
            var ids: [String: Int] = [:]
            ids.reserveCapacity(t.rowCount)
            for r in 0 ..< t.rowCount { ids[t.id(row: r)] = r }
            rowOf[t.name] = ids
        }
        func ref(_ source: String, _ id: String, _ d: Decision) throws -> RowRef {
            guard let list = result.tables.firstIndex(where: { $0.name == source }) else {
                throw PadanError(.badInput, file: file, line: d.line,
                                 "list '\(source)' is not in this result (its lists: \(result.tables.map(\.name).joined(separator: ", ")))")
            }
            guard let row = rowOf[source]![id] else {
                throw PadanError(.badInput, file: file, line: d.line, "id '\(id)' is not in list '\(source)'")
            }
            return RowRef(list: list, row: row)
        }
        struct Key: Hashable { var a: RowRef, b: RowRef }
        func key(_ x: RowRef, _ y: RowRef) -> Key { (x.list, x.row) <= (y.list, y.row) ? Key(a: x, b: y) : Key(a: y, b: x) }
        var verdict: [Key: Bool] = [:]
        for d in decisions {
            let l = try ref(d.leftSource, d.leftID, d), r = try ref(d.rightSource, d.rightID, d)
            if l == r { throw PadanError(.badInput, file: file, line: d.line, "a record cannot be paired with itself") }
            if result.scope == .link && l.list == r.list {
                throw PadanError(.badInput, file: file, line: d.line, "both records are in list '\(d.leftSource)', and this result did not look for doubles within a list")
            }
            verdict[key(l, r)] = d.match
        }
        var out = result
        var decided = Set<Key>()
        out.links = result.links.filter { p in
            let k = key(p.left, p.right)
            if verdict[k] != nil { decided.insert(k) }
            return verdict[k] != false
        }
        out.review = []
        for p in result.review {
            let k = key(p.left, p.right)
            switch verdict[k] {
            case true?:
                decided.insert(k)
                var linked = p
                linked.rule = "review"
                out.links.append(linked)
            case false?: decided.insert(k)
            case nil: out.review.append(p)
            }
        }
        // Matches outside the links and the review band: the officer knows better than the model.
        for (k, match) in verdict.sorted(by: { ($0.key.a.list, $0.key.a.row, $0.key.b.list, $0.key.b.row) < ($1.key.a.list, $1.key.a.row, $1.key.b.list, $1.key.b.row) })
            where match && !decided.contains(k) {
            out.links.append(ScoredPair(left: k.a, right: k.b, weight: 0, probability: 1,
                                        levels: result.model.comparisons.map { _ in nil },
                                        weights: result.model.comparisons.map { _ in 0 }, rule: "review"))
        }
        var linked = result.tables.map { [Bool](repeating: false, count: $0.rowCount) }
        for p in out.links {
            linked[p.left.list][p.left.row] = true
            linked[p.right.list][p.right.row] = true
        }
        out.unmatched = linked.map { flags in flags.indices.filter { !flags[$0] } }
        return out
    }

    /// `decisions` after `earlier`, one per pair: a later decision on a pair replaces an earlier one.
    package func merged(after earlier: ReviewDecisions) -> ReviewDecisions {
        func key(_ d: Decision) -> [String] {
            let a = [d.leftSource, d.leftID], b = [d.rightSource, d.rightID]
            return a.lexicographicallyPrecedes(b) ? a + b : b + a
        }
        var index: [[String]: Int] = [:]
        var all: [Decision] = []
        for d in earlier.decisions + decisions {
            if let i = index[key(d)] { all[i] = d } else {
                index[key(d)] = all.count
                all.append(d)
            }
        }
        return ReviewDecisions(decisions: all, undecided: undecided, fingerprint: fingerprint, file: file)
    }

    /// `decisions.csv`: every decision applied to a result so far, for the audit trail and for
    /// the next `apply-review` (which applies its sheet after these).
    package func csv(fingerprint: String) -> [UInt8] {
        var w = CSVWriter()
        w.row(["decision", "left_source", "left_id", "right_source", "right_id", "note", "officer", "date_checked", "result_fingerprint"])
        for d in decisions {
            w.row([d.match ? "match" : "non-match", d.leftSource, d.leftID, d.rightSource, d.rightID, d.note, d.officer, d.date, fingerprint])
        }
        return w.bytes
    }
}
