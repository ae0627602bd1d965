/// Folds UTF-8 text to the uppercase ASCII every standardizer works on.
///
/// Letters lose case and accents (`é` → `E`, `Ş` → `S`), apostrophe look-alikes (`’ ‘ ʼ` and the
/// backtick) become `'`, no-break spaces and control characters become spaces, and every other
/// character outside ASCII (or any byte that is not valid UTF-8) becomes one space. ASCII
/// punctuation and digits are kept so each standardizer can decide what they mean.
enum TextFold {
    /// U+00C0 ... U+00FF (the second byte of `C3 xx`), as ASCII. `×` and `÷` become spaces.
    static let latin1: [UInt8] = Array(
        ("AAAAAAACEEEEIIII" + "DNOOOOO OUUUUYTS" + "AAAAAAACEEEEIIII" + "DNOOOOO OUUUUYTY").utf8)

    /// U+0100 ... U+017F (Latin Extended-A), as ASCII.
    static let latinExtendedA: [UInt8] = Array(
        ("AAAAAA" + "CCCCCCCC" + "DDDD" + "EEEEEEEEEE" + "GGGGGGGG" + "HHHH" + "IIIIIIIIII" + "II" + "JJ"
            + "KKK" + "LLLLLLLLLL" + "NNNNNNNNN" + "OOOOOO" + "OO" + "RRRRRR" + "SSSSSSSS" + "TTTTTT"
            + "UUUUUUUUUUUU" + "WW" + "YYY" + "ZZZZZZ" + "S").utf8)

    /// Writes the folding of `input` to the front of `buffer` and returns its length. The folding is
    /// never longer than the input (one byte per character), so `buffer` only grows, and bytes
    /// past the returned length are left over from earlier values.
    static func fold(_ input: UnsafeBufferPointer<UInt8>, reusing buffer: inout [UInt8]) -> Int {
        let n = input.count
        if buffer.count < n { buffer.append(contentsOf: repeatElement(0, count: n - buffer.count)) }
        return buffer.withUnsafeMutableBufferPointer { out in
            latin1.withUnsafeBufferPointer { latin1 in
                latinExtendedA.withUnsafeBufferPointer { extendedA in foldBytes(input, into: out, latin1, extendedA) }
            }
        }
    }

    /// Appends the folding of `input` to `out`.
    static func fold(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var buffer: [UInt8] = []
        let n = fold(input, reusing: &buffer)
        out.append(contentsOf: buffer[..<n])
    }

    private static func foldBytes(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                                  _ latin1: UnsafeBufferPointer<UInt8>, _ latinExtendedA: UnsafeBufferPointer<UInt8>) -> Int {
        let n = input.count
        var i = 0, w = 0
        while i < n {
            let b = input[i]
            if b < 0x80 {
                if b >= 97 && b <= 122 {
                    out[w] = b &- 32
                } else if b == 96 {
                    out[w] = 39
                } else if b < 32 || b == 127 {
                    out[w] = 32
                } else {
                    out[w] = b
                }
                w &+= 1
                i &+= 1
                continue
            }
            let c1: UInt8 = i + 1 < n ? input[i + 1] : 0
            let cont1 = c1 & 0xC0 == 0x80
            if cont1 && b == 0xC3 {
                out[w] = latin1[Int(c1 & 0x3F)]
                w &+= 1
                i &+= 2
                continue
            }
            if cont1 && (b == 0xC4 || b == 0xC5) {
                out[w] = latinExtendedA[Int(b &- 0xC4) &* 64 &+ Int(c1 & 0x3F)]
                w &+= 1
                i &+= 2
                continue
            }
            if cont1 && b == 0xCA && c1 == 0xBC {  // ʼ modifier letter apostrophe
                out[w] = 39
                w &+= 1
                i &+= 2
                continue
            }
            let c2: UInt8 = i + 2 < n ? input[i + 2] : 0
            if b == 0xE2 && c1 == 0x80 && (c2 == 0x98 || c2 == 0x99) {  // ‘ ’
                out[w] = 39
                w &+= 1
                i &+= 3
                continue
            }
            // Any other character (or an invalid byte) is one separator.
            out[w] = 32
            w &+= 1
            i &+= sequenceLength(input, at: i)
        }
        return w
    }

    /// Empties `buffer` keeping its capacity (and skips the work when it is already empty).
    @inline(__always)
    static func clear<T>(_ buffer: inout [T]) {
        if !buffer.isEmpty { buffer.removeAll(keepingCapacity: true) }
    }

    /// The length of the UTF-8 sequence starting at `i`, or 1 when the bytes there are not one.
    @inline(__always)
    static func sequenceLength(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = input[i]
        let length: Int
        if b >= 0xC2 && b <= 0xDF { length = 2 }
        else if b >= 0xE0 && b <= 0xEF { length = 3 }
        else if b >= 0xF0 && b <= 0xF4 { length = 4 }
        else { return 1 }
        guard i + length <= input.count else { return 1 }
        for k in 1 ..< length where input[i + k] & 0xC0 != 0x80 { return 1 }
        return length
    }

    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

    /// `input` without leading and trailing ASCII white space and UTF-8 no-break spaces.
    static func trimmed(_ input: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = input.count
        while lo < hi {
            if isSpace(input[lo]) { lo += 1 }
            else if lo + 1 < hi && input[lo] == 0xC2 && input[lo + 1] == 0xA0 { lo += 2 }
            else { break }
        }
        while hi > lo {
            if isSpace(input[hi - 1]) { hi -= 1 }
            else if hi - 2 >= lo && input[hi - 2] == 0xC2 && input[hi - 1] == 0xA0 { hi -= 2 }
            else { break }
        }
        return UnsafeBufferPointer(rebasing: input[lo ..< hi])
    }

    /// Whether `bytes[range]` equals the ASCII `literal`.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        var k = 0
        for i in range {
            if bytes[i] != p[k] { return false }
            k &+= 1
        }
        return true
    }
}

/// A small open-addressing table from packed tokens (never 0) to values: the word lists the
/// standardizers look every token up in. Faster than `Dictionary` (no seeded hashing), read-only.
struct PackedTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private let shift: UInt64

    init(_ entries: [UInt64: Value]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        shift = 64 - bits
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Value?](repeating: nil, count: 1 << bits)
        let mask = (1 << bits) - 1
        for (key, value) in entries {
            precondition(key != 0)
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    subscript(key: UInt64) -> Value? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}

/// A token of up to 12 letters A-Z packed into an integer (5 bits a letter), for table look-ups
/// without building a `String`. Longer tokens, and bytes that are not A-Z, give `nil`.
enum PackedToken {
    static func pack<C: Collection>(_ letters: C) -> UInt64? where C.Element == UInt8 {
        guard letters.count <= 12 else { return nil }
        var key: UInt64 = 0
        for b in letters {
            guard b >= 65 && b <= 90 else { return nil }
            key = key &<< 5 | UInt64(b &- 64)
        }
        return key
    }

    static func pack(_ text: String) -> UInt64 {
        guard let key = pack(Array(text.utf8)) else { preconditionFailure("not a packable token: \(text)") }
        return key
    }
}
