/// `hasil.xlsx`: a link or dedupe run's results as a statistician acts on them, in the output
/// language. Sheets:
///
/// - **Ringkasan / Summary**: the headline (``ResultHeadline``), counts per list, counts per
///   kecamatan and kelurahan, where the other files are, the result's fingerprint.
/// - **Di kedua daftar / In both lists**: one row per link between two lists, key fields of both
///   records, probability (a number) and the main reasons in words.
/// - **Terdaftar ganda / Registered twice**: records that are one person within one list,
///   grouped by person.
/// - **Hanya di … / Only in …**: per list, the records of people found in no other list (all
///   their original columns).
/// - **Perlu diperiksa / To check**: the review band, sorted by kelurahan then probability, with a
///   decision drop-down, note, officer and date columns and the differing fields highlighted.
/// - **Petunjuk / Instructions**.
///
/// Every table sheet has its header frozen and an autofilter; NIK and KK are text cells in text
/// format, probabilities and counts are numbers.
struct ResultWorkbook {
    let result: LinkResult
    let settings: LinkSettings
    let clusters: Clusters
    let headline: ResultHeadline
    let estimate: ErrorEstimate?
    let words: ResultWords
    let fingerprint: String
    let files: [String]
    let pseudonymizer: Pseudonymizer?

    /// Per record (by list), the cluster it is in, how many records of its own list that cluster
    /// has, and whether it has records of another list.
    private struct Membership: Sendable {
        var cluster: [[Int32]]
        var sameList: [[UInt16]]
        var otherList: [[Bool]]

        init(_ clusters: Clusters, tables: [Table]) {
            cluster = tables.map { [Int32](repeating: 0, count: $0.rowCount) }
            sameList = tables.map { [UInt16](repeating: 0, count: $0.rowCount) }
            otherList = tables.map { [Bool](repeating: false, count: $0.rowCount) }
            for (c, group) in clusters.members.enumerated() {
                let several = group.contains { $0.list != group[0].list }
                for m in group {
                    cluster[m.list][m.row] = Int32(c)
                    sameList[m.list][m.row] = UInt16(min(group.count { $0.list == m.list }, Int(UInt16.max)))
                    otherList[m.list][m.row] = several
                }
            }
        }
    }

    var writer: XLSXWriter {
        let membership = Membership(clusters, tables: result.tables)
        var sheets = [summarySheet(membership)]
        if result.tables.count > 1 { sheets.append(bothSheet()) }
        sheets.append(twiceSheet(membership))
        if result.tables.count > 1 {
            for list in result.tables.indices { sheets.append(onlySheet(list, membership)) }
        }
        sheets.append(Self.checkSheet(result, settings: settings, words: words, fingerprint: fingerprint, pseudonymizer: pseudonymizer))
        sheets.append(Self.instructionsSheet(words: words, fingerprint: fingerprint))
        // Two lists named alike after truncation to 31 characters would give two sheets one name.
        var seen = Set<String>()
        for i in sheets.indices {
            var name = sheets[i].name, k = 2
            while !seen.insert(name.lowercased()).inserted {
                name = XLSXWriter.sheetName(String(sheets[i].name.prefix(27)) + " (\(k))")
                k += 1
            }
            sheets[i].name = name
        }
        return XLSXWriter(sheets: sheets, threads: settings.threads)
    }

    // MARK: Values

    static func probability(_ p: Double) -> XLSXWriter.Cell { .number(CSVWriter.format(p, decimals: 4)) }
    static func count(_ n: Int) -> XLSXWriter.Cell { .number(String(n)) }

    /// The comparisons that moved the pair's weight most, in words, strongest first.
    static func reasons(_ p: ScoredPair, result: LinkResult, settings: LinkSettings, words: ResultWords) -> String {
        Reasons(result: result, settings: settings, words: words)(p)
    }

    /// ``reasons(_:result:settings:words:)`` with every comparison level's phrase made once, for
    /// the hundreds of thousands of pairs of a results sheet.
    struct Reasons: Sendable {
        /// Per comparison, per level, the phrase.
        let phrases: [[String]]
        /// The phrases as UTF-8.
        let phraseBytes: [[[UInt8]]]

