import Foundation

/// A register of people that grows list by list: every record ever added, with its provenance,
/// a stable person id for each person, the links between records, the configuration and the
/// trained model, in one SQLite file.
///
/// ```swift
/// let reg = try Register.create(at: "bansos.padan", lists: [try TableReader.read(path: "dtks.csv")])
/// let tahap2 = try TableReader.read(path: "tahap2.csv")
/// let change = try reg.add(tahap2)          // linked to the register's people and to each other
/// print(change.newPeople, change.merges.count)
/// let check = try reg.match(another)        // the same linking, nothing stored
/// ```
///
/// **Linking an addition.** The added list is standardized with the register's records (so term
/// frequencies count every record held), blocked against them, and only pairs with at least one
/// new record are compared and scored with the register's model. The register's first two lists
/// train the model the way `padan link` does; a register made from one list holds a within-list
/// model until its first addition, which trains both kinds over all the records (recorded as a
/// `retrain` change). Clusters are then formed over every link held, and ids kept by
/// ``PersonAssignment``'s rules: a person keeps their id unless a merge or a split, recorded as a
/// change of that addition, says otherwise.
///
/// **Safety.** An addition is worked out first and then written in one transaction, so a
/// process killed at any moment leaves the register as it was before or as it is after. The
/// database is in WAL mode: readers (``match(_:)``, ``lookup(nik:)``, another process) go on while
/// an addition writes. A register changed by another addition between the two steps is refused,
/// not overwritten.
public final class Register {
    /// The file's path.
    public let path: String
    /// The format this version of Padan writes (SQLite's `user_version`).
    public static let formatVersion: Int64 = 2

    let database: SQLiteDatabase
    /// The link settings, from the configuration the register was made with.
    public let settings: LinkSettings
    /// The configuration's YAML text ("" for Padan's defaults).
    public let configurationText: String
    /// The date ages and two-digit years are read against, fixed when the register was made.
    public let referenceDate: String

    private init(path: String, database: SQLiteDatabase) throws {
        self.path = path
        self.database = database
        configurationText = try database.scalar("SELECT value FROM meta WHERE key = 'configuration'")?.text ?? ""
        referenceDate = try database.scalar("SELECT value FROM meta WHERE key = 'reference_date'")?.text ?? ""
        var settings = configurationText.isEmpty
            ? Configuration().link : try Configuration.parse(configurationText, file: path + " (configuration)").link
        guard let year = Int(referenceDate.prefix(4)) else {
            throw PadanError(.badInput, file: path, "the register's reference date '\(referenceDate)' is not a date")
        }
        settings.referenceYear = year
        self.settings = settings
    }

    /// Opens the register at `path`. Throws when it is not a register, or one of a format this
    /// version cannot read (with the version that can).
    public static func open(at path: String, readOnly: Bool = false) throws -> Register {
        guard FileManager.default.fileExists(atPath: path) else {
            throw PadanError(.usage, file: path, "no register here (make one with padan register create)")
        }
        let database = try SQLiteDatabase(path: path, create: false, readOnly: readOnly)
        try RegisterSchema.check(database, readOnly: readOnly)
        return try Register(path: path, database: database)
    }

    /// Makes a register at `path` from `lists` (one or more), linked across and within as
    /// `padan link` links them, with a model trained on them. `configurationText`: a YAML
    /// configuration (nil or "" for the defaults); `referenceDate`: YYYY-MM-DD.
    public static func create(at path: String, lists: [Table], configurationText: String? = nil,
                              referenceDate: String, threads: Int? = nil,
                              progress: (@Sendable (LinkProgress) -> Void)? = nil) throws -> (Register, RegisterChange) {
        if lists.isEmpty { throw PadanError(.usage, "a register is made from at least one list") }
        if FileManager.default.fileExists(atPath: path) {
            throw PadanError(.usage, file: path, "a file is already there (a register is never replaced; remove it first)")
        }
        // Made under a temporary name and renamed when whole, so a failed or killed create leaves nothing.
        let temporary = path + ".padan-creating-\(getpid())"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        do {
            let database = try SQLiteDatabase(path: temporary, create: true)
            try RegisterSchema.create(database, configuration: configurationText ?? "", referenceDate: referenceDate)
            let register = try Register(path: temporary, database: database)
            if let threads { register.threadCount = threads }
            register.progress = progress
            let change = try register.link(lists, commit: true)
            try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            let opened = try Register.open(at: path)
            opened.threadCount = register.threadCount
            opened.progress = progress
            return (opened, change)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            throw error
        }
    }

