/// American Soundex (Russell 1918; the rules of the US National Archives): the first letter, then
/// the digits of the following consonants (B F P V → 1, C G J K Q S X Z → 2, D T → 3, L → 4,
/// M N → 5, R → 6), a digit written once for a run of letters with the same digit even across H
/// and W, vowels (A E I O U Y) separating runs, padded with zeros or cut to four characters.
///
///     Soundex.code("ROBERT")   // "R163"
///     Soundex.code("TYMCZAK")  // "T522"
///     Soundex.code("ASHCRAFT") // "A261"
///
/// Bytes other than the letters A-Z (either case) are skipped; a word with no letter has no code.
public enum Soundex {
    /// The digit of an uppercase letter: 0 for vowels and Y, 255 for H and W (which do not separate
    /// runs), 1-6 for the consonant classes.
    @inline(__always)
    static func digit(_ c: UInt8) -> UInt8 {
        switch c {
        case 66, 70, 80, 86: return 1                                  // B F P V
        case 67, 71, 74, 75, 81, 83, 88, 90: return 2                  // C G J K Q S X Z
        case 68, 84: return 3                                          // D T
        case 76: return 4                                              // L
        case 77, 78: return 5                                          // M N
        case 82: return 6                                              // R
        case 72, 87: return 255                                        // H W
        default: return 0                                              // A E I O U Y
        }
    }

    /// Appends the four-byte code of `word` to `out` (nothing when `word` has no letter); returns
    /// whether it appended.
    ///
    /// - Complexity: O(n), no allocation beyond `out`'s growth.
    @discardableResult
    public static func appendCode(_ word: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        var written = 0
        var last: UInt8 = 0
        for raw in word {
            let c = raw >= 97 && raw <= 122 ? raw - 32 : raw
            guard c >= 65 && c <= 90 else { continue }
            let d = digit(c)
            if written == 0 {
                out.append(c)
                written = 1
                last = d == 255 ? 0 : d
                continue
            }
            if d == 255 { continue }
            if d != 0 && d != last {
                out.append(48 + d)
                written += 1
                if written == 4 { return true }
            }
            last = d
        }
        if written == 0 { return false }
        while written < 4 { out.append(48); written += 1 }
        return true
    }

    /// The code of `word` ("" when it has no letter).
    ///
    ///     Soundex.code("PFISTER") // "P236"
    public static func code(_ word: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(word.utf8)
        bytes.withUnsafeBufferPointer { _ = appendCode($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