        init(result: LinkResult, settings: LinkSettings, words: ResultWords) {
            phrases = result.model.comparisons.map { c in
                let configured = settings.comparisons.first { $0.name == c.name }?.levels
                return c.levels.indices.map { level in
                    let description = configured.flatMap { $0.indices.contains(level) ? $0[level].explanation : nil } ?? c.levels[level]
                    return words.level(comparison: c.name, level: c.levels[level], description: description)
                }
            }
            phraseBytes = phrases.map { $0.map { Array($0.utf8) } }
        }

        /// The comparisons that count, strongest first, at most three: one pass, ties in the
        /// order of the comparisons (what a stable sort by |weight| would leave).
        static func strongest(_ p: ScoredPair) -> (count: Int, k: (Int, Int, Int)) {
            var top = (-1, -1, -1)
            func magnitude(_ k: Int) -> Double { abs(p.weights[k]) }
            for k in p.weights.indices where p.levels[k] != nil {
                let w = magnitude(k)
                if top.0 < 0 || w > magnitude(top.0) {
                    top = (k, top.0, top.1)
                } else if top.1 < 0 || w > magnitude(top.1) {
                    top = (top.0, k, top.1)
                } else if top.2 < 0 || w > magnitude(top.2) {
                    top.2 = k
                }
            }
            return (top.0 < 0 ? 0 : top.1 < 0 ? 1 : top.2 < 0 ? 2 : 3, top)
        }

        /// The words of ``callAsFunction(_:)`` as a text cell, put together from bytes in a stack
        /// buffer: no array and no string per row.
        func write(_ p: ScoredPair, into cells: inout XLSXWriter.Cells) {
            let (count, top) = Self.strongest(p)
            func picked(_ n: Int) -> Int { n == 0 ? top.0 : n == 1 ? top.1 : top.2 }
            var length = 2 * max(0, count - 1)
            for n in 0 ..< count { length += phraseBytes[picked(n)][p.levels[picked(n)]!].count }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { buffer in
                var at = 0
                for n in 0 ..< count {
                    let k = picked(n)
                    if n > 0 {
                        buffer[at] = UInt8(ascii: ";")
                        buffer[at + 1] = UInt8(ascii: " ")
                        at += 2
                    }
                    for b in phraseBytes[k][p.levels[k]!] {
                        buffer[at] = b
                        at += 1
                    }
                }
                cells.text(UnsafeBufferPointer(rebasing: buffer[0 ..< at]))
            }
        }

        /// The phrases of the (at most three) comparisons that moved the pair's weight most,
        /// strongest first, joined by "; ".
        func callAsFunction(_ p: ScoredPair) -> String {
            let (count, top) = Self.strongest(p)
            return [top.0, top.1, top.2].prefix(count).map { phrases[$0][p.levels[$0]!] }.joined(separator: "; ")
        }
    }

    /// A table sheet: a header row, then `count` rows that `write` writes; header frozen, an
    /// autofilter, widths from the first rows.
    private static func table(_ name: String, header: [String], count: Int, frozenColumns: Int = 0,
                              choices: [XLSXWriter.Choice] = [],
                              write: @escaping @Sendable (Int, inout XLSXWriter.Cells) -> Void) -> XLSXWriter.Sheet {
        let full: @Sendable (Int, inout XLSXWriter.Cells) -> Void = { r, cells in
            if r == 0 { for h in header { cells.text(h) } } else { write(r - 1, &cells) }
        }
        return XLSXWriter.Sheet(name: name, rowCount: count + 1, columnCount: header.count, write: full,
                                widths: XLSXWriter.widths(header.count, rows: count + 1, full), freezeHeader: true,
                                frozenColumns: frozenColumns, autoFilter: true, choices: choices)
    }

