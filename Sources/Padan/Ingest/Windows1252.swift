/// Text encoding helpers for what Excel exports: UTF-8 checking and Windows-1252 decoding.
enum Windows1252 {
    /// Unicode code points of bytes 0x80...0x9F in Windows-1252 (0 where the byte is undefined;
    /// those are mapped to the C1 control of the same value, as browsers do).
    static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Whether `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var invalidAt = 0
        return UTF8Prefix.validEnd(bytes, from: 0, final: true, invalidAt: &invalidAt) != nil
    }

    /// Appends the UTF-8 encoding of Windows-1252 `bytes` to `output`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        for b in bytes {
            let scalar: UInt32 = b < 0x80 ? UInt32(b) : (b < 0xA0 ? UInt32(high[Int(b - 0x80)]) : UInt32(b))
            appendUTF8(scalar, to: &output)
        }
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0 ..< 0x80:
            output.append(UInt8(scalar))
        case 0x80 ..< 0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800 ..< 0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
