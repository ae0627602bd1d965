import Foundation

/// Each list's records as the register last packed them (``PackedList``), so an addition
/// standardizes and packs only the list it adds (at a million records held, about 1.5 s of an
/// addition's 2.6 s went to standardizing and packing the held records again).
///
/// The packed records are derived data: they are kept with the ``BuildFingerprint`` of the build
/// that made them, and a different build (any change to the code) or a chunk whose checksum does
/// not match makes them be worked out again from the records, and stored again by the next
/// addition. They are never the only copy of anything. A list's records are stored in chunks of
/// at most ``chunkRecords`` (SQLite keeps a value under 1 GB), each with its XXH3 checksum.
enum PackedCache {
    static let chunkRecords = 1 << 16

    /// What packed records are kept with: the build's fingerprint and the size of a packed record.
    static let build: String = BuildFingerprint.current.isEmpty ? "" : BuildFingerprint.current + "-\(MemoryLayout<CompareRecord>.stride)"

    /// Whether the register's file has the table (a register of format 1 opened read-only does not).
    static func available(_ db: SQLiteDatabase) throws -> Bool {
        (try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'packed'")?.integer ?? 0) > 0
    }

    /// The packed records of list `id` (of `rows` records), or nil when none are kept for this
    /// build, or what is kept is not whole.
    static func load(_ db: SQLiteDatabase, list id: Int64, rows: Int, build: String = PackedCache.build) throws -> PackedList? {
        guard !build.isEmpty, try available(db) else { return nil }
        let s = try db.prepare("SELECT chunk, build, count, checksum, data FROM packed WHERE list = ? ORDER BY chunk")
        try s.bind([.integer(id)])
        // Each chunk is decoded onto the end of the list, in place (no second copy of the whole):
        // the records straight into an array of their final size, the columns into arenas
        // reserved from the first chunk's sizes (fresh pages are most of the cost of a load).
        var list = PackedList(records: [], name: ByteColumn(), phonetic: ByteColumn(), birthPlace: ByteColumn(), nik: ByteColumn())
        var whole = true
        let records = try [CompareRecord](unsafeUninitializedCapacity: rows) { buffer, initialized in
            initialized = 0
            let out = UnsafeMutableRawBufferPointer(buffer)
            var chunks = 0
            while try s.step() {
                let count = Int(s.int(2)), checksum = s.int(3)
                guard Int(s.int(0)) == chunks, s.text(1) == build, count <= rows - initialized, s.withBytes(4, { raw -> Bool in
                    guard Int64(bitPattern: XXH3.hash(raw)) == checksum, raw.count >= count * stride else { return false }
                    if chunks == 0 { reserve(&list, from: raw, count: count, rows: rows) }
                    UnsafeMutableRawBufferPointer(rebasing: out[initialized * stride ..< (initialized + count) * stride])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0 ..< count * stride]))
                    return decodeColumns(raw, from: count * stride, count: count, onto: &list)
                }) else { whole = false; return }
                initialized += count
                chunks += 1
            }
        }
        list.records = records
        guard whole, list.records.count == rows, list.name.count == rows else { return nil }
        return list
    }

    private static var stride: Int { MemoryLayout<CompareRecord>.stride }

    /// Reserves `list`'s columns for `rows` records, from the sizes of the first chunk's.
    private static func reserve(_ list: inout PackedList, from raw: UnsafeRawBufferPointer, count: Int, rows: Int) {
        guard count > 0 else { return }
        var at = count * stride
        for c in 0 ..< 4 {
            guard at + 4 <= raw.count else { return }
            let bytes = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
            let expected = bytes * rows / count + bytes * rows / count / 16 + 64
            withColumn(c, of: &list) { $0.reserve(values: rows, bytes: expected) }
            at += 4 + 4 * (count + 1) + bytes
        }
    }

    /// Keeps `packed` as list `id`'s, replacing what was kept (inside the caller's transaction).
    static func store(_ db: SQLiteDatabase, list id: Int64, packed: PackedList, build: String = PackedCache.build,
                      chunkRecords: Int = chunkRecords) throws {
        guard !build.isEmpty else { return }
        try db.prepare("DELETE FROM packed WHERE list = ?").run([.integer(id)])
        let insert = try db.prepare("INSERT INTO packed(list, chunk, build, count, checksum, data) VALUES (?, ?, ?, ?, ?, ?)")
        var start = 0, chunk: Int64 = 0
        repeat {
            let end = min(packed.count, start + chunkRecords)
            let data = encode(packed, start ..< end)
            let checksum = data.withUnsafeBytes { Int64(bitPattern: XXH3.hash($0)) }
            try insert.run([.integer(id), .integer(chunk), .text(build), .integer(Int64(end - start)), .integer(checksum), .blob(data)])
            start = end
            chunk += 1
        } while start < packed.count
    }

    /// The records `range` of `packed`: the records' bytes, then each column as its byte count,
    /// its offsets from 0 and its bytes (all in this machine's byte order, as the build is).
    static func encode(_ packed: PackedList, _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        packed.records[range].withUnsafeBytes { out.append(contentsOf: $0) }
        for column in [packed.name, packed.phonetic, packed.birthPlace, packed.nik] {
            let base = column.offsets[range.lowerBound], top = column.offsets[range.upperBound]
            withUnsafeBytes(of: top - base) { out.append(contentsOf: $0) }
            for k in range.lowerBound ... range.upperBound {
                withUnsafeBytes(of: column.offsets[k] - base) { out.append(contentsOf: $0) }
            }
            out.append(contentsOf: column.bytes[Int(base) ..< Int(top)])
        }
        return out
    }

    /// The chunk `raw` of `count` records; nil when its shape is not that of one (a damaged chunk).
    static func decode(_ raw: UnsafeRawBufferPointer, count: Int) -> PackedList? {
        var list = PackedList(records: [], name: ByteColumn(), phonetic: ByteColumn(), birthPlace: ByteColumn(), nik: ByteColumn())
        return decode(raw, count: count, onto: &list) ? list : nil
    }

    /// Appends the chunk `raw` of `count` records to `list`; false (and `list` unusable) when its
    /// shape is not that of one.
    static func decode(_ raw: UnsafeRawBufferPointer, count: Int, onto list: inout PackedList) -> Bool {
        guard count >= 0, raw.count >= count * stride else { return false }
        let first = list.records.count
        list.records.append(contentsOf: repeatElement(CompareRecord(), count: count))
        list.records.withUnsafeMutableBytes { out in
            UnsafeMutableRawBufferPointer(rebasing: out[first * stride ..< (first + count) * stride])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0 ..< count * stride]))
        }
        return decodeColumns(raw, from: count * stride, count: count, onto: &list)
    }

    /// Appends the four columns of a chunk of `count` records, which start at byte `start` of `raw`.
    private static func decodeColumns(_ raw: UnsafeRawBufferPointer, from start: Int, count: Int, onto list: inout PackedList) -> Bool {
        var at = start
        for c in 0 ..< 4 {
            guard at + 4 + 4 * (count + 1) <= raw.count else { return false }
            let bytes = raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)
            at += 4
            let ok = withColumn(c, of: &list) { column -> Bool in
                let base = UInt32(truncatingIfNeeded: column.bytes.count)
                var previous: UInt32 = 0
                for k in 0 ... count {
                    let o = raw.loadUnaligned(fromByteOffset: at + 4 * k, as: UInt32.self)
                    guard o >= previous, o <= bytes, k > 0 || o == 0 else { return false }
                    previous = o
                    if k > 0 { column.offsets.append(base &+ o) }
                }
                guard previous == bytes else { return false }
                at += 4 * (count + 1)
                guard at + Int(bytes) <= raw.count else { return false }
                column.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[at ..< at + Int(bytes)]))
                at += Int(bytes)
                return true
            }
            if !ok { return false }
        }
        return at == raw.count
    }

    private static func withColumn<R>(_ c: Int, of list: inout PackedList, _ body: (inout ByteColumn) -> R) -> R {
        switch c {
        case 0: return body(&list.name)
        case 1: return body(&list.phonetic)
        case 2: return body(&list.birthPlace)
        default: return body(&list.nik)
        }
    }
}
