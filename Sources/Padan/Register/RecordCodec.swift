import Foundation

/// How a record's cells are stored: each cell as its length (4 bytes, little-endian) and its
/// bytes, in the list's column order.
enum RecordCodec {
    static func encode(_ table: Table, row: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.columns.reduce(0) { $0 + 4 + $1.length(row) })
        for column in table.columns {
            let n = UInt32(column.length(row))
            withUnsafeBytes(of: n.littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: column[row])
        }
        return out
    }

    /// Appends the cells in `bytes` to `columns` (as many as the list has). Throws when the bytes
    /// are not such a record (a damaged file).
    static func append(_ bytes: UnsafeRawBufferPointer, to columns: inout [ByteColumn], file: String) throws {
        var at = 0
        for c in columns.indices {
            guard at + 4 <= bytes.count else { throw damaged(file) }
            var n: UInt32 = 0
            withUnsafeMutableBytes(of: &n) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[at ..< at + 4])) }
            let length = Int(UInt32(littleEndian: n))
            at += 4
            guard at + length <= bytes.count else { throw damaged(file) }
            columns[c].append(UnsafeBufferPointer(rebasing: bytes.bindMemory(to: UInt8.self)[at ..< at + length]))
            at += length
        }
        guard at == bytes.count else { throw damaged(file) }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, columns count: Int, file: String) throws -> [[UInt8]] {
        var columns = [ByteColumn](repeating: ByteColumn(), count: count)
        try append(bytes, to: &columns, file: file)
        return columns.map { Array($0[0]) }
    }

    private static func damaged(_ file: String) -> PadanError {
        PadanError(.badInput, file: file, "a record of the register is damaged (its cells do not add up)")
    }

    /// The digits of a NIK as written (spaces, dots, apostrophes and other marks dropped).
    static func digits(_ value: ArraySlice<UInt8>) -> String {
        String(decoding: value.filter { $0 >= 48 && $0 <= 57 }, as: UTF8.self)
    }

    static func jsonBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(value))
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try jsonBytes(value), as: UTF8.self)
    }
}
