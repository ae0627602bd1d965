extension XLSXWriter {
    /// Writes a worksheet's rows as XML, cell by cell, straight from bytes.
    ///
    /// A results sheet has hundreds of thousands of rows; building each as an array of ``Cell``
    /// (a `String` per value) cost more than compressing the XML. A sheet made with
    /// ``Sheet/init(name:rowCount:columnCount:write:widths:freezeHeader:frozenColumns:autoFilter:choices:)``
    /// writes its cells here instead, in column order. The XML is the same as for the same
    /// ``Cell`` values: cells without references, `<c/>` for an empty cell before a filled one,
    /// trailing empty cells left out.
    struct Cells: ~Copyable {
        /// The XML so far: `count` bytes at `base`, room for `capacity`. Behind a pointer of its
        /// own because a cell is three or four short appends, and `Array.append(contentsOf:)`
        /// spends about a hundred instructions on each (uniqueness, capacity, the copy's
        /// iterator) where this spends a comparison and a `memcpy`.
        private var base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        private var capacity: Int
        /// For the few writers that append to an array (numbers, escaped text), reused.
        private var scratch: [UInt8] = []
        /// Whether the row being written is the header (row 0): its text is bold.
        fileprivate(set) var header = false
        /// Empty cells not written yet (written as `<c/>` if a filled one follows).
        private var pendingEmpty = 0
        private var column = 0
        /// Per column, the widest value in characters, when measuring for column widths.
        fileprivate var measured: [Int]?

        init(capacity: Int = 0) {
            self.capacity = max(capacity, 4096)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// Calls `body` with the XML written.
        func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try body(UnsafeRawBufferPointer(start: base, count: count))
        }

        /// Forgets what was written.
        mutating func removeAll() { count = 0 }

        @inline(__always)
        private mutating func append(_ start: UnsafePointer<UInt8>?, count n: Int) {
            guard n > 0, let start else { return }
            if count + n > capacity { grow(to: count + n) }
            (base + count).update(from: start, count: n)
            count += n
        }

        @inline(__always)
        private mutating func append(_ byte: UInt8) {
            if count == capacity { grow(to: count + 1) }
            base[count] = byte
            count += 1
        }

        @inline(__always)
        private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes.baseAddress, count: bytes.count) }

        /// Appends what `write` appends to an array (the scratch array, reused).
        @inline(__always)
        private mutating func appendVia(_ write: (inout [UInt8]) -> Void) {
            scratch.removeAll(keepingCapacity: true)
            write(&scratch)
            let bytes = scratch
            bytes.withUnsafeBufferPointer { append($0) }
        }

        private mutating func grow(to needed: Int) {
            let grown = max(needed, capacity * 2)
            let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            fresh.update(from: base, count: count)
            base.deallocate()
            base = fresh
            capacity = grown
        }

        // The tags as static strings, appended from their bytes: appending a String's UTF-8 view
        // goes through the string's storage, and appending a static array retains and releases it.
        private static let rowStart: StaticString = "<row>", rowEnd: StaticString = "</row>", emptyCell: StaticString = "<c/>"
        private static let inlineStart: StaticString = "<c t=\"inlineStr\"", textStart: StaticString = "><is><t>"
        private static let inlineEnd: StaticString = "</t></is></c>"
        private static let numberStart: StaticString = "<c><v>", boldNumberStart: StaticString = "<c s=\"1\"><v>"
        private static let numberEnd: StaticString = "</v></c>", styleStart: StaticString = " s=\""

        @inline(__always)
        private mutating func put(_ tag: StaticString) {
            append(tag.utf8Start, count: tag.utf8CodeUnitCount)
        }

        mutating func beginRow(header: Bool) {
            self.header = header
            pendingEmpty = 0
            column = 0
            put(Self.rowStart)
        }

        mutating func endRow() { put(Self.rowEnd) }

        /// Any ``Cell``.
        mutating func cell(_ cell: Cell) {
            switch cell {
            case .text(let t): text(t)
            case .marked(let t): inline(t, style: 3)
            case .bold(let t): inline(t, style: 1)
            case .code(let t): code(t)
            case .number(let n): number(n)
            case .date(let serial): date(serial)
            case .empty: empty()
            }
        }

        mutating func empty() {
            measure(0)
            pendingEmpty += 1
            column += 1
        }

        /// Text (bold in the header).
        mutating func text(_ value: String) { inline(value, style: header ? 1 : 0) }
        mutating func text(_ value: UnsafeBufferPointer<UInt8>) { inline(value, style: header ? 1 : 0) }

        /// Text in a text-formatted cell (a NIK or KK): see ``Cell/code(_:)``.
        mutating func code(_ value: String) { inline(value, style: header ? 1 : 4) }
        mutating func code(_ value: UnsafeBufferPointer<UInt8>) { inline(value, style: header ? 1 : 4) }

        /// A number as written (`"0.9731"`, `"12"`).
        mutating func number(_ value: String) {
            start(value.count)
            put(header ? Self.boldNumberStart : Self.numberStart)
            appendVia { XLSXWriter.escape(value, into: &$0) }
            put(Self.numberEnd)
        }

        /// A whole number, its digits written straight into the XML.
        mutating func number(_ value: Int) {
            guard value >= 0 else {
                number(String(value))
                return
            }
            var digits = 1, rest = value / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            start(digits)
            put(header ? Self.boldNumberStart : Self.numberStart)
            if count + digits > capacity { grow(to: count + digits) }
            count += digits
            var n = value
            for i in stride(from: count - 1, through: count - digits, by: -1) {
                base[i] = UInt8(48 + n % 10)
                n /= 10
            }
            put(Self.numberEnd)
        }

        /// A date as an Excel serial day number.
        mutating func date(_ serial: Int) {
            start(10)  // shown as dd/mm/yyyy
            appendVia { $0.append(contentsOf: "<c s=\"2\"><v>\(serial)</v></c>".utf8) }
        }

        /// Text with style `style`, from a string: through its UTF-8 bytes, which write plain
        /// ASCII as they are and send anything else back to ``inlineString(_:style:)``.
        mutating func inline(_ value: String, style: Int) {
            var v = value
            v.withUTF8 { inline($0, style: style) }
        }

        /// Text with style `style`, escaped and with `xml:space` as it needs.
        private mutating func inlineString(_ value: String, style: Int) {
            start(value.count)
            appendVia { XLSXWriter.inline(value, style: style, into: &$0) }
        }

        /// A number with `decimals` decimals, as ``number(_:)-(String)`` writes
        /// `NumberFormat.decimal(value, decimals:)`, its digits written straight into the XML.
        mutating func number(_ value: Double, decimals: Int) {
            var scale = 1.0
            for _ in 0 ..< decimals { scale *= 10 }
            let scaled = (abs(value) * scale).rounded()
            guard value.isFinite, scaled < 9.0e15, decimals <= 15, measured == nil else {
                number(NumberFormat.decimal(value, decimals: decimals))
                return
            }
            start(0)
            put(header ? Self.boldNumberStart : Self.numberStart)
            let whole = UInt64(scaled)
            if value < 0 && whole != 0 { append(UInt8(ascii: "-")) }
            appendVia { NumberFormat.appendFixed(whole, decimals: decimals, point: UInt8(ascii: "."), to: &$0) }
            put(Self.numberEnd)
        }

        /// Text with style `style`, from bytes: written as they are when they are plain ASCII
        /// that needs no escaping or space attribute, else as the string they decode to.
        mutating func inline(_ value: UnsafeBufferPointer<UInt8>, style: Int) {
            guard Self.isPlain(value) else {
                inlineString(String(decoding: value, as: UTF8.self), style: style)
                return
            }
            start(value.count)
            if let open = Self.inlineOpen(style) {
                put(open)
            } else {
                put(Self.inlineStart)
                put(Self.styleStart)
                append(UInt8(48 + style))
                append(34)
                put(Self.textStart)
            }
            append(value)
            put(Self.inlineEnd)
        }

        /// The whole opening of an inline-text cell of the styles the sheets use, one append.
        @inline(__always)
        private static func inlineOpen(_ style: Int) -> StaticString? {
            switch style {
            case 0: return "<c t=\"inlineStr\"><is><t>"
            case 1: return "<c t=\"inlineStr\" s=\"1\"><is><t>"
            case 2: return "<c t=\"inlineStr\" s=\"2\"><is><t>"
            case 3: return "<c t=\"inlineStr\" s=\"3\"><is><t>"
            case 4: return "<c t=\"inlineStr\" s=\"4\"><is><t>"
            default: return nil
            }
        }

        /// Whether `value` can go into the XML as it is: printable ASCII without `& < > "`, and no
        /// space at either end (which would need `xml:space`).
        @inline(__always)
        static func isPlain(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            // Bits of `& < > "` above 0x20: one shift and mask per byte, besides the range test.
            let special: UInt64 = 1 << (0x22 - 0x20) | 1 << (0x26 - 0x20) | 1 << (0x3C - 0x20) | 1 << (0x3E - 0x20)
            for b in value {
                let x = b &- 0x20
                if x >= 0x60 || (x < 64 && (special >> UInt64(x)) & 1 != 0) { return false }
            }
            if let first = value.first, let last = value.last, first == 32 || last == 32 { return false }
            return true
        }

        /// Before a filled cell: the empty cells before it, and its width when measuring (counted
        /// only then: a String's count walks its grapheme clusters).
        private mutating func start(_ characters: @autoclosure () -> Int) {
            if measured != nil { measure(characters()) }
            for _ in 0 ..< pendingEmpty { put(Self.emptyCell) }
            pendingEmpty = 0
            column += 1
        }

        private mutating func measure(_ characters: Int) {
            guard measured != nil else { return }
            if column < measured!.count { measured![column] = max(measured![column], min(45, characters + 2)) }
        }
    }

    /// Column widths (8 to 45 characters) from the header and the first rows `write` writes.
    static func widths(_ count: Int, rows: Int, _ write: (Int, inout Cells) -> Void) -> [Int] {
        var cells = Cells()
        cells.measured = [Int](repeating: 8, count: count)
        for r in 0 ..< min(rows, 200) {
            cells.beginRow(header: r == 0)
            write(r, &cells)
            cells.endRow()
            cells.removeAll()
        }
        return cells.measured!
    }
}
