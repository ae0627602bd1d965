import Foundation

/// A register held in memory for lookups: one person matched against every record in a few
/// milliseconds, with the register's blocking rules, model and term frequencies.
///
/// ```swift
/// let index = try RegisterIndex(Register.open(at: "bansos.padan", readOnly: true))
/// var person = PersonQuery()
/// person.nik = "3273014501900003"; person.name = "SITI AMINAH"; person.birthDate = "05-01-1990"
/// for c in try index.match(person) { print(c.person, c.probability, c.explanation) }
/// ```
///
/// Building it reads the register with its packed records (standardizing the records of any list
/// packed by another build); it keeps, per blocking rule, each record's key in sorted order, and
/// the register's term frequencies. A query is standardized, its keys looked up, and the records sharing a key are
/// scored against it with the register's model as `padan link` would score the pair, each
/// record's name and NIK frequencies taken from the whole register. The index is immutable:
/// one can serve any number of threads. It does not see additions made after it was built.
public final class RegisterIndex: Sendable {
    private let tables: [Table]
    private let recordIDs: [[Int64]]
    private let person: [[Int64]]
    private let offsets: [Int]
    private let settings: LinkSettings
    private let model: MatchModel
    private let frequencies: TermFrequencies
    /// Per blocking rule: the keys of the records that have one, sorted, and those records.
    private let ruleKeys: [[UInt64]]
    private let ruleRecords: [[UInt32]]
    /// Person ids sorted, with each one's global record number (for ``person(_:)``).
    private let personKeys: [Int64]
    private let personRecords: [UInt32]
    /// Ids merged into another: id → the id it is part of now.
    private let mergedInto: [Int64: Int64]
    /// When each list was added.
    private let added: [String]
    /// The generation of the register it was built from.
    public let generation: Int64
    /// A rule's block larger than this for one query is skipped (a placeholder NIK, a very common
    /// name and birth date), as batch blocking skips oversized blocks.
    public static let maxBlock = 2_000

    /// Reads `register` and builds the index.
    public init(_ register: Register, threads: Int = 0) throws {
        let snapshot = try RegisterSnapshot.load(register.database)
        guard let model = snapshot.model else { throw PadanError(.badInput, file: register.path, "the register holds no model") }
        var settings = register.settings
        settings.threads = threads
        tables = snapshot.tables
        recordIDs = snapshot.recordIDs
        person = snapshot.person
        offsets = tables.reduce(into: [0]) { $0.append($0.last! + $1.rowCount) }
        generation = snapshot.generation
        added = snapshot.lists.map(\.added)
        self.model = model
        var pairs = snapshot.person.flatMap { $0 }.enumerated().map { ($1, UInt32($0)) }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        personKeys = pairs.map(\.0)
        personRecords = pairs.map(\.1)
        var merged: [Int64: Int64] = [:]
        let m = try register.database.prepare("SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL")
        while try m.step() { merged[m.int(0)] = m.int(1) }
        mergedInto = merged
        let working = try tables.map(settings.joiningRoles)
        let packed = working.indices.map { l in
            snapshot.packed[l] ?? PackedList(table: working[l], referenceYear: settings.referenceYear, threads: threads)
        }
        let data = try CompareData.build(packed: packed, tables: working, columns: settings.usedColumns,
                                         referenceYear: settings.referenceYear, threads: threads)
        frequencies = TermFrequencies(data)
        var keysOut: [[UInt64]] = [], recordsOut: [[UInt32]] = []
        for (k, rule) in settings.blocking.enumerated() {
            let (keys, records) = RadixSort.sortedNonZero(BlockingKeys.keys(rule, ruleIndex: k, data: data, threads: threads))
            keysOut.append(keys)
            recordsOut.append(records)
        }
        ruleKeys = keysOut
        ruleRecords = recordsOut
        // Lookups report near misses too: every pair at 1 % or more.
        settings.reviewThreshold = min(settings.reviewThreshold, 0.01)
        settings.oneToOne = false
        settings.threads = 1
        settings.keepCandidatePairs = false
        self.settings = settings
    }

