import Foundation

/// A start tag as the scanner found it: the element's name and its attributes, with entity
/// references in the values already decoded.
///
/// A view into the scanner's buffers, valid only during ``XMLHandler/startElement(_:)``.
struct XMLTag {
    /// Where one attribute's name and value are. Values with no reference or line break stay in
    /// the input buffer; decoded ones live in the scanner's scratch buffer.
    struct Span {
        var nameStart: Int
        var nameEnd: Int
        var valueStart: Int
        var valueEnd: Int
        var decoded: Bool
    }

    /// The qualified name (`x:row`, `row`).
    let name: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<Span>
    let source: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeBufferPointer<UInt8>

    /// The name without its namespace prefix.
    var localName: UnsafeBufferPointer<UInt8> { XMLName.local(name) }

    var attributeCount: Int { spans.count }

    /// The qualified name of attribute `i`.
    func attributeName(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: source[spans[i].nameStart ..< spans[i].nameEnd])
    }

    /// The decoded value of attribute `i`.
    func attributeValue(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let s = spans[i]
        return UnsafeBufferPointer(rebasing: (s.decoded ? scratch : source)[s.valueStart ..< s.valueEnd])
    }

    /// The value of the first attribute whose local name (the name after any prefix) is `local`.
    func value(local: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for i in 0 ..< spans.count where XMLName.equals(XMLName.local(attributeName(i)), local) {
            return attributeValue(i)
        }
        return nil
    }

    /// The value of the attribute with exactly this qualified name (`r:id`, `name`).
    func value(qualified: StaticString) -> UnsafeBufferPointer<UInt8>? {
        for i in 0 ..< spans.count where XMLName.equals(attributeName(i), qualified) {
            return attributeValue(i)
        }
        return nil
    }

    /// A value as a `String` (the workbook's sheet names, relation targets).
    func string(local: StaticString) -> String? {
        value(local: local).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A non-negative decimal integer value, `nil` when absent, empty, not all digits or too large.
    func integer(local: StaticString) -> Int? {
        value(local: local).flatMap(XMLName.integer)
    }
}

/// Small helpers on names and values as bytes.
enum XMLName {
    /// The part after the last `:`.
    @inline(__always)
    static func local(_ name: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var i = name.count
        while i > 0 {
            if name[i - 1] == UInt8(ascii: ":") { return UnsafeBufferPointer(rebasing: name[i...]) }
            i -= 1
        }
        return name
    }

    /// Whether two byte runs are the same.
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for i in 0 ..< bytes.count where bytes[i] != p[i] { return false }
        return true
    }

    /// Decimal digits only, at most 18 of them (no sign, no spaces).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var v = 0
        for b in bytes {
            guard b >= 48 && b <= 57 else { return nil }
            v = v &* 10 &+ Int(b &- 48)
        }
        return v
    }
}
