import Foundation

/// Everything an addition needs from the register, read in one read transaction (a consistent
/// view even while another process writes).
struct RegisterSnapshot {
    struct List {
        var id: Int64
        var name: String
        var sha256: String
        var added: String
    }

    var generation: Int64
    var lists: [List]
    /// Each list's records as a table, as they were read when the list was added.
    var tables: [Table]
    /// Each list's records' ids and person ids, by row.
    var recordIDs: [[Int64]]
    var person: [[Int64]]
    var links: [ScoredPair]
    var model: MatchModel?
    var modelKinds: String
    var nextPerson: Int64
    var nextRecord: Int64
    /// Each list's packed records as the register keeps them for this build (nil: not kept, or
    /// kept by another build; see ``PackedCache``).
    var packed: [PackedList?]

    /// Reads the register; `packed`: with the packed records kept for this build.
    static func load(_ db: SQLiteDatabase, packed withPacked: Bool = true) throws -> RegisterSnapshot {
        try db.execute("BEGIN")
        defer { try? db.execute("COMMIT") }
        func meta(_ key: String) throws -> String? { try db.scalar("SELECT value FROM meta WHERE key = ?", [.text(key)])?.text }
        let generation = Int64(try meta("generation") ?? "") ?? 0
        let model = try meta("model").map { try JSONDecoder().decode(MatchModel.self, from: Data($0.utf8)) }
        var lists: [List] = [], headers: [[String]] = [], roles: [[Role: Int]] = [], formats: [SourceFormat] = [], files: [String] = []
        var rowCounts: [Int] = []
        let s = try db.prepare("SELECT id, name, file, sha256, added, columns, roles, format, rows FROM lists ORDER BY id")
        let decoder = JSONDecoder()
        while try s.step() {
            lists.append(List(id: s.int(0), name: s.text(1), sha256: s.text(3), added: s.text(4)))
            files.append(s.text(2))
            rowCounts.append(Int(s.int(8)))
            headers.append(try decoder.decode([String].self, from: Data(s.text(5).utf8)))
            let named = try decoder.decode([String: Int].self, from: Data(s.text(6).utf8))
            roles.append(Dictionary(uniqueKeysWithValues: named.compactMap { k, v in Role(rawValue: k).map { ($0, v) } }))
            formats.append(try decoder.decode(SourceFormat.self, from: Data(s.text(7).utf8)))
        }
        let index = Dictionary(uniqueKeysWithValues: lists.enumerated().map { ($1.id, $0) })
        var columns = headers.map { [ByteColumn](repeating: ByteColumn(), count: $0.count) }
        var lines = lists.map { _ in [Int32]() }, ordinals = lines
        var recordIDs = lists.map { _ in [Int64]() }, person = recordIDs
        // Record ids are dense (1, 2, ... in the order records were added): where each one is,
        // by id, in two arrays (a dictionary of a million entries cost a tenth of a second).
        let maxID = Int(try db.scalar("SELECT max(id) FROM records")?.integer ?? 0)
        var listOfID = [Int32](repeating: -1, count: maxID + 1), rowOfID = [Int32](repeating: -1, count: maxID + 1)
        let r = try db.prepare("SELECT id, list, row, line, ordinal, person, cells FROM records ORDER BY id")
        while try r.step() {
            guard let l = index[r.int(1)], Int(r.int(2)) == recordIDs[l].count else {
                throw PadanError(.badInput, file: db.path, "the register's records are out of order (a damaged file)")
            }
            let id = Int(r.int(0))
            guard id > 0 && id <= maxID else { throw PadanError(.badInput, file: db.path, "a record of the register has id \(id), not between 1 and \(maxID) (a damaged file)") }
            (listOfID[id], rowOfID[id]) = (Int32(l), Int32(recordIDs[l].count))
            recordIDs[l].append(r.int(0))
            person[l].append(r.int(5))
            lines[l].append(Int32(r.int(3)))
            ordinals[l].append(Int32(r.int(4)))
            try r.withBytes(6) { try RecordCodec.append($0, to: &columns[l], file: db.path) }
            // Each list's columns reserved once for all its rows, from the sizes of its first
            // records (growing a million-row arena by doubling costs more in fresh pages than the read).
            if recordIDs[l].count == 2048 && rowCounts[l] > 4096 {
                for c in columns[l].indices {
                    let bytes = columns[l][c].bytes.count * rowCounts[l] / 2048
                    columns[l][c].reserve(values: rowCounts[l], bytes: bytes + bytes / 8 + 64)
                }
                recordIDs[l].reserveCapacity(rowCounts[l]); person[l].reserveCapacity(rowCounts[l])
                lines[l].reserveCapacity(rowCounts[l]); ordinals[l].reserveCapacity(rowCounts[l])
            }
        }
        let tables = lists.indices.map { l in
            Table(name: lists[l].name, path: files[l], columnNames: headers[l], columns: columns[l], roles: roles[l],
                  lineNumbers: lines[l], ordinals: ordinals[l], rejected: [], format: formats[l], warnings: [])
        }
        var links: [ScoredPair] = []
        let k = try db.prepare("SELECT a, b, weight, probability, rule FROM links ORDER BY a, b")
        while try k.step() {
            let ia = Int(k.int(0)), ib = Int(k.int(1))
            guard (1 ... max(maxID, 1)).contains(ia), (1 ... max(maxID, 1)).contains(ib), listOfID[ia] >= 0, listOfID[ib] >= 0 else {
                throw PadanError(.badInput, file: db.path, "a link of the register joins records it does not hold (a damaged file)")
            }
            let a = RowRef(list: Int(listOfID[ia]), row: Int(rowOfID[ia])), b = RowRef(list: Int(listOfID[ib]), row: Int(rowOfID[ib]))
            links.append(ScoredPair(left: min(a, b), right: max(a, b), weight: k.double(2), probability: k.double(3),
                                    levels: [], weights: [], rule: k.text(4)))
        }
        let packed = try lists.indices.map { withPacked ? try PackedCache.load(db, list: lists[$0].id, rows: tables[$0].rowCount) : nil }
        let nextPerson = (try db.scalar("SELECT max(id) FROM people")?.integer ?? 0) + 1
        let nextRecord = Int64(maxID) + 1
        return RegisterSnapshot(generation: generation, lists: lists, tables: tables, recordIDs: recordIDs, person: person,
                                links: links, model: model, modelKinds: try meta("model_kinds") ?? "none",
                                nextPerson: nextPerson, nextRecord: nextRecord, packed: packed)
    }
}