    /// Worker threads for linking (default: one per processor).
    public var threadCount: Int = 0
    /// Called as each linking stage starts and advances.
    public var progress: (@Sendable (LinkProgress) -> Void)?

    /// Adds `list`: links it to the register's people and its records to each other, stores it,
    /// and returns what changed. Refused when a list with the same bytes or the same name is held.
    @discardableResult
    public func add(_ list: Table) throws -> RegisterChange {
        try link([list], commit: true)
    }

    /// Links `list` to the register as ``add(_:)`` would, and stores nothing.
    public func match(_ list: Table) throws -> RegisterChange {
        try link([list], commit: false)
    }

    // MARK: - Linking

    private func link(_ lists: [Table], commit: Bool) throws -> RegisterChange {
        var lap = DispatchTime.now().uptimeNanoseconds
        var timings: [StageTiming] = []
        func time(_ stage: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.append(StageTiming(stage: stage, seconds: Double(now - lap) / 1e9))
            lap = now
        }
        var snapshot = try RegisterSnapshot.load(database)
        time("register: load")
        let digests = try lists.map { try Self.digest(of: $0.path) }
        for (i, list) in lists.enumerated() {
            if let held = snapshot.lists.first(where: { $0.sha256 == digests[i] }) {
                throw PadanError(.usage, file: list.path, "this file was already added to the register, as list '\(held.name)' on \(held.added) (the same bytes)")
            }
            if snapshot.lists.contains(where: { $0.name == list.name }) || lists[..<i].contains(where: { $0.name == list.name }) {
                throw PadanError(.usage, file: list.path, "the register already holds a list named '\(list.name)'", setting: "name")
            }
            if let j = digests[..<i].firstIndex(of: digests[i]) {
                throw PadanError(.usage, file: list.path, "the same file as \(lists[j].path) (the same bytes)")
            }
        }
        var settings = self.settings
        if threadCount > 0 { settings.threads = threadCount }
        let tables = snapshot.tables + lists
        let firstNew = snapshot.tables.count
        // A model that has seen pairs of both kinds links incrementally; otherwise every record is
        // linked again and the model trained on all of them.
        let incremental = snapshot.model != nil && snapshot.modelKinds == "both"
        // Held lists come packed from the register; the added ones (and any the register keeps
        // no packed records of for this build) are standardized and packed here.
        let packingThreads = settings.threads
        let referenceYear = settings.referenceYear
        var packed: [PackedList] = [], repacked: [Int] = []
        for (l, table) in tables.enumerated() {
            if l < firstNew, let kept = snapshot.packed[l] {
                packed.append(kept)
            } else {
                packed.append(PackedList(table: try settings.joiningRoles(table), referenceYear: referenceYear, threads: packingThreads))
                repacked.append(l)
            }
        }
        snapshot.packed = []
        time("register: pack \(repacked.count) list(s)")
        let linker = Linker(settings: settings, progress: progress)
        let result: LinkResult
        if incremental {
            result = try linker.link(tables, scope: .linkAndDedupe, model: snapshot.model, firstNewList: firstNew, packed: packed)
        } else {
            result = try linker.link(tables, scope: tables.count > 1 ? .linkAndDedupe : .dedupe, model: nil,
                                     firstNewList: 0, packed: packed)
        }
        let toStore = repacked.map { ($0, packed[$0]) }
        packed = []
        time("register: link")
        timings += result.timings.map { StageTiming(stage: "  " + $0.stage, seconds: $0.seconds) }
        lap = DispatchTime.now().uptimeNanoseconds
        // Every link the register will hold: those kept, and the new ones.
        var allLinks = incremental ? snapshot.links : []
        allLinks += result.links
        let offsets = tables.reduce(into: [0]) { $0.append($0.last! + $1.rowCount) }
        let (cluster, sizes, refused) = Clusters.components(allLinks, offsets: offsets, maxSize: settings.maxClusterSize)
        let previous = snapshot.person.flatMap { $0 } + [Int64](repeating: 0, count: offsets.last! - offsets[firstNew])
        let assignment = PersonAssignment(cluster: cluster, clusterCount: sizes.count, previous: previous,
                                          nextID: snapshot.nextPerson)
        let touchesNew = { (p: ScoredPair) in p.left.list >= firstNew || p.right.list >= firstNew }
        var change = RegisterChange(
            lists: lists.map(\.name), firstNewList: firstNew, result: result, offsets: offsets,
            person: assignment.person, previous: previous,
            links: result.links.filter(touchesNew), review: result.review.filter(touchesNew),
            merges: assignment.merges.map { .init(merged: $0.merged, into: $0.into) },
            splits: assignment.splits.map { .init(from: $0.from, to: $0.to, records: $0.records) },
            newPeople: assignment.created.count, retrained: !incremental, refusedLinks: refused.filter(touchesNew).count,
            committed: false, firstNewPerson: snapshot.nextPerson)
        time("register: people")
        if commit {
            try write(change, assignment: assignment, snapshot: snapshot, lists: lists, digests: digests,
                      allLinks: incremental ? result.links : allLinks, replaceLinks: !incremental,
                      model: result.model, packed: toStore)
            change.committed = true
            time("register: write")
        }
        change.timings = timings
        return change
    }

