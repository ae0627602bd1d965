/// Turns the bytes of an XML part, as they arrive, into UTF-8: a byte-order mark is dropped, and
/// UTF-16 (by its mark, or by `<?` written in two-byte units) is transcoded. UTF-8 input passes
/// through unchanged; ``XMLScanner`` checks that it is well-formed.
struct XMLInputDecoder {
    enum Encoding { case undecided, utf8, utf16LittleEndian, utf16BigEndian }

    private(set) var encoding = Encoding.undecided
    private(set) var byteOrderMark = false
    /// Bytes held back: the first bytes until the encoding is known, or half a UTF-16 unit.
    private var pending: [UInt8] = []
    /// A high surrogate waiting for its low half.
    private var highSurrogate: UInt32?

    /// Appends the UTF-8 of `chunk` to `output`. With `final`, nothing may be left pending.
    mutating func decode(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8], final: Bool) throws {
        if encoding == .undecided {
            pending.append(contentsOf: chunk)
            guard pending.count >= 4 || final else { return }
            let held = pending
            pending.removeAll()
            decide(held)
            let skip = byteOrderMark ? (encoding == .utf8 ? 3 : 2) : 0
            try held.withUnsafeBytes { try decodeKnown(UnsafeRawBufferPointer(rebasing: $0[min(skip, $0.count)...]), into: &output) }
        } else {
            try decodeKnown(chunk, into: &output)
        }
        if final {
            if !pending.isEmpty { throw XMLDecodeError("the part ends in the middle of a UTF-16 character") }
            if highSurrogate != nil { throw XMLDecodeError("the part ends with half of a UTF-16 surrogate pair") }
        }
    }

    private mutating func decide(_ first: [UInt8]) {
        func starts(_ prefix: [UInt8]) -> Bool { first.starts(with: prefix) }
        if starts([0xEF, 0xBB, 0xBF]) {
            encoding = .utf8; byteOrderMark = true
        } else if starts([0xFF, 0xFE]) {
            encoding = .utf16LittleEndian; byteOrderMark = true
        } else if starts([0xFE, 0xFF]) {
            encoding = .utf16BigEndian; byteOrderMark = true
        } else if starts([0x3C, 0x00, 0x3F, 0x00]) {
            encoding = .utf16LittleEndian
        } else if starts([0x00, 0x3C, 0x00, 0x3F]) {
            encoding = .utf16BigEndian
        } else {
            encoding = .utf8
        }
    }

    private mutating func decodeKnown(_ chunk: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        switch encoding {
        case .utf8, .undecided:
            output.append(contentsOf: chunk)
        case .utf16LittleEndian, .utf16BigEndian:
            let little = encoding == .utf16LittleEndian
            var i = 0
            let n = chunk.count
            func unit(_ a: UInt8, _ b: UInt8) -> UInt32 {
                little ? UInt32(a) | UInt32(b) << 8 : UInt32(a) << 8 | UInt32(b)
            }
            if let half = pending.first, n > 0 {
                pending.removeAll()
                try take(unit(half, chunk[0]), into: &output)
                i = 1
            }
            while i + 1 < n {
                try take(unit(chunk[i], chunk[i + 1]), into: &output)
                i += 2
            }
            if i < n { pending.append(chunk[i]) }
        }
    }

    private mutating func take(_ u: UInt32, into output: inout [UInt8]) throws {
        if let high = highSurrogate {
            guard (0xDC00 ... 0xDFFF).contains(u) else {
                throw XMLDecodeError("UTF-16 text with a high surrogate not followed by a low one")
            }
            highSurrogate = nil
            Windows1252.appendUTF8(0x10000 + ((high - 0xD800) << 10) + (u - 0xDC00), to: &output)
        } else if (0xD800 ... 0xDBFF).contains(u) {
            highSurrogate = u
        } else if (0xDC00 ... 0xDFFF).contains(u) {
            throw XMLDecodeError("UTF-16 text with a low surrogate that has no high one")
        } else {
            Windows1252.appendUTF8(u, to: &output)
        }
    }
}

/// A part whose bytes are not text in the encoding it is in.
struct XMLDecodeError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Checks UTF-8 as it arrives: how much of a buffer is complete, well-formed UTF-8.
enum UTF8Prefix {
    /// The end of the longest prefix of `bytes[from...]` that is well-formed and complete. Returns
    /// `nil` when an invalid sequence starts there (not merely one cut short by the buffer's end,
    /// unless `final`); `invalidAt` then holds its offset.
    static func validEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, final: Bool, invalidAt: inout Int) -> Int? {
        var i = from
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time: the common case in workbook XML.
            while i + 8 <= n {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i &+= 8
            }
            guard i < n else { break }
            let b0 = bytes[i]
            if b0 < 0x80 { i &+= 1; continue }
            let need: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: invalidAt = i; return nil
            }
            // Check the bytes that are there; a sequence cut off by the buffer's end waits.
            for k in 1 ... need {
                guard i + k < n else {
                    if final { invalidAt = i; return nil }
                    return i
                }
                let b = bytes[i + k]
                let ok = k == 1 ? (b >= lower && b <= upper) : (b & 0xC0 == 0x80)
                if !ok { invalidAt = i; return nil }
            }
            i += need + 1
        }
        return n
    }
}
