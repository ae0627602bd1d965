/// Reads the sex column: `L`/`P`, `LAKI-LAKI`/`PEREMPUAN`, `LK`/`PR`, `PRIA`/`WANITA`, `1`/`2`,
/// `M`/`F`. Anything else is ``Sex/unknown``. See `Guides/Standardize/SexStandardizer.md`.
enum SexStandardizer {
    static func standardize(_ input: UnsafeBufferPointer<UInt8>) -> Sex {
        // Letters and digits only, uppercased; `LAKI-LAKI`, `Laki laki` and `L.` read alike.
        var key: UInt64 = 0
        var length = 0
        for b in input {
            var c = b
            if c >= 97 && c <= 122 { c &-= 32 }
            if TextFold.isUpper(c) {
                key = key &<< 5 | UInt64(c &- 64)
            } else if TextFold.isDigit(c) {
                key = key &<< 5 | UInt64(c &- 48 &+ 27)
            } else if c == 32 || c == 45 || c == 46 || c == 9 || c == 95 {
                continue
            } else {
                return .unknown
            }
            length += 1
            if length > 12 { return .unknown }
        }
        return length == 0 ? .unknown : table[key] ?? .unknown
    }

    /// Packed spellings (5 bits a character: A-Z 1...26, digits 27...36).
    static let table: PackedTable<Sex> = PackedTable({
        func pack(_ s: String) -> UInt64 {
            s.utf8.reduce(0) { $0 &<< 5 | UInt64(TextFold.isDigit($1) ? $1 - 48 + 27 : $1 - 64) }
        }
        var t: [UInt64: Sex] = [:]
        for s in ["L", "LK", "LAKI", "LAKILAKI", "LAKI2", "LELAKI", "PRIA", "M", "MALE", "1"] { t[pack(s)] = .male }
        for s in ["P", "PR", "PEREMPUAN", "WANITA", "W", "F", "FEMALE", "2"] { t[pack(s)] = .female }
        return t
    }())
}
