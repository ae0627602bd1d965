/// Measures for digit strings such as the 16-digit Indonesian NIK (`PPKKCC DDMMYY SSSS`:
/// province, regency, district; birth date with 40 added to the day for women; a 4-digit serial).
///
///     DigitString.transpositionDistance("3273014501900001", "3273015401900001") // 1
///     DigitString.zeroedTailLength("3273014501900123", "3273014501900000")      // 3
///     DigitString.differenceMask("3273014501900001", "3273014501900002")        // 0x8000
///
/// The functions work on any bytes; only ``zeroedTailLength(_:_:)`` gives `'0'` a meaning.
public enum DigitString {
    /// Positions 0...5 of a NIK (province, regency, district), as a ``differenceMask(_:_:)`` mask.
    public static let nikRegion: UInt64 = 0x003F
    /// Positions 6...11 of a NIK (birth date `DDMMYY`, day + 40 for women).
    public static let nikBirthDate: UInt64 = 0x0FC0
    /// Positions 12...15 of a NIK (serial number).
    public static let nikSerial: UInt64 = 0xF000

    /// The minimum number of substitutions and adjacent transpositions that turn `a` into `b`
    /// (no insertions or deletions), or nil when the lengths differ. A swapped pair of adjacent
    /// digits (`...45...` for `...54...`) costs 1, where ``Hamming`` counts 2.
    ///
    /// A left-to-right scan is optimal: at a mismatch where the next two bytes are swapped, taking
    /// the transposition (cost 1 for two positions) is never worse than substituting.
    ///
    ///     DigitString.transpositionDistance(a, b)
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func transpositionDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard a.count == b.count else { return nil }
        let n = a.count
        var d = 0
        var i = 0
        while i < n {
            if a[i] != b[i] {
                d &+= 1
                if i &+ 1 < n && a[i] == b[i &+ 1] && a[i &+ 1] == b[i] {
                    i &+= 1
                }
            }
            i &+= 1
        }
        return d
    }

    /// The transposition distance of the UTF-8 bytes of `a` and `b` (nil when lengths differ).
    ///
    ///     DigitString.transpositionDistance("3273014501900001", "3273015401900001") // 1
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func transpositionDistance(_ a: String, _ b: String) -> Int? {
        Bytes.with(a, b) { transpositionDistance($0, $1) }
    }

    /// `transpositionDistance` on the bytes of `a` and `b`.
    ///
    ///     DigitString.transpositionDistance(Array("3273014501900001".utf8), Array("3273015401900001".utf8)) // 1
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func transpositionDistance(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        Bytes.with(a, b) { transpositionDistance($0, $1) }
    }

    /// Detects a tail zeroed by a spreadsheet: a 16-digit number stored as a 15-significant-digit
    /// float loses its last digit (and more when re-typed). Returns `k ≥ 1` when `a` and `b` have
    /// the same length, agree before their last `k` bytes, differ within them, and one of them
    /// has only `'0'` there; `k` is the shortest such tail (from the first differing position).
    /// Returns nil for equal strings, different lengths, or any other difference.
    ///
    ///     DigitString.zeroedTailLength("3273014501900001", "3273014501900000") // 1
    ///     DigitString.zeroedTailLength("3273014501900001", "3273014501900002") // nil
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func zeroedTailLength(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard a.count == b.count else { return nil }
        let first = Bytes.commonPrefix(a, b)
        if first == a.count { return nil }
        let zero = UInt8(ascii: "0")
        var aZero = true, bZero = true
        for i in first ..< a.count {
            aZero = aZero && a[i] == zero
            bZero = bZero && b[i] == zero
        }
        return aZero || bZero ? a.count &- first : nil
    }

    /// ``zeroedTailLength(_:_:)`` on the UTF-8 bytes of `a` and `b`.
    ///
    ///     DigitString.zeroedTailLength("3273014501900123", "3273014501900000") // 3
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func zeroedTailLength(_ a: String, _ b: String) -> Int? {
        Bytes.with(a, b) { zeroedTailLength($0, $1) }
    }

    /// `zeroedTailLength` on the bytes of `a` and `b`.
    ///
    ///     DigitString.zeroedTailLength(Array("3273014501900123".utf8), Array("3273014501900000".utf8)) // 3
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func zeroedTailLength(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        Bytes.with(a, b) { zeroedTailLength($0, $1) }
    }

    /// Bit `i` is set when position `i` differs (positions 0...63; a position present in only
    /// one string differs). Test a mask against ``nikRegion``, ``nikBirthDate`` and
    /// ``nikSerial`` to see which fields of a NIK disagree; `trailingZeroBitCount` gives the first
    /// differing position and `63 - leadingZeroBitCount` the last.
    ///
    ///     let mask = DigitString.differenceMask(a, b)
    ///     let serialOnly = mask != 0 && mask & ~DigitString.nikSerial == 0
    ///
    /// - Complexity: O(min(n, 64) / 8).
    @inlinable
    public static func differenceMask(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = min(a.count, b.count, 64)
        var mask: UInt64 = 0
        var i = 0
        if n > 0 {
            let pa = UnsafeRawPointer(a.baseAddress!), pb = UnsafeRawPointer(b.baseAddress!)
            while i &+ 8 <= n {
                let x = pa.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ pb.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                mask |= gather(nonZeroBytes(x)) &<< UInt64(i)
                i &+= 8
            }
        }
        while i < n {
            if a[i] != b[i] { mask |= 1 &<< UInt64(i) }
            i &+= 1
        }
        let longer = min(max(a.count, b.count), 64)
        if longer > n {
            // Positions n..<longer exist in only one string.
            let high: UInt64 = longer == 64 ? ~0 : (1 &<< UInt64(longer)) &- 1
            mask |= high & ~((1 &<< UInt64(n)) &- 1)
        }
        return mask
    }

    /// ``differenceMask(_:_:)`` on the UTF-8 bytes of `a` and `b`.
    ///
    ///     DigitString.differenceMask("3273014501900001", "3273014501900002") // 0x8000
    ///
    /// - Complexity: O(min(n, 64) / 8).
    @inlinable
    public static func differenceMask(_ a: String, _ b: String) -> UInt64 {
        Bytes.with(a, b) { differenceMask($0, $1) }
    }

    /// `differenceMask` on the bytes of `a` and `b`.
    ///
    ///     DigitString.differenceMask(Array("3273014501900001".utf8), Array("3273014501900002".utf8)) // 0x8000
    ///
    /// - Complexity: O(min(n, 64) / 8).
    @inlinable
    public static func differenceMask(_ a: [UInt8], _ b: [UInt8]) -> UInt64 {
        Bytes.with(a, b) { differenceMask($0, $1) }
    }

    /// The high bit of each byte of the result is set when that byte of `x` is non-zero; other
    /// bits are clear (SWAR: no carries cross bytes since each byte adds at most 0x7F + 0x7F).
    @inlinable @inline(__always)
    static func nonZeroBytes(_ x: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return (((x & low) &+ low) | x) & ~low
    }

    /// Moves the high bit of byte `k` of `y` (and only those bits may be set) to bit `k`.
    @inlinable @inline(__always)
    static func gather(_ y: UInt64) -> UInt64 {
        // Byte k's bit, at 8k after the shift, lands at 56 + k: the magic has 2^(7j + 7) in byte j
        // and only j = 7 - k reaches the top byte; all partial products sit at distinct positions.
        ((y &>> 7) &* 0x0102_0408_1020_4080) &>> 56
    }
}
