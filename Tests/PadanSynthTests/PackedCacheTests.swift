import Foundation
import Testing
@testable import Padan
import PadanSynth

/// The register's packed records: read back as they were stored, used only by the build that
/// stored them and only when whole, and an addition that reads them links exactly as one that
/// standardizes every record again.
@Suite struct PackedCacheTests {
    typealias Corpus = RegisterTests.Corpus

    static func packed(_ table: Table) throws -> PackedList {
        var settings = LinkSettings.indonesianDefault
        settings.referenceYear = 2026
        return PackedList(table: try settings.joiningRoles(table), referenceYear: 2026, threads: 2)
    }

    @Test func theBuildIsFingerprinted() {
        #expect(!BuildFingerprint.current.isEmpty, "the file holding Padan's code was not found")
        #expect(PackedCache.build == BuildFingerprint.current + "-\(MemoryLayout<CompareRecord>.stride)")
        #expect(MemoryLayout<CompareRecord>.size == MemoryLayout<CompareRecord>.stride, "padding would make stored bytes undefined")
    }

    @Test func chunksReadBackAsStoredAndNothingElseIsUsed() throws {
        let corpus = try Corpus(lists: 2, rows: 700, seed: 7201)
        let (register, _) = try Register.create(at: corpus.path("r.padan"), lists: [corpus.tables[0]], referenceDate: "2026-06-30")
        let db = register.database
        let rows = corpus.tables[1].rowCount
        let list = try Self.packed(corpus.tables[1])
        #expect(list.count == rows)
        // A piece from the middle, as one chunk.
        let piece = PackedCache.encode(list, 100 ..< 250)
        let back = try #require(piece.withUnsafeBytes { PackedCache.decode($0, count: 150) })
        #expect(back.records == Array(list.records[100 ..< 250]))
        #expect(back.name.string(0) == list.name.string(100) && back.nik.string(149) == list.nik.string(249))
        #expect(piece.withUnsafeBytes { PackedCache.decode($0, count: 151) } == nil, "a chunk of another count is refused")
        // Stored in chunks of 64 under list 1's id, read back whole.
        try db.execute("PRAGMA foreign_keys = OFF")
        try PackedCache.store(db, list: 999, packed: list, chunkRecords: 64)
        #expect(try db.scalar("SELECT count(*) FROM packed WHERE list = 999")?.integer == Int64((rows + 63) / 64))
        #expect(try PackedCache.load(db, list: 999, rows: rows) == list)
        // Another build's, a different number of rows, a damaged chunk: not used.
        #expect(try PackedCache.load(db, list: 999, rows: rows, build: "another build") == nil)
        #expect(try PackedCache.load(db, list: 999, rows: rows - 1) == nil)
        try db.execute("UPDATE packed SET data = CAST(zeroblob(length(data)) AS BLOB) WHERE list = 999 AND chunk = 3")
        #expect(try PackedCache.load(db, list: 999, rows: rows) == nil)
        // `register check` names both: chunks of no list held, and a damaged one.
        let problems = try register.integrityProblems()
        #expect(problems.contains { $0.contains("of lists not held") } && problems.contains { $0.hasPrefix("1 chunk(s) of packed records damaged") }, "\(problems)")
        try db.execute("DELETE FROM packed WHERE list = 999 AND chunk = 2")
        #expect(try PackedCache.load(db, list: 999, rows: rows) == nil)
        // What create stored for the register's list is that list's packed records.
        let held = try RegisterSnapshot.load(db), expected = try Self.packed(corpus.tables[0])
        #expect(held.packed.count == 1 && held.packed[0] == expected)
    }

    /// An addition reading the packed records links as one that packs every record again (the
    /// packed records removed from a copy of the register), and stores them again.
    @Test func anAdditionWithThePackedRecordsLinksAsOneWithout() throws {
        let corpus = try Corpus(lists: 3, rows: 1500, seed: 7202)
        let t = corpus.tables
        let (register, _) = try Register.create(at: corpus.path("r.padan"), lists: [t[0], t[1]], referenceDate: "2026-06-30")
        try register.database.execute("VACUUM INTO '\(corpus.path("copy.padan"))'")
        let copy = try Register.open(at: corpus.path("copy.padan"))
        try copy.database.execute("DELETE FROM packed")
        #expect(try RegisterSnapshot.load(register.database).packed.allSatisfy { $0 != nil })
        #expect(try RegisterSnapshot.load(copy.database).packed.allSatisfy { $0 == nil })

        let withPacked = try register.add(t[2])
        let without = try copy.add(t[2])
        #expect(withPacked.timings.contains { $0.stage == "register: pack 1 list(s)" })
        #expect(without.timings.contains { $0.stage == "register: pack 3 list(s)" })
        func described(_ pairs: [ScoredPair]) -> [String] {
            pairs.map { "\($0.left.list):\($0.left.row)-\($0.right.list):\($0.right.row) \($0.weight) \($0.probability) \($0.rule)" }.sorted()
        }
        #expect(!withPacked.links.isEmpty)
        #expect(described(withPacked.links) == described(without.links))
        #expect(described(withPacked.review) == described(without.review))
        #expect(withPacked.person == without.person)
        // The copy keeps the packed records of all three lists again.
        #expect(try RegisterSnapshot.load(copy.database).packed.allSatisfy { $0 != nil })
        #expect(try copy.integrityProblems().isEmpty)
        #expect(try register.integrityProblems().isEmpty)
    }

    /// A register of format 1 (without packed records) is read as it is when opened read-only,
    /// and upgraded to format 2 when opened to write.
    @Test func aRegisterOfFormatOneIsUpgraded() throws {
        let corpus = try Corpus(lists: 2, rows: 500, seed: 7203)
        let path = corpus.path("r.padan")
        _ = try Register.create(at: path, lists: [corpus.tables[0]], referenceDate: "2026-06-30")
        do {
            let db = try SQLiteDatabase(path: path, create: false)
            try db.execute("DROP TABLE packed; PRAGMA user_version = 1")
        }
        let reading = try Register.open(at: path, readOnly: true)
        #expect(try reading.info().format == 1)
        #expect(try RegisterSnapshot.load(reading.database).packed == [nil])
        let matched = try reading.match(corpus.tables[1])
        #expect(!matched.links.isEmpty)
        let writing = try Register.open(at: path)
        #expect(try writing.info().format == 2)
        try writing.add(corpus.tables[1])
        #expect(try RegisterSnapshot.load(writing.database).packed.allSatisfy { $0 != nil })
        #expect(try writing.integrityProblems().isEmpty)
    }
}
