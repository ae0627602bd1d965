/// Writes a zip archive of deflated entries, one after another, then its central directory.
///
/// Just what an `.xlsx` needs (APPNOTE.TXT 6.3): every entry deflated (method 8), its CRC-32 and
/// sizes known before its local header is written (so no data descriptors), a fixed timestamp
/// (2020-01-01 00:00) so that the same workbook gives the same bytes. Zip64 is not written: a
/// part over 4 GiB, an archive over 4 GiB or more than 65,535 entries is refused with an error
/// (a worksheet is limited to 1,048,576 rows, which stays far below that).
///
/// Reading stays with ZIPFoundation (``XLSXReader``).
struct ZipWriter {
    /// An entry's deflated bytes, in pieces that concatenate into one deflate stream.
    struct Entry {
        var name: String
        var pieces: [[UInt8]]
        var crc32: UInt32
        var uncompressedSize: Int
        var compressedSize: Int { pieces.reduce(0) { $0 + $1.count } }
    }

    private let sink: FileSink
    private var directory: [UInt8] = []
    private var entries = 0

    /// DOS time and date of 2020-01-01 00:00:00.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (2020 - 1980) << 9 | 1 << 5 | 1

    init(path: String) throws { sink = try FileSink(path: path) }

    /// Appends `entry` (its local header, then its data).
    mutating func add(_ entry: Entry) throws {
        let name = Array(entry.name.utf8)
        let compressed = entry.compressedSize, offset = sink.offset
        guard compressed < 0xFFFF_FFFF, entry.uncompressedSize < 0xFFFF_FFFF, offset < 0xFFFF_FFFF, name.count < 0xFFFF else {
            throw PadanError(.internalError, file: sink.path, "\(entry.name) is over 4 GiB, which needs zip64; Padan does not write zip64")
        }
        guard entries < 0xFFFF else {
            throw PadanError(.internalError, file: sink.path, "more than 65,535 parts need zip64; Padan does not write zip64")
        }
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = name.contains { $0 >= 0x80 } ? 0x0800 : 0
        var local: [UInt8] = []
        local.reserveCapacity(30 + name.count)
        Self.put32(0x0403_4B50, &local)
        Self.put16(20, &local)  // version needed: 2.0 (deflate)
        Self.put16(flags, &local)
        Self.put16(8, &local)  // deflate
        Self.put16(Self.dosTime, &local)
        Self.put16(Self.dosDate, &local)
        Self.put32(entry.crc32, &local)
        Self.put32(UInt32(compressed), &local)
        Self.put32(UInt32(entry.uncompressedSize), &local)
        Self.put16(UInt16(name.count), &local)
        Self.put16(0, &local)  // no extra field
        local += name
        try sink.write(local)
        for piece in entry.pieces { try sink.write(piece) }

        Self.put32(0x0201_4B50, &directory)
        Self.put16(20, &directory)  // made by: MS-DOS attributes, 2.0
        Self.put16(20, &directory)
        Self.put16(flags, &directory)
        Self.put16(8, &directory)
        Self.put16(Self.dosTime, &directory)
        Self.put16(Self.dosDate, &directory)
        Self.put32(entry.crc32, &directory)
        Self.put32(UInt32(compressed), &directory)
        Self.put32(UInt32(entry.uncompressedSize), &directory)
        Self.put16(UInt16(name.count), &directory)
        Self.put16(0, &directory)  // extra
        Self.put16(0, &directory)  // comment
        Self.put16(0, &directory)  // disk
        Self.put16(0, &directory)  // internal attributes
        Self.put32(0, &directory)  // external attributes
        Self.put32(UInt32(offset), &directory)
        directory += name
        entries += 1
    }

    /// Writes the central directory and closes the file.
    mutating func finish() throws {
        let start = sink.offset
        guard start < 0xFFFF_FFFF else {
            throw PadanError(.internalError, file: sink.path, "the archive is over 4 GiB, which needs zip64; Padan does not write zip64")
        }
        var end = directory
        Self.put32(0x0605_4B50, &end)
        Self.put16(0, &end)  // this disk
        Self.put16(0, &end)  // the directory's disk
        Self.put16(UInt16(entries), &end)
        Self.put16(UInt16(entries), &end)
        Self.put32(UInt32(directory.count), &end)
        Self.put32(UInt32(start), &end)
        Self.put16(0, &end)  // no comment
        try sink.write(end)
        try sink.close()
    }

    private static func put16(_ v: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
    }

    private static func put32(_ v: UInt32, _ out: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }
}