    /// The number of records indexed.
    public var records: Int { offsets.last! }

    /// Every record of person `id` (an id merged into another gives that person's records),
    /// with provenance; empty when there is no such person.
    public func person(_ id: Int64) -> (id: Int64, records: [RegisterRecord]) {
        var current = id, steps = 0
        while let into = mergedInto[current], steps < 1000 { current = into; steps += 1 }
        var lo = 0, hi = personKeys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if personKeys[mid] < current { lo = mid + 1 } else { hi = mid }
        }
        var out: [RegisterRecord] = []
        var i = lo
        while i < personKeys.count && personKeys[i] == current {
            let g = Int(personRecords[i])
            let l = offsets.lastIndex { $0 <= g }!, r = g - offsets[l]
            let t = tables[l]
            out.append(RegisterRecord(record: recordIDs[l][r], person: current, list: t.name, file: t.path, line: Int(t.lineNumbers[r]),
                                      added: added[l], fields: t.columnNames.indices.map { [t.columnNames[$0], t.columns[$0].string(r)] }))
            i += 1
        }
        return (current, out)
    }

    /// The register's records that may be `query`'s person, most probable first (at most
    /// `limit`, each at 1 % or more).
    public func match(_ query: PersonQuery, limit: Int = 10) throws -> [MatchCandidate] {
        let table = try query.table(name: tables.contains { $0.name == "query" } ? "query_\(UUID().uuidString.prefix(6))" : "query")
        let working = try settings.joiningRoles(table)
        let standardized = StandardizedTable(table: working, referenceYear: settings.referenceYear, threads: 1)
        let data = try CompareData.build([standardized], tables: [working], columns: settings.usedColumns,
                                         referenceYear: settings.referenceYear, threads: 1)
        // The records sharing a key with the query, under any rule.
        var candidates = Set<Int>()
        for (k, rule) in settings.blocking.enumerated() {
            let key = BlockingKeys.keys(rule, ruleIndex: k, data: data, threads: 1)[0]
            guard key != 0 else { continue }
            let range = Self.equalRange(ruleKeys[k], key)
            if range.count > Self.maxBlock { continue }
            for i in range { candidates.insert(Int(ruleRecords[k][i])) }
        }
        if candidates.isEmpty { return [] }
        // Those records as small tables, one per list, scored against the query.
        var rowsOf = [[Int]](repeating: [], count: tables.count)
        for g in candidates.sorted() {
            let l = offsets.lastIndex { $0 <= g }!
            rowsOf[l].append(g - offsets[l])
        }
        let used = tables.indices.filter { !rowsOf[$0].isEmpty }
        let subsets = used.map { tables[$0].subset(rows: rowsOf[$0]) }
        let result = try Linker(settings: settings).link(subsets + [table], scope: .link, model: model,
                                                         firstNewList: subsets.count, frequencies: frequencies)
        let comparisons = model.comparisons
        var out: [MatchCandidate] = []
        for p in result.links + result.review {
            let (mine, _) = p.left.list == subsets.count ? (p.right, p.left) : (p.left, p.right)
            let l = used[mine.list], row = rowsOf[l][mine.row]
            var explanation: [MatchCandidate.Evidence] = []
            for (k, c) in comparisons.enumerated() {
                explanation.append(.init(comparison: c.name, level: p.levels[k].map { c.levels[$0] } ?? "null", weight: p.weights[k]))
            }
            out.append(MatchCandidate(record: recordIDs[l][row], person: person[l][row], list: tables[l].name, id: tables[l].id(row: row),
                                      line: Int(tables[l].lineNumbers[row]), probability: p.probability, weight: p.weight,
                                      blockingRule: p.rule, explanation: explanation))
        }
        out.sort { $0.probability != $1.probability ? $0.probability > $1.probability : $0.record < $1.record }
        return Array(out.prefix(limit))
    }

    /// The indices of `keys` (sorted) equal to `key`.
    static func equalRange(_ keys: [UInt64], _ key: UInt64) -> Range<Int> {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < keys.count && keys[end] == key { end += 1 }
        return lo ..< end
    }
}