    /// Writes an addition in one transaction, after checking nothing else was added meanwhile.
    private func write(_ change: RegisterChange, assignment: PersonAssignment, snapshot: RegisterSnapshot, lists: [Table],
                       digests: [String], allLinks: [ScoredPair], replaceLinks: Bool, model: MatchModel,
                       packed: [(list: Int, records: PackedList)]) throws {
        let added = Self.timestamp()
        try database.transaction {
            let generation = try database.scalar("SELECT value FROM meta WHERE key = 'generation'")?.text.flatMap { Int64($0) } ?? -1
            guard generation == snapshot.generation else {
                throw PadanError(.usage, file: path, "the register changed while this list was being linked (another addition); run again")
            }
            let firstNew = snapshot.tables.count
            // The lists, then their records' ids (consecutive after the highest held).
            var listIDs = snapshot.lists.map(\.id)
            let insertList = try database.prepare("""
                INSERT INTO lists(name, file, sha256, added, rows, rejected, columns, roles, format)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (i, t) in lists.enumerated() {
                try insertList.run([.text(t.name), .text(t.path), .text(digests[i]), .text(added), .integer(Int64(t.rowCount)),
                                    .integer(Int64(t.rejected.count)), .text(try RecordCodec.json(t.columnNames)),
                                    .text(try RecordCodec.json(Dictionary(uniqueKeysWithValues: t.roles.map { ($0.key.rawValue, $0.value) }))),
                                    .text(try RecordCodec.json(t.format))])
                listIDs.append(database.lastInsertedRow)
            }
            let insertPerson = try database.prepare("INSERT INTO people(id, created_by) VALUES (?, ?)")
            // A new person is created by the first list holding one of their records (new ids are
            // the ones from the snapshot's next id on, so an array indexed by id - next).
            let first = snapshot.nextPerson
            var creator = [Int64](repeating: 0, count: Int(assignment.nextID - first))
            for l in change.offsets.indices.dropLast() {
                for g in change.offsets[l] ..< change.offsets[l + 1] {
                    let id = assignment.person[g]
                    if id >= first && creator[Int(id - first)] == 0 { creator[Int(id - first)] = listIDs[l] }
                }
            }
            for id in assignment.created {
                let by = creator[Int(id - first)]
                try insertPerson.run([.integer(id), .integer(by == 0 ? listIDs[firstNew] : by)])
            }
            let mergePerson = try database.prepare("UPDATE people SET merged_into = ?, merged_by = ? WHERE id = ?")
            let event = try database.prepare("INSERT INTO events(list, kind, person, other, records, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for m in assignment.merges {
                try mergePerson.run([.integer(m.into), .integer(listIDs[firstNew]), .integer(m.merged)])
                try event.run([.integer(listIDs[firstNew]), .text("merge"), .integer(m.into), .integer(m.merged), .null,
                               .text("person \(m.merged) merged into \(m.into): a record of the added list links them"), .text(added)])
            }
            for s in assignment.splits {
                try event.run([.integer(listIDs[firstNew]), .text("split"), .integer(s.to), .integer(s.from), .integer(Int64(s.records)),
                               .text("\(s.records) record(s) of person \(s.from) now belong to person \(s.to)"), .text(added)])
            }
            if change.retrained && firstNew > 0 {
                try event.run([.integer(listIDs[firstNew]), .text("retrain"), .null, .null, .null,
                               .text("the model was trained again on all the records (the register's first pairs across lists); every link was scored again"), .text(added)])
            }
            // Earlier records whose person changed.
            let movePerson = try database.prepare("UPDATE records SET person = ? WHERE id = ?")
            for l in 0 ..< firstNew {
                for r in 0 ..< snapshot.tables[l].rowCount {
                    let g = change.offsets[l] + r
                    if assignment.person[g] != change.previous[g] {
                        try movePerson.run([.integer(assignment.person[g]), .integer(snapshot.recordIDs[l][r])])
                    }
                }
            }
            var recordIDs = snapshot.recordIDs
            var nextRecord = snapshot.nextRecord
            let insertRecord = try database.prepare("INSERT INTO records(id, list, row, line, ordinal, person, nik, cells) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for (i, t) in lists.enumerated() {
                let l = firstNew + i
                var ids: [Int64] = []
                ids.reserveCapacity(t.rowCount)
                let nik = t.column(.nik)
                for r in 0 ..< t.rowCount {
                    let nikValue: SQLiteDatabase.Value = nik.map { .text(RecordCodec.digits($0[r])) } ?? .null
                    try insertRecord.run([.integer(nextRecord), .integer(listIDs[l]), .integer(Int64(r)), .integer(Int64(t.lineNumbers[r])),
                                          .integer(Int64(t.ordinals[r])), .integer(assignment.person[change.offsets[l] + r]), nikValue,
                                          .blob(RecordCodec.encode(t, row: r))])
                    ids.append(nextRecord)
                    nextRecord += 1
                }
                recordIDs.append(ids)
            }
            for (l, records) in packed { try PackedCache.store(database, list: listIDs[l], packed: records) }
            if replaceLinks { try database.execute("DELETE FROM links") }
            let insertLink = try database.prepare("INSERT OR REPLACE INTO links(a, b, weight, probability, rule, list) VALUES (?, ?, ?, ?, ?, ?)")
            for p in allLinks {
                let a = recordIDs[p.left.list][p.left.row], b = recordIDs[p.right.list][p.right.row]
                let addedBy = listIDs[max(p.left.list, p.right.list)]
                try insertLink.run([.integer(min(a, b)), .integer(max(a, b)), .real(p.weight), .real(p.probability), .text(p.rule), .integer(addedBy)])
            }
            let setMeta = try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            try setMeta.run([.text("generation"), .text(String(snapshot.generation + 1))])
            if change.retrained {
                try setMeta.run([.text("model"), .text(String(decoding: try RecordCodec.jsonBytes(model), as: UTF8.self))])
                try setMeta.run([.text("model_kinds"), .text(snapshot.tables.count + lists.count > 1 ? "both" : "within")])
            }
            try setMeta.run([.text("updated"), .text(added)])
        }
    }

    // MARK: - Reading

    /// What the register holds.
    public func info() throws -> RegisterInfo {
        try database.execute("BEGIN")
        defer { try? database.execute("COMMIT") }
        var lists: [RegisterInfo.List] = []
        let s = try database.prepare("SELECT id, name, file, sha256, added, rows, rejected FROM lists ORDER BY id")
        while try s.step() {
            lists.append(.init(name: s.text(1), file: s.text(2), sha256: s.text(3), added: s.text(4), rows: Int(s.int(5)), rejected: Int(s.int(6))))
        }
        func count(_ sql: String) throws -> Int { Int(try database.scalar(sql)?.integer ?? 0) }
        func meta(_ key: String) throws -> String { try database.scalar("SELECT value FROM meta WHERE key = ?", [.text(key)])?.text ?? "" }
        var events: [String: Int] = [:]
        let e = try database.prepare("SELECT kind, count(*) FROM events GROUP BY kind")
        while try e.step() { events[e.text(0)] = Int(e.int(1)) }
        return RegisterInfo(
            path: path, format: try RegisterSchema.version(database), padanVersion: try meta("padan_version"),
            created: try meta("created"), updated: try meta("updated"), referenceDate: referenceDate,
            configuration: configurationText.isEmpty ? "defaults" : "custom", modelKinds: try meta("model_kinds"),
            lists: lists, records: try count("SELECT count(*) FROM records"),
            people: try count("SELECT count(*) FROM people WHERE merged_into IS NULL"),
            mergedPeople: try count("SELECT count(*) FROM people WHERE merged_into IS NOT NULL"),
            links: try count("SELECT count(*) FROM links"), changes: events)
    }

    /// The register's model.
    public func model() throws -> MatchModel {
        guard let text = try database.scalar("SELECT value FROM meta WHERE key = 'model'")?.text else {
            throw PadanError(.badInput, file: path, "the register holds no model")
        }
        return try JSONDecoder().decode(MatchModel.self, from: Data(text.utf8))
    }

    /// The records whose NIK has the digits of `nik` (spaces, dots and apostrophes ignored).
    public func lookup(nik: String) throws -> [RegisterRecord] {
        let digits = RecordCodec.digits(Array(nik.utf8)[...])
        return try records(where: "r.nik = ?", [.text(digits)])
    }

    /// Every record of person `id` (following merges: an id merged into another gives that
    /// person's records), oldest first; empty when there is no such person.
    public func person(_ id: Int64) throws -> [RegisterRecord] {
        var current = id, seen = Set<Int64>()
        while let into = try database.scalar("SELECT merged_into FROM people WHERE id = ?", [.integer(current)])?.integer {
            if !seen.insert(current).inserted { break }
            current = into
        }
        return try records(where: "r.person = ?", [.integer(current)])
    }

    /// Checks the file with SQLite's `PRAGMA integrity_check` and the register's own invariants
    /// (every record has a person that exists and is not merged away; every link joins two held
    /// records). Returns the problems found, none when it is sound.
    public func integrityProblems() throws -> [String] {
        var problems: [String] = []
        let s = try database.prepare("PRAGMA integrity_check")
        while try s.step() { if s.text(0) != "ok" { problems.append(s.text(0)) } }
        let checks: [(String, String)] = [
            ("SELECT count(*) FROM records r LEFT JOIN people p ON p.id = r.person WHERE p.id IS NULL", "records without a person"),
            ("SELECT count(*) FROM records r JOIN people p ON p.id = r.person WHERE p.merged_into IS NOT NULL", "records of a person merged away"),
            ("SELECT count(*) FROM links l LEFT JOIN records a ON a.id = l.a LEFT JOIN records b ON b.id = l.b WHERE a.id IS NULL OR b.id IS NULL", "links to records not held"),
            ("SELECT count(*) FROM lists l WHERE l.rows != (SELECT count(*) FROM records r WHERE r.list = l.id)", "lists whose row count is not their records'"),
        ]
        for (sql, what) in checks {
            let n = try database.scalar(sql)?.integer ?? 0
            if n > 0 { problems.append("\(n) \(what)") }
        }
        if try PackedCache.available(database) {
            let orphans = try database.scalar("SELECT count(*) FROM packed p LEFT JOIN lists l ON l.id = p.list WHERE l.id IS NULL")?.integer ?? 0
            if orphans > 0 { problems.append("\(orphans) chunk(s) of packed records of lists not held") }
            var damaged = 0
            let c = try database.prepare("SELECT checksum, data FROM packed")
            while try c.step() {
                if c.withBytes(1, { Int64(bitPattern: XXH3.hash($0)) }) != c.int(0) { damaged += 1 }
            }
            if damaged > 0 { problems.append("\(damaged) chunk(s) of packed records damaged (not used: the next addition packs those lists again)") }
        }
        return problems
    }

    /// Writes what the register holds into `directory` (which appears whole or not at all):
    /// - `records.csv`: every record with its person id and provenance (`source`, `id`,
    ///   `person_id`, `line`, `file`, `added`), its key fields by role, and all its columns as
    ///   `header=value` pairs in one field; `padan eval --clusters` reads it;
    /// - `links.csv`: every link held (`left_id`, `right_id`, `left_source`, `right_source`,
    ///   probability, weight, blocking rule); `padan eval --links` reads it;
    /// - `changes.csv`: every merge, split and retraining, with the list that caused it.
    public func export(to directory: String, force: Bool = false) throws {
        let out = try OutputDirectory(path: directory, force: force)
        let snapshot = try RegisterSnapshot.load(database, packed: false)
        let tables = snapshot.tables
        let roles = Role.allCases.filter { role in role != .id && tables.contains { $0.roles[role] != nil } }
        try out.stream("records.csv", dialect: .standard) { w in
            w.row(["source", "id", "person_id", "line", "file", "added"] + roles.map(\.rawValue) + ["columns"])
            for (l, t) in tables.enumerated() {
                let columns = roles.map { t.column($0) }, ids = t.column(.id)
                for r in 0 ..< t.rowCount {
                    w.field(t.name)
                    LinkOutput.idField(&w, ids, t.ordinals, r)
                    w.field(Int(snapshot.person[l][r]))
                    w.field(Int(t.lineNumbers[r]))
                    w.field(t.path)
                    w.field(snapshot.lists[l].added)
                    for (k, c) in columns.enumerated() {
                        LinkOutput.roleField(&w, c, identity: roles[k] == .nik || roles[k] == .kk, r, pseudonymizer: nil)
                    }
                    w.field(t.columnNames.indices.map { "\(t.columnNames[$0])=\(t.columns[$0].string(r))" }.joined(separator: "\u{1F}"))
                    w.endRow()
                }
            }
        }
        try out.stream("links.csv", dialect: .standard) { w in
            w.row(["left_id", "right_id", "left_source", "right_source", "match_probability", "match_weight", "blocking_rule"])
            let ids = tables.map { $0.column(.id) }
            for p in snapshot.links {
                LinkOutput.idField(&w, ids[p.left.list], tables[p.left.list].ordinals, p.left.row)
                LinkOutput.idField(&w, ids[p.right.list], tables[p.right.list].ordinals, p.right.row)
                w.field(tables[p.left.list].name)
                w.field(tables[p.right.list].name)
                w.field(p.probability, decimals: 6)
                w.field(p.weight, decimals: 3)
                w.field(p.rule)
                w.endRow()
            }
        }
        let events = try database.prepare("SELECT e.kind, e.person, e.other, e.records, l.name, e.at, e.detail FROM events e JOIN lists l ON l.id = e.list ORDER BY e.id")
        var rows: [[String]] = []
        while try events.step() {
            rows.append([events.text(0), events.isNull(1) ? "" : String(events.int(1)), events.isNull(2) ? "" : String(events.int(2)),
                         events.isNull(3) ? "" : String(events.int(3)), events.text(4), events.text(5), events.text(6)])
        }
        try out.stream("changes.csv", dialect: .standard) { w in
            w.row(["change", "person_id", "other_person_id", "records", "list", "at", "detail"])
            for row in rows { w.row(row) }
        }
        try out.commit()
    }

    private func records(where condition: String, _ values: [SQLiteDatabase.Value]) throws -> [RegisterRecord] {
        let s = try database.prepare("""
            SELECT r.id, r.person, l.name, l.file, r.line, l.added, l.columns, r.cells
            FROM records r JOIN lists l ON l.id = r.list WHERE \(condition) ORDER BY r.id
            """)
        try s.bind(values)
        var out: [RegisterRecord] = []
        var headers: [String: [String]] = [:]
        while try s.step() {
            let json = s.text(6)
            let names = try headers[json] ?? JSONDecoder().decode([String].self, from: Data(json.utf8))
            headers[json] = names
            let cells = try s.withBytes(7) { try RecordCodec.decode($0, columns: names.count, file: path) }
            out.append(RegisterRecord(record: s.int(0), person: s.int(1), list: s.text(2), file: s.text(3), line: Int(s.int(4)),
                                      added: s.text(5), fields: zip(names, cells.map { String(decoding: $0, as: UTF8.self) }).map { [$0, $1] }))
        }
        return out
    }

    static func digest(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PadanError(.badInput, file: path, "cannot be read")
        }
        defer { try? handle.close() }
        var hash = SHA256Digest()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(chunk) }
        return SHA256Digest.hex(hash.finalize())
    }

    static func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }
}
