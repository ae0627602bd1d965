import PadanKernels

/// One configured column's values for all input lists (records numbered globally), prepared once
/// for every comparator and blocking key that may read it.
///
/// - `text`: folded to uppercase ASCII (``TextFold``), every byte that is not a letter or digit a
///   space, runs of spaces one, trimmed; empty = missing.
/// - `compact`: letters and digits only (identifiers typed with spaces or dashes).
/// - `phonetic`: the Soundex code of each word, space-separated.
/// - `date`: the value read as a date (`yyyymmdd`, 0 when it is not one).
/// - `number`: the value read as a number (NaN when it is not one).
/// - `frequency`: the share of all records with the same `text` (for term-frequency adjustment).
struct ColumnValues: Sendable {
    var name: String
    var text = ByteColumn()
    var compact = ByteColumn()
    var phonetic = ByteColumn()
    var hash: [UInt64] = []
    var phoneticHash: [UInt64] = []
    var date: [Int32] = []
    var number: [Double] = []
    var frequency: [Float] = []

    /// Builds the column `source` over `tables`, in list order.
    static func build(_ source: ColumnSource, tables: [Table], referenceYear: Int) throws -> ColumnValues {
        var v = ColumnValues(name: source.name)
        let total = tables.reduce(0) { $0 + $1.rowCount }
        v.hash.reserveCapacity(total)
        v.date.reserveCapacity(total)
        v.number.reserveCapacity(total)
        var raw: [UInt8] = [], folded: [UInt8] = [], clean: [UInt8] = [], letters: [UInt8] = [], codes: [UInt8] = []
        for table in tables {
            let columns = try source.resolve(in: table).compactMap { $0.map { table.columns[$0] } }
            let monthFirst = columns.count == 1 && DateStandardizer.readsMonthFirst(columns[0])
            for row in 0 ..< table.rowCount {
                raw.removeAll(keepingCapacity: true)
                for (k, column) in columns.enumerated() {
                    let r = column.range(row)
                    if k > 0 && !r.isEmpty { raw.append(32) }
                    raw.append(contentsOf: column.bytes[r])
                }
                raw.withUnsafeBufferPointer { input in
                    let n = TextFold.fold(input, reusing: &folded)
                    clean.removeAll(keepingCapacity: true)
                    letters.removeAll(keepingCapacity: true)
                    for i in 0 ..< n {
                        let c = folded[i]
                        if TextFold.isUpper(c) || TextFold.isDigit(c) {
                            clean.append(c)
                            letters.append(c)
                        } else if let last = clean.last, last != 32 {
                            clean.append(32)
                        }
                    }
                    if clean.last == 32 { clean.removeLast() }
                    v.date.append(DateStandardizer.standardize(input, referenceYear: referenceYear, monthFirst: monthFirst).date)
                    v.number.append(Self.number(input))
                }
                v.text.append(clean)
                v.compact.append(letters)
                codes.removeAll(keepingCapacity: true)
                clean.withUnsafeBufferPointer { word in
                    var start = 0
                    for i in 0 ... word.count where i == word.count || word[i] == 32 {
                        if i > start {
                            if !codes.isEmpty { codes.append(32) }
                            Soundex.appendCode(UnsafeBufferPointer(rebasing: word[start ..< i]), to: &codes)
                        }
                        start = i + 1
                    }
                }
                if codes.last == 32 { codes.removeLast() }
                v.phonetic.append(codes)
                v.hash.append(Self.hash(clean))
                v.phoneticHash.append(Self.hash(codes))
            }
        }
        let counts = CompareData.counts(v.hash)
        let n = Float(max(1, total))
        v.frequency = counts.map { Float($0) / n }
        return v
    }

    /// xxHash3 of `bytes`, 0 only for empty input.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        guard !bytes.isEmpty else { return 0 }
        let h = bytes.withUnsafeBufferPointer { XXH3.hash($0) }
        return h == 0 ? 1 : h
    }

    /// The trimmed value as a number: digits with an optional sign, one decimal point or comma,
    /// and an exponent; spaces and thousands apostrophes ignored. NaN otherwise.
    static func number(_ input: UnsafeBufferPointer<UInt8>) -> Double {
        var s = ""
        for c in input where c != 32 && c != 39 && !(c >= 9 && c <= 13) {
            s.unicodeScalars.append(Unicode.Scalar(c == 44 ? 46 : c))
        }
        guard !s.isEmpty, s.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 69 || $0 == 101 }),
              let x = Double(s), x.isFinite else { return .nan }
        return x
    }

    /// The values of record `i` as buffers, for the comparators.
    @inline(__always)
    func withText<R>(_ a: Int, _ b: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.pair(text, a, b, body)
    }

    @inline(__always)
    func withCompact<R>(_ a: Int, _ b: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        Self.pair(compact, a, b, body)
    }

    @inline(__always)
    static func pair<R>(_ column: ByteColumn, _ a: Int, _ b: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        column.withUnsafeBuffers { bytes, offsets in
            body(UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])]),
                 UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])]))
        }
    }
}