/// One person to look up: any of these fields, as an office would write them.
public struct PersonQuery: Sendable, Codable, Equatable {
    public var nik: String?
    public var kk: String?
    public var name: String?
    public var birthDate: String?
    public var birthPlace: String?
    public var sex: String?
    public var address: String?
    public var village: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case nik, kk, name, sex, address, village
        case birthDate = "birth_date"
        case birthPlace = "birth_place"
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the fields, refusing a field it does not know (a misspelt `nama` would otherwise
    /// be dropped without a word, and the person looked up by less than was given).
    public init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(["nik", "kk", "name", "birth_date", "birth_place", "sex", "address", "village"])
        if let unknown = all.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [unknown],
                debugDescription: "unknown field '\(unknown.stringValue)' (fields: nik, kk, name, birth_date, birth_place, sex, address, village)"))
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nik = try c.decodeIfPresent(String.self, forKey: .nik)
        kk = try c.decodeIfPresent(String.self, forKey: .kk)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        birthDate = try c.decodeIfPresent(String.self, forKey: .birthDate)
        birthPlace = try c.decodeIfPresent(String.self, forKey: .birthPlace)
        sex = try c.decodeIfPresent(String.self, forKey: .sex)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        village = try c.decodeIfPresent(String.self, forKey: .village)
    }

    /// The fields given, by role.
    public var fields: [(Role, String)] {
        [(Role.nik, nik), (.kk, kk), (.name, name), (.birthDate, birthDate), (.birthPlace, birthPlace), (.sex, sex),
         (.address, address), (.village, village)].compactMap { role, value in value.map { (role, $0) } }
    }

    /// A one-row table of the fields given.
    func table(name: String) throws -> Table {
        let given = fields
        if given.isEmpty { throw PadanError(.usage, "the query gives no field (nik, name, birth_date, sex, address, village, kk, birth_place)") }
        var format = SourceFormat(container: "memory")
        format.encoding = "utf-8"
        return Table(name: name, path: name, columnNames: given.map(\.0.rawValue),
                     columns: given.map { ByteColumn([$0.1]) },
                     roles: Dictionary(uniqueKeysWithValues: given.enumerated().map { ($1.0, $0) }),
                     lineNumbers: [1], ordinals: [1], rejected: [], format: format, warnings: [])
    }
}

/// A register record that may be the person looked up.
public struct MatchCandidate: Sendable, Codable, Equatable {
    /// One comparison's part in the score.
    public struct Evidence: Sendable, Codable, Equatable {
        public var comparison: String
        public var level: String
        public var weight: Double
    }

    public var record: Int64
    public var person: Int64
    public var list: String
    public var id: String
    public var line: Int
    public var probability: Double
    public var weight: Double
    public var blockingRule: String
    public var explanation: [Evidence]

    enum CodingKeys: String, CodingKey {
        case record, person, list, id, line, probability, weight, explanation
        case blockingRule = "blocking_rule"
    }
}

extension Table {
    /// The table of rows `rows` only (in that order), with the same columns and roles.
    func subset(rows: [Int]) -> Table {
        let columns = self.columns.map { column -> ByteColumn in
            var out = ByteColumn()
            out.reserve(values: rows.count, bytes: rows.reduce(0) { $0 + column.length($1) })
            for r in rows { out.append(column[r]) }
            return out
        }
        return Table(name: name, path: path, columnNames: columnNames, columns: columns, roles: roles,
                     lineNumbers: rows.map { lineNumbers[$0] }, ordinals: rows.map { ordinals[$0] }, rejected: [],
                     format: format, warnings: [], notes: [])
    }
}
