import Foundation
import Testing
@testable import Padan

/// The byte path of ``XLSXWriter/Cells`` against the plain one: a sheet written from bytes must be
/// the same workbook as the same values given as ``XLSXWriter/Cell``s (Strings).
@Suite struct XLSXCellsTests {
    let dir = TemporaryDirectory()

    /// Values with everything the byte path must hand to the String path: escapes, control
    /// characters, leading and trailing spaces, line breaks, non-ASCII, invalid UTF-8, empties.
    static func value(_ random: inout SplitMix64) -> [UInt8] {
        let pieces: [[UInt8]] = [Array("SITI".utf8), Array(" ".utf8), Array("&".utf8), Array("<b>".utf8), Array("\"".utf8),
                                 [9], [10], [13], [1], Array("NI’MAH".utf8), [0xEF, 0xBF, 0xBE], [0xFF], Array("3273".utf8), []]
        var out: [UInt8] = []
        for _ in 0 ..< Int(random.next() % 4) { out += pieces[Int(random.next() % UInt64(pieces.count))] }
        return out
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func bytesWriteWhatStringsWrite(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let rows = (0 ..< 300).map { _ in (0 ..< 6).map { _ in Self.value(&random) } }
        let numbers = (0 ..< 300).map { _ in Int(random.next() % 2_000_000) }
        let reference = XLSXWriter.Sheet(name: "S", rowCount: rows.count, columnCount: 7, row: { r in
            var cells: [XLSXWriter.Cell] = rows[r].enumerated().map { c, v in
                let s = String(decoding: v, as: UTF8.self)
                if s.isEmpty { return .empty }
                return c % 2 == 0 ? .text(s) : .code(s)
            }
            cells.append(.number(String(numbers[r])))
            return cells
        }, freezeHeader: true)
        let fast = XLSXWriter.Sheet(name: "S", rowCount: rows.count, columnCount: 7, write: { r, cells in
            for (c, v) in rows[r].enumerated() {
                v.withUnsafeBufferPointer { b in
                    if b.isEmpty { cells.empty() } else if c % 2 == 0 { cells.text(b) } else { cells.code(b) }
                }
            }
            cells.number(numbers[r])
        }, freezeHeader: true)
        let a = dir.file("reference.xlsx"), b = dir.file("fast.xlsx")
        try XLSXWriter(sheets: [reference]).write(to: a)
        try XLSXWriter(sheets: [fast]).write(to: b)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        #expect(XLSXWriter.widths(7, rows: rows.count, reference.write) == XLSXWriter.widths(7, rows: rows.count, fast.write))
    }
}
