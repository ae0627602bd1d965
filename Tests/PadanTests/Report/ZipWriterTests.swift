import Foundation
import Testing
import ZIPFoundation
@testable import Padan

/// Our zip container and the workbooks written in it, read back by independent readers:
/// ZIPFoundation, Python's `zipfile` (with its CRC check), and LibreOffice where it is installed.
@Suite struct ZipWriterTests {
    let dir = TemporaryDirectory()

    /// Bytes shaped like sheet XML (words from a small vocabulary, numbers, some noise), so that
    /// deflate finds matches and long runs, with every byte value somewhere.
    static func sample(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        let words = ["<row>", "<c t=\"inlineStr\"><is><t>", "SITI", "AMINAH", "</t></is></c>", "3273", "</row>", " "].map { Array($0.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(count + 32)
        while out.count < count {
            let r = random.next()
            if r % 10 == 0 { out.append(UInt8(truncatingIfNeeded: r >> 8)) } else { out += words[Int(r >> 16) % words.count] }
        }
        return Array(out.prefix(count))
    }

    /// An entry made as the workbook writer makes one: `data` cut into pieces at `cuts`, each
    /// deflated on its own, the last one final.
    static func entry(_ name: String, _ data: [UInt8], cuts: [Int], level: Int32 = 1) throws -> ZipWriter.Entry {
        let bounds = [0] + cuts + [data.count]
        var entry = ZipWriter.Entry(name: name, pieces: [], crc32: 0, uncompressedSize: 0)
        for k in 0 ..< bounds.count - 1 {
            let piece = Array(data[bounds[k] ..< bounds[k + 1]])
            var deflated: [UInt8] = []
            try piece.withUnsafeBytes { raw in
                try Zlib.deflate(raw, level: level, final: k == bounds.count - 2, into: &deflated)
                let crc = Zlib.crc32(raw)
                entry.crc32 = k == 0 ? crc : Zlib.crc32Combine(entry.crc32, crc, lengthOfB: raw.count)
            }
            entry.pieces.append(deflated)
            entry.uncompressedSize += piece.count
        }
        return entry
    }

    func extract(_ path: String) throws -> [String: [UInt8]] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var out: [String: [UInt8]] = [:]
        for e in archive {
            var data = Data()
            _ = try archive.extract(e) { data.append($0) }  // checks the CRC-32
            out[e.path] = Array(data)
        }
        return out
    }

    @Test func piecesDeflatedApartReadBackAsOneEntry() throws {
        let path = dir.file("pieces.zip")
        var zip = try ZipWriter(path: path)
        var expected: [String: [UInt8]] = [:]
        // Empty pieces, one-byte pieces, an empty entry, a large one cut unevenly, a UTF-8 name.
        let cases: [(String, Int, [Int])] = [
            ("a.xml", 0, []), ("b.xml", 1, []), ("c/d.xml", 10_000, [0, 1, 1, 5000, 9999]),
            ("big.xml", 3_000_000, [100_000, 1_048_576, 2_000_000]), ("é.xml", 777, [333]),
        ]
        for (i, (name, size, cuts)) in cases.enumerated() {
            let data = Self.sample(size, seed: UInt64(i + 1))
            expected[name] = data
            try zip.add(Self.entry(name, data, cuts: cuts))
        }
        try zip.finish()
        #expect(try extract(path) == expected)
    }

    @Test func theCRCOfPiecesCombinesToTheWhole() {
        let data = Self.sample(100_000, seed: 7)
        data.withUnsafeBytes { raw in
            let whole = Zlib.crc32(raw)
            let a = Zlib.crc32(UnsafeRawBufferPointer(rebasing: raw[..<40_000]))
            let b = Zlib.crc32(UnsafeRawBufferPointer(rebasing: raw[40_000...]))
            #expect(Zlib.crc32Combine(a, b, lengthOfB: 60_000) == whole)
            #expect(Zlib.crc32(raw) != Zlib.crc32(UnsafeRawBufferPointer(rebasing: raw[1...])))
        }
        // The check value of CRC-32 (ISO 3309): "123456789" → 0xCBF43926.
        #expect(Array("123456789".utf8).withUnsafeBytes { Zlib.crc32($0) } == 0xCBF4_3926)
    }

    /// A workbook whose sheets are longer than a piece, with every kind of cell.
    func workbook(rows: Int) -> XLSXWriter {
        let kinds: @Sendable (Int) -> [XLSXWriter.Cell] = { r in
            r == 0 ? [.text("NIK"), .text("NAMA"), .text("peluang"), .text("tanggal"), .text("catatan")]
                : [.code(String(3_273_010_101_900_000 + r)), r % 7 == 0 ? .marked("SITI & <\(r)>") : .text("NAMA \(r)"),
                   .number(String(Double(r % 1000) / 1000)), .date(40000 + r % 3000), r % 3 == 0 ? .empty : .bold(" x\(r) ")]
        }
        return XLSXWriter(sheets: [
            .init(name: "Data", rowCount: rows, columnCount: 5, row: kinds, freezeHeader: true, autoFilter: true),
            .init(name: "Kosong", rows: []),
            .init(name: "Petunjuk", rows: [[.text("Isi kolom keputusan.")]]),
        ])
    }

    @Test func aWorkbookIsTheSameOnAnyNumberOfThreadsAndReadsBackWhole() throws {
        let rows = XLSXWriter.rowsPerPiece * 3 + 17
        var one = workbook(rows: rows), two = workbook(rows: rows)
        one.threads = 1
        two.threads = 2
        let a = dir.file("one.xlsx"), b = dir.file("two.xlsx")
        try one.write(to: a)
        try two.write(to: b)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        let table = try TableReader.read(path: a)
        #expect(table.rowCount == rows - 1)
        #expect(table.column(.nik)?.string(rows - 2) == String(3_273_010_101_900_000 + rows - 1))
        #expect(table.column(.name)?.string(6) == "SITI & <7>")
        // Every part is a sheet's XML start to end, whole (the pieces join at row boundaries).
        let parts = try extract(a)
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(sheet.hasPrefix("<?xml") && sheet.hasSuffix("</worksheet>"))
        #expect(sheet.components(separatedBy: "<row>").count - 1 == rows)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is not installed"))
    func pythonsZipfileFindsNoBadCRC() throws {
        let path = dir.file("hasil.xlsx")
        try workbook(rows: XLSXWriter.rowsPerPiece + 5).write(to: path)
        let script = "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nbad = z.testzip()\nprint(bad if bad else 'ok', len(z.namelist()))\n"
        let output = try Self.run("/usr/bin/python3", ["-c", script, path])
        #expect(output == "ok 8\n")
    }

    /// LibreOffice is the other spreadsheet program our users have; it is strict about the zip
    /// and the sheet XML. Skipped where it is not installed (most CI images).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice"), "LibreOffice (soffice) is not installed"))
    func libreOfficeOpensTheWorkbook() throws {
        let path = dir.file("hasil.xlsx")
        try workbook(rows: XLSXWriter.rowsPerPiece + 5).write(to: path)
        let profile = "file://" + dir.file("lo-profile")
        _ = try Self.run("/usr/bin/soffice", ["-env:UserInstallation=" + profile, "--headless", "--convert-to", "csv",
                                              "--outdir", dir.path, path])
        let csv = try String(contentsOfFile: dir.file("hasil.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == XLSXWriter.rowsPerPiece + 5)
        #expect(lines.first?.hasPrefix("NIK,NAMA,peluang") == true)
        #expect(lines.last?.hasPrefix(String(3_273_010_101_900_000 + XLSXWriter.rowsPerPiece + 4)) == true)
    }

    @Test func aCSVStreamedThroughItsBufferIsTheSameAsOneBuiltInMemory() throws {
        let path = dir.file("big.csv")
        var streamed = CSVWriter(streamingTo: try FileSink(path: path), dialect: .excel)
        var memory = CSVWriter(dialect: .excel)
        var random = SplitMix64(seed: 3)
        // A few megabytes, so the buffer is flushed several times.
        for r in 0 ..< 60_000 {
            let values = ["\(r)", "NAMA, \(random.next() % 1000)", "=\(r)", "3273010101900001", "say \"\(r)\""]
            for w in [0, 1] {
                if w == 0 { streamed.row(values) } else { memory.row(values) }
            }
            if r % 1000 == 0 { #expect(streamed.bytes.count < CSVWriter.flushSize + 256) }
        }
        try streamed.finish()
        #expect(memory.bytes.count > 3 * CSVWriter.flushSize)
        #expect(FileManager.default.contents(atPath: path).map(Array.init) == memory.bytes)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
