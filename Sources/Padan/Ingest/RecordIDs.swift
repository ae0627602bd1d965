/// A list's record identifiers (``Table/id(row:)``), looked up once for loops over many records:
/// the `id` column's bytes, or the 1-based data row ordinal when the list has no id column.
///
/// Calling `id(row:)` through a `Table` in a loop retains and releases the table's arrays per
/// call and makes a `String` per id; this appends the bytes where they are.
struct RecordIDs {
    let column: ByteColumn?
    let ordinals: [Int32]

    init(_ table: Table) {
        column = table.column(.id)
        ordinals = table.ordinals
    }

    /// The id of `row` as ``Table/id(row:)`` gives it.
    func string(_ row: Int) -> String {
        column?.string(row) ?? String(ordinals[row])
    }

    /// Appends the id of `row` to `out`: the same bytes as `string(row).utf8` (the column's values
    /// are UTF-8; a value that is not is decoded with replacements, as `string` does).
    func append(_ row: Int, to out: inout [UInt8]) {
        guard let column else {
            out.append(contentsOf: String(ordinals[row]).utf8)
            return
        }
        column.withUnsafeBuffers { bytes, offsets in
            let value = UnsafeBufferPointer(rebasing: bytes[Int(offsets[row]) ..< Int(offsets[row + 1])])
            if value.allSatisfy({ $0 < 0x80 }) || String(validating: value, as: UTF8.self) != nil {
                out.append(contentsOf: value)
            } else {
                out.append(contentsOf: String(decoding: value, as: UTF8.self).utf8)
            }
        }
    }

    /// Whether the id of row `a` sorts before that of row `b` as Strings do (`<`): by bytes when
    /// both are ASCII, where the two orders are the same, else by the strings.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        guard let column else { return String(ordinals[a]) < String(ordinals[b]) }
        return column.withUnsafeBuffers { bytes, offsets in
            let x = UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])])
            let y = UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])])
            guard x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) else {
                return String(decoding: x, as: UTF8.self) < String(decoding: y, as: UTF8.self)
            }
            return x.lexicographicallyPrecedes(y)
        }
    }
}
