/// `xl/styles.xml`: which cell styles (indexes into `cellXfs`) show a date.
struct StylesPart: XMLHandler {
    /// Indexes into `cellXfs` whose number format shows a date.
    var dateStyles = Set<Int>()
    private var customDate = Set<Int>()
    private var inCellXfs = false
    private var xfIndex = 0

    static let builtinDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    mutating func startElement(_ tag: XMLTag) throws {
        let local = tag.localName
        if XMLName.equals(local, "numFmt") {
            if let id = tag.integer(local: "numFmtId"), let code = tag.string(local: "formatCode"), Self.isDateFormat(code) {
                customDate.insert(id)
            }
        } else if XMLName.equals(local, "cellXfs") {
            inCellXfs = true
            xfIndex = 0
        } else if inCellXfs && XMLName.equals(local, "xf") {
            let id = tag.integer(local: "numFmtId") ?? 0
            if Self.builtinDates.contains(id) || customDate.contains(id) { dateStyles.insert(xfIndex) }
            xfIndex += 1
        }
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        if XMLName.equals(XMLName.local(name), "cellXfs") { inCellXfs = false }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}

    /// A format code shows a date when, outside quoted text and `[...]` sections, it has a day
    /// or year code.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false
        for ch in code.lowercased() {
            switch ch {
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case "d" where !inQuote && !inBracket, "y" where !inQuote && !inBracket: return true
            default: break
            }
        }
        return false
    }
}
