/// Writes CSV (RFC 4180, comma, LF) into a byte buffer, with spreadsheet-safe cells.
///
/// A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a
/// formula by Excel or LibreOffice when the file is opened (CSV injection). Such a cell is written
/// with a leading `'`, as OWASP recommends, unless it is plainly a number (`-12`, `+3.5`,
/// `-1.2E+3`), which a spreadsheet reads as a number anyway. Cells with commas, quotes or line
/// breaks are quoted.
///
/// The ``CSVDialect/excel`` dialect is for Excel on an Indonesian Windows PC: a UTF-8 byte-order
/// mark (or Excel reads the bytes as Windows-1252 and garbles `NI’MAH`), `;` between fields and a
/// decimal comma (the Indonesian list and decimal separators), and identity numbers (NIK, KK) as
/// `="3273…"` so that Excel keeps their 16 digits instead of showing `3.27E+15`.
///
/// Given a ``FileSink``, the writer streams: whenever a row ends with ``flushSize`` bytes or more
/// buffered, they go to the file, so a file of any length needs about a megabyte of memory.
/// Without one, ``bytes`` holds the whole file.
struct CSVWriter {
    /// The bytes not yet written to the sink (all of them, without a sink).
    private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0
    /// Buffered bytes at which a row's end flushes them to the sink.
    static let flushSize = 1 << 20
    private let sink: FileSink?
    /// The first write error, thrown by ``finish()`` (rows are added by non-throwing calls).
    private var failure: (any Error)?
    /// Neutralize formula-like cells (on by default; off only for machine-to-machine files).
    var spreadsheetSafe = true
    let dialect: CSVDialect
    private let delimiter: UInt8
    private let decimalPoint: UInt8

    init(capacity: Int = 1 << 16, dialect: CSVDialect = .standard) {
        self.init(capacity: capacity, dialect: dialect, sink: nil)
    }

    /// A writer that streams into `sink`.
    init(streamingTo sink: FileSink, dialect: CSVDialect = .standard) {
        self.init(capacity: Self.flushSize + (1 << 16), dialect: dialect, sink: sink)
    }

    private init(capacity: Int, dialect: CSVDialect, sink: FileSink?) {
        self.sink = sink
        self.dialect = dialect
        delimiter = dialect == .excel ? UInt8(ascii: ";") : UInt8(ascii: ",")
        decimalPoint = dialect == .excel ? UInt8(ascii: ",") : UInt8(ascii: ".")
        bytes.reserveCapacity(capacity)
        if dialect == .excel { bytes += [0xEF, 0xBB, 0xBF] }
    }

    /// An identity number (NIK, KK, phone): in the Excel dialect, a field of 12 or more digits is
    /// written as `="digits"` so Excel shows it as text; otherwise as ``field(_:)-2aqk7``.
    mutating func identityField(_ value: UnsafeBufferPointer<UInt8>) {
        guard dialect == .excel, value.count >= 12, value.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            field(value)
            return
        }
        if fieldsInRow > 0 { bytes.append(delimiter) }
        fieldsInRow += 1
        bytes += [UInt8(ascii: "="), 34]
        bytes.append(contentsOf: value)
        bytes.append(34)
    }

    mutating func field(_ value: String) {
        var v = value
        v.withUTF8 { field($0) }
    }

    mutating func field<C: Collection>(_ value: C) where C.Element == UInt8 {
        let copy = Array(value)
        copy.withUnsafeBufferPointer { field($0) }
    }

    mutating func field(_ value: UnsafeBufferPointer<UInt8>) {
        if fieldsInRow > 0 { bytes.append(delimiter) }
        fieldsInRow += 1
        let guardFormula = spreadsheetSafe && Self.needsFormulaGuard(value)
        // Bits of the bytes that need quotes (LF, CR, `"`, `,`, `;`; the delimiter is one of the
        // last two): one shift and mask per byte.
        let quoted: UInt64 = 1 << 10 | 1 << 13 | 1 << 34 | 1 << 44 | 1 << UInt64(delimiter)
        var needsQuotes = false
        for b in value where b < 64 && (quoted >> UInt64(b)) & 1 != 0 {
            needsQuotes = true
            break
        }
        if needsQuotes { bytes.append(34) }
        if guardFormula { bytes.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for b in value {
                if b == 34 { bytes.append(34) }
                bytes.append(b)
            }
            bytes.append(34)
        } else {
            bytes.append(contentsOf: value)
        }
    }

    mutating func field(_ value: Int) { field(String(value)) }

    /// A fixed-point number written straight into the buffer (no String, no locale).
    mutating func field(_ value: Double, decimals: Int) {
        var scale = 1.0
        for _ in 0 ..< decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard value.isFinite, scaled < 9.0e15, decimals <= 15 else {
            field(Self.format(value, decimals: decimals))
            return
        }
        if fieldsInRow > 0 { bytes.append(delimiter) }
        fieldsInRow += 1
        let whole = UInt64(scaled)
        if value < 0 && whole != 0 { bytes.append(UInt8(ascii: "-")) }
        NumberFormat.appendFixed(whole, decimals: decimals, point: decimalPoint, to: &bytes)
    }

    mutating func endRow() {
        bytes.append(10)
        fieldsInRow = 0
        if sink != nil && bytes.count >= Self.flushSize { flush() }
    }

    /// Writes what is buffered to the sink (nothing without one, or after a failure).
    private mutating func flush() {
        guard let sink, failure == nil, !bytes.isEmpty else { return }
        do { try sink.write(bytes) } catch { failure = error }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the rest to the sink and closes it; throws the first write error.
    mutating func finish() throws {
        flush()
        if let failure { throw failure }
        try sink?.close()
    }

    mutating func row(_ values: [String]) {
        for v in values { field(v) }
        endRow()
    }

    /// Whether a cell would be read as a formula: it starts with `= + - @`, tab or CR and is not a number.
    static func needsFormulaGuard(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = value.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 9, 13: return true
        case UInt8(ascii: "+"), UInt8(ascii: "-"): return !isPlainNumber(value)
        default: return false
        }
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`.
    static func isPlainNumber(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = v.count
        func digits() -> Int {
            let start = i
            while i < n && v[i] >= 48 && v[i] <= 57 { i += 1 }
            return i - start
        }
        if i < n && (v[i] == 43 || v[i] == 45) { i += 1 }
        guard digits() > 0 else { return false }
        if i < n && v[i] == 46 {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < n && (v[i] == 69 || v[i] == 101) {
            i += 1
            if i < n && (v[i] == 43 || v[i] == 45) { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == n
    }

    /// Fixed-point text without Foundation's locale: `format(0.98765, decimals: 4)` → `"0.9877"`.
    static func format(_ value: Double, decimals: Int) -> String { NumberFormat.decimal(value, decimals: decimals) }
}
