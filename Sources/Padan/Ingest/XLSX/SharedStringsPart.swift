/// `xl/sharedStrings.xml`: the workbook's string table, kept as one byte arena with offsets (a
/// 200,000-row workbook can hold millions of strings).
///
/// A string is the text of all its `<t>` elements, plain or in rich-text runs; phonetic guides
/// (`<rPh>`) are left out.
struct SharedStringsPart: XMLHandler {
    private(set) var bytes: [UInt8] = []
    /// `ends[i]` is where string `i` ends in `bytes`.
    private(set) var ends: [Int] = []
    private var inText = false
    private var phonetic = 0

    var count: Int { ends.count }

    /// The bytes of string `i`, passed to `body`.
    func withString<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start ..< ends[i]])) }
    }

    mutating func startElement(_ tag: XMLTag) throws {
        let local = tag.localName
        if XMLName.equals(local, "t") {
            inText = phonetic == 0
        } else if XMLName.equals(local, "rPh") {
            phonetic += 1
        }
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        let local = XMLName.local(name)
        if XMLName.equals(local, "si") {
            ends.append(bytes.count)
        } else if XMLName.equals(local, "t") {
            inText = false
        } else if XMLName.equals(local, "rPh") {
            phonetic = max(0, phonetic - 1)
        }
    }

    mutating func text(_ piece: UnsafeBufferPointer<UInt8>) throws {
        if inText { bytes.append(contentsOf: piece) }
    }
}