    /// ``table(_:header:count:frozenColumns:choices:write:)`` with rows given as cells.
    private static func table(_ name: String, header: [String], count: Int, frozenColumns: Int = 0,
                              choices: [XLSXWriter.Choice] = [],
                              row: @escaping @Sendable (Int) -> [XLSXWriter.Cell]) -> XLSXWriter.Sheet {
        table(name, header: header, count: count, frozenColumns: frozenColumns, choices: choices) { r, cells in
            for cell in row(r) { cells.cell(cell) }
        }
    }

    /// Per role, per list, the column that carries it, looked up once for a sheet's rows.
    static func columns(_ roles: [Role], _ tables: [Table]) -> [[ByteColumn?]] {
        roles.map { role in tables.map { $0.column(role) } }
    }

    /// A role's value in row `row` of its column (from ``columns(_:_:)``; an empty cell when there
    /// is none); NIK and KK (`identity`) as text-formatted cells, pseudonymized when asked.
    static func put(_ column: ByteColumn?, identity: Bool, row: Int, pseudonymizer: Pseudonymizer?,
                    into cells: inout XLSXWriter.Cells) {
        guard let column else {
            cells.empty()
            return
        }
        column.withUnsafeBuffers { bytes, offsets in
            let value = UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])])
            if value.isEmpty {
                cells.empty()
            } else if identity, let pseudonymizer {
                cells.code(pseudonymizer.pseudonym(Array(String(decoding: value, as: UTF8.self).utf8)))
            } else if identity {
                cells.code(value)
            } else {
                cells.text(value)
            }
        }
    }

    /// The record id of `row` (``Table/id(row:)``) as a text cell, from the id column's bytes.
    static func putID(_ tables: [Table], _ ref: RowRef, into cells: inout XLSXWriter.Cells) {
        let row = ref.row
        guard let index = tables[ref.list].roles[.id] else {
            cells.text(String(tables[ref.list].ordinals[row]))
            return
        }
        tables[ref.list].columns[index].withUnsafeBuffers { bytes, offsets in
            cells.text(UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])]))
        }
    }

    // MARK: Sheets

    private func summarySheet(_ m: Membership) -> XLSXWriter.Sheet {
        let w = words
        var rows: [[XLSXWriter.Cell]] = [[.bold(w.title), .bold(w.value), .bold(w.recordsHeader)]]
        let n = result.tables.count
        if n > 1 { rows.append([.text(w.inBoth(lists: n)), Self.count(headline.inSeveralLists)]) }
        for l in headline.lists {
            rows.append([.text(w.registeredTwice(l.name)), Self.count(l.registeredMoreThanOnce), Self.count(l.recordsRegisteredMoreThanOnce)])
        }
        if n > 1 { for l in headline.lists { rows.append([.text(w.onlyIn(l.name)), Self.count(l.onlyInThisList)]) } }
        rows.append([.text(w.people), Self.count(headline.people)])
        rows.append([.text(w.toCheck), Self.count(headline.pairsToCheck)])
        if let e = estimate {
            rows.append([.text(w.expectedFalseLinks), Self.count(Int(e.expectedFalseLinks.rounded()))])
            rows.append([.text(w.expectedMissed), Self.count(Int((e.expectedMissedAmongCandidates + e.expectedMissedByBlocking).rounded()))])
            rows.append([.text(w.estimateLine(e))])
        }
        if !headline.withinListDoublesSearched { rows.append([.text(w.doublesNotSearched)]) }
        rows.append([.text(w.linksLine(links: result.links.count, threshold: settings.threshold,
                                       review: result.review.count, reviewThreshold: settings.reviewThreshold))])
        rows.append([.text("\(w.fingerprint): \(fingerprint)")])
        rows.append([])
        rows.append([.bold(w.perListHeading)])
        rows.append([w.list, w.rowsRead, w.rejected, w.linked, w.unmatched].map { .bold($0) })
        for (i, t) in result.tables.enumerated() {
            let unmatched = result.unmatched[i].count
            rows.append([.text(t.name), Self.count(t.rowCount + t.rejected.count), Self.count(t.rejected.count),
                         Self.count(t.rowCount - unmatched), Self.count(unmatched)])
        }
        rows.append([])
        rows.append([.bold(w.filesHeading)])
        for f in files { rows.append([.text(f)]) }
        rows.append([])
        rows.append([.bold(w.perPlaceHeading)])
        let filterRow = rows.count
        rows.append([w.list, w.role(.district), w.role(.village), w.recordsHeader, w.inBothHeader, w.twiceHeader, w.onlyHeader].map { .bold($0) })
        rows += perPlace(m)
        var sheet = XLSXWriter.Sheet(name: w.summarySheet, rows: rows, widths: [58, 14, 22, 10, 16, 12, 16],
                                     freezeHeader: true, autoFilter: true)
        sheet.filterRow = filterRow
        return sheet
    }

    /// Records per list, kecamatan and kelurahan (as written, trimmed and upper-cased).
    private func perPlace(_ m: Membership) -> [[XLSXWriter.Cell]] {
        struct Counts { var records = 0, other = 0, twice = 0, only = 0 }
        var rows: [[XLSXWriter.Cell]] = []
        let several = result.tables.count > 1
        // Each distinct raw value is trimmed and upper-cased once, not once per row.
        func distinct(_ column: ByteColumn?, _ rows: Int) -> (index: [Int32], names: [String]) {
            guard let column else { return ([Int32](repeating: 0, count: rows), [""]) }
            var seen: [ArraySlice<UInt8>: Int32] = [:], names: [String] = []
            let index = (0 ..< rows).map { r -> Int32 in
                let raw = column[r]
                if let known = seen[raw] { return known }
                let k = Int32(names.count)
                seen[raw] = k
                names.append(String(decoding: raw, as: UTF8.self).trimmingSpaces().uppercased())
                return k
            }
            return (index, names)
        }
        for (i, t) in result.tables.enumerated() {
            let (district, districts) = distinct(t.column(.district), t.rowCount)
            let (village, villages) = distinct(t.column(.village), t.rowCount)
            var byRaw: [Int: Counts] = [:]
            let other = m.otherList[i], same = m.sameList[i]
            for r in 0 ..< t.rowCount {
                let key = Int(district[r]) << 32 | Int(village[r])
                var c = byRaw[key, default: Counts()]
                c.records += 1
                if other[r] { c.other += 1 } else if several { c.only += 1 }
                if same[r] > 1 { c.twice += 1 }
                byRaw[key] = c
            }
            // Raw values that read the same once trimmed and upper-cased are one place.
            var counts: [String: [String: Counts]] = [:]
            for (key, c) in byRaw {
                let d = districts[key >> 32], v = villages[key & 0xFFFF_FFFF]
                var sum = counts[d, default: [:]][v, default: Counts()]
                sum.records += c.records
                sum.other += c.other
                sum.only += c.only
                sum.twice += c.twice
                counts[d, default: [:]][v] = sum
            }
            for d in counts.keys.sorted() {
                for v in counts[d]!.keys.sorted() {
                    let c = counts[d]![v]!
                    rows.append([.text(t.name), .text(d.isEmpty ? words.unknownPlace : d), .text(v.isEmpty ? words.unknownPlace : v),
                                 Self.count(c.records), Self.count(c.other), Self.count(c.twice), Self.count(c.only)])
                }
            }
        }
        return rows
    }

    private func bothSheet() -> XLSXWriter.Sheet {
        let w = words, tables = result.tables
        let pairs = result.links.filter { $0.left.list != $0.right.list }.sorted {
            ($0.left.list, $0.left.row, $0.right.list, $0.right.row) < ($1.left.list, $1.left.row, $1.right.list, $1.right.row)
        }
        let two = tables.count == 2
        let sides = two ? [tables[0].name, tables[1].name] : ["1", "2"]
        let roles: [Role] = [.name, .nik, .birthDate, .village]
        var header = [w.person]
        for s in sides { header += roles.map { w.side(w.role($0), s) } }
        header += [w.probability, w.reasons, w.side(w.list, sides[0]), w.side(w.recordID, sides[0]),
                   w.side(w.list, sides[1]), w.side(w.recordID, sides[1])]
        let clusters = self.clusters, pseudonymizer = self.pseudonymizer
        let reasons = Reasons(result: result, settings: settings, words: w), columns = Self.columns(roles, tables)
        let identity = roles.map { $0 == .nik || $0 == .kk }, names = tables.map(\.name)
        return Self.table(w.bothSheet(lists: tables.count), header: header, count: pairs.count, frozenColumns: 0) { i, cells in
            let p = pairs[i]
            cells.text(clusters.ids[clusters.clusterOf[p.left.list][p.left.row]])
            for k in roles.indices {
                Self.put(columns[k][p.left.list], identity: identity[k], row: p.left.row, pseudonymizer: pseudonymizer, into: &cells)
            }
            for k in roles.indices {
                Self.put(columns[k][p.right.list], identity: identity[k], row: p.right.row, pseudonymizer: pseudonymizer, into: &cells)
            }
            cells.number(p.probability, decimals: 4)
            reasons.write(p, into: &cells)
            cells.text(names[p.left.list])
            Self.putID(tables, p.left, into: &cells)
            cells.text(names[p.right.list])
            Self.putID(tables, p.right, into: &cells)
        }
    }

    private func twiceSheet(_ m: Membership) -> XLSXWriter.Sheet {
        let w = words
        // Per list, the clusters with more than one of its records, in the order they first appear.
        var refs: [RowRef] = []
        for (i, t) in result.tables.enumerated() {
            var order: [Int32: Int] = [:], groups: [[Int]] = []
            for r in 0 ..< t.rowCount where m.sameList[i][r] > 1 {
                let c = m.cluster[i][r]
                if let g = order[c] { groups[g].append(r) } else {
                    order[c] = groups.count
                    groups.append([r])
                }
            }
            for g in groups { refs += g.map { RowRef(list: i, row: $0) } }
        }
        let doubled = refs
        let roles: [Role] = [.name, .nik, .kk, .birthDate, .sex, .address, .village, .district]
        let header = [w.person, w.list, w.recordID] + roles.map { w.role($0) } + [lineHeader]
        let tables = result.tables, clusters = self.clusters, pseudonymizer = self.pseudonymizer
        let columns = Self.columns(roles, tables), identity = roles.map { $0 == .nik || $0 == .kk }
        return Self.table(w.twiceSheet, header: header, count: doubled.count) { i, cells in
            let ref = doubled[i]
            cells.text(clusters.ids[clusters.clusterOf[ref.list][ref.row]])
            cells.text(tables[ref.list].name)
            Self.putID(tables, ref, into: &cells)
            for k in roles.indices {
                Self.put(columns[k][ref.list], identity: identity[k], row: ref.row, pseudonymizer: pseudonymizer, into: &cells)
            }
            cells.number(Int(tables[ref.list].lineNumbers[ref.row]))
        }
    }

    private var lineHeader: String { words.language == .indonesian ? "Baris di berkas" : "Line in file" }

    private func onlySheet(_ list: Int, _ m: Membership) -> XLSXWriter.Sheet {
        let t = result.tables[list], w = words
        let rows = (0 ..< t.rowCount).filter { !m.otherList[list][$0] }
        let codeColumns = Set([t.roles[.nik], t.roles[.kk]].compactMap { $0 })
        let codes = t.columns.indices.map { codeColumns.contains($0) }
        let header = [w.person, lineHeader] + t.columnNames
        let clusters = self.clusters, pseudonymizer = self.pseudonymizer
        let columns = t.columns, lineNumbers = t.lineNumbers, clusterOf = clusters.clusterOf[list]
        return Self.table(w.onlySheet(t.name), header: header, count: rows.count, frozenColumns: 0) { i, cells in
            let r = rows[i]
            cells.text(clusters.ids[clusterOf[r]])
            cells.number(Int(lineNumbers[r]))
            for (c, column) in columns.enumerated() {
                column.withUnsafeBuffers { bytes, offsets in
                    let v = UnsafeBufferPointer(rebasing: bytes[Int(offsets[r]) ..< Int(offsets[r + 1])])
                    if v.isEmpty {
                        cells.empty()
                    } else if codes[c] {
                        if let pseudonymizer {
                            cells.code(pseudonymizer.pseudonym(Array(String(decoding: v, as: UTF8.self).utf8)))
                        } else {
                            cells.code(v)
                        }
                    } else {
                        cells.text(v)
                    }
                }
            }
        }
    }

    /// The roles shown side by side on the check sheet, in this order.
    static let checkRoles: [Role] = [.nik, .name, .birthDate, .sex, .birthPlace, .kk, .address, .rt, .rw, .village, .district, .regency]

    /// The review band as an officer checks it (also `review.xlsx`'s first sheet).
    static func checkSheet(_ result: LinkResult, settings: LinkSettings, words w: ResultWords, fingerprint: String,
                           pseudonymizer: Pseudonymizer?) -> XLSXWriter.Sheet {
        let tables = result.tables
        func place(_ ref: RowRef) -> String { tables[ref.list].value(.village, row: ref.row).trimmingSpaces().uppercased() }
        let places = result.review.map { place($0.left) }
        let order = result.review.indices.sorted { i, j in
            if places[i] != places[j] { return places[i] < places[j] }
            let a = result.review[i], b = result.review[j]
            if a.probability != b.probability { return a.probability > b.probability }
            return (a.left, a.right) < (b.left, b.right)
        }
        let pairs = order.map { result.review[$0] }
        let roles = checkRoles.filter { role in tables.contains { $0.roles[role] != nil } }
        var header = [w.decision, w.note, w.officer, w.checkedOn, w.probability, w.reasons]
        for role in roles { header += [w.role(role) + " 1", w.role(role) + " 2"] }
        header += [w.list + " 1", w.recordID + " 1", w.list + " 2", w.recordID + " 2", w.fingerprint]
        let choice = XLSXWriter.Choice(column: 0, values: w.decisions, error: w.decisionError)
        let why = Reasons(result: result, settings: settings, words: w)
        return table(w.checkSheet, header: header, count: pairs.count, frozenColumns: 1, choices: [choice]) { i in
            let p = pairs[i]
            var row: [XLSXWriter.Cell] = [.empty, .empty, .empty, .empty, probability(p.probability),
                                          .text(why(p))]
            for role in roles {
                var a = tables[p.left.list].value(role, row: p.left.row), b = tables[p.right.list].value(role, row: p.right.row)
                let differ = !a.isEmpty && !b.isEmpty && normalized(a) != normalized(b)
                if let pseudonymizer, role == .nik || role == .kk {
                    a = a.isEmpty ? a : pseudonymizer.pseudonym(Array(a.utf8))
                    b = b.isEmpty ? b : pseudonymizer.pseudonym(Array(b.utf8))
                }
                for v in [a, b] {
                    if v.isEmpty { row.append(.empty) } else if differ { row.append(.marked(v)) } else if role == .nik || role == .kk {
                        row.append(.code(v))
                    } else {
                        row.append(.text(v))
                    }
                }
            }
            row += [.text(tables[p.left.list].name), .text(tables[p.left.list].id(row: p.left.row)),
                    .text(tables[p.right.list].name), .text(tables[p.right.list].id(row: p.right.row)), .text(fingerprint)]
            return row
        }
    }

    /// A value as compared for highlighting: upper-cased, runs of spaces as one.
    static func normalized(_ v: String) -> String {
        v.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func instructionsSheet(words: ResultWords, fingerprint: String) -> XLSXWriter.Sheet {
        let lines = words.instructions(fingerprint: fingerprint)
        return XLSXWriter.Sheet(name: words.instructionsSheet,
                                rows: lines.enumerated().map { $0.offset == 0 ? [.bold($0.element)] : [.text($0.element)] },
                                widths: [130], freezeHeader: true)
    }
}
