/// A phonetic key for Indonesian names that folds old (pre-1972, Van Ophuijsen / Soewandi) and
/// new (EYD) spellings and common regional variants into one form, so that SOEKARNO/SUKARNO,
/// DJOKO/JOKO, TJAHJO/CAHYO and JUSUF/YUSUF get the same key.
///
/// Rules, in order (see `Guides/Standardize/IndonesianPhonetic.md` for their sources):
/// 1. Digraphs and letters, left to right: OE → U; DJ → J; TJ → C; SJ, SY before a vowel → S;
///    NJ → NY; CH, KH → H; PH → F; DZ → Z; TS → S; then J → Y (the old J is the new Y, and DJ/J
///    meet there), F, V → P, Q → K, X → KS, Z → S.
/// 2. In context: H after B, D, G, T or S is dropped (Dutch-era BH/DH/TH, Arabic SH); a final H
///    after a vowel is dropped (AMINAH/AMINA); Y between I and a vowel and W between U and a vowel
///    are dropped (MARIYAM/MARIAM); any other Y that is not between vowels (or first) becomes I
///    (DEDY/DEDI, SETYAWAN/SETIAWAN); W after a vowel and before a consonant becomes U
///    (FAWZI/FAUZI); AE → AI, AO → AU, EI → AI (ZAENAL/ZAINAL, HUSEIN/HUSAIN); the Dutch IE
///    before a consonant or at the end is I (ARIEF/ARIF); doubled letters are written once.
///
/// - Complexity: O(n) in the token's length, no allocation once the buffers have grown.
enum IndonesianPhonetic {
    /// Appends the key of `token` (letters A-Z) to `out`, using `scratch` as working space.
    static func appendKey(_ token: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], scratch: inout [UInt8]) {
        TextFold.clear(&scratch)
        let n = token.count
        var i = 0
        while i < n {
            let c = token[i]
            let next: UInt8 = i + 1 < n ? token[i + 1] : 0
            var pair = true
            switch (c, next) {
            case (79, 69): scratch.append(85)                      // OE → U
            case (68, 74): scratch.append(89)                      // DJ → J → Y
            case (68, 90): scratch.append(83)                      // DZ → Z → S
            case (84, 74): scratch.append(67)                      // TJ → C
            case (83, 74) where i + 2 < n && isVowel(token[i + 2]),
                 (83, 89) where i + 2 < n && isVowel(token[i + 2]):
                scratch.append(83)                                 // SJ, SY before a vowel → S
            case (84, 83): scratch.append(83)                      // TS → S
            case (78, 74): scratch.append(78); scratch.append(89)  // NJ → NY
            case (67, 72), (75, 72): scratch.append(72)            // CH, KH → H
            case (80, 72): scratch.append(80)                      // PH → F → P
            default:
                pair = false
                switch c {
                case 74: scratch.append(89)                        // J → Y
                case 70, 86: scratch.append(80)                    // F, V → P
                case 90: scratch.append(83)                        // Z → S
                case 81: scratch.append(75)                        // Q → K
                case 88: scratch.append(75); scratch.append(83)    // X → KS
                default: scratch.append(c)
                }
            }
            i += pair ? 2 : 1
        }
        let start = out.count
        let m = scratch.count
        for j in 0 ..< m {
            var c = scratch[j]
            if j > 0 && c == scratch[j - 1] { continue }
            let prev: UInt8 = out.count > start ? out[out.count - 1] : 0
            let next: UInt8 = j + 1 < m ? scratch[j + 1] : 0
            switch c {
            case 72:  // H
                if prev == 66 || prev == 68 || prev == 71 || prev == 84 || prev == 83 { continue }
                if j == m - 1 && isVowel(prev) && out.count - start >= 2 { continue }
            case 89:  // Y
                if prev == 73 && isVowel(next) { continue }
                if out.count > start && (!isVowel(next) || !isVowel(prev)) { c = 73 }
            case 87:  // W
                if prev == 85 && isVowel(next) { continue }
                if isVowel(prev) && !isVowel(next) { c = 85 }
            case 69:  // E
                if prev == 65 { c = 73 }
                else if prev == 73 && !isVowel(next) { continue }
                else if next == 73 { c = 65 }
            case 79:  // O
                if prev == 65 { c = 85 }
            default:
                break
            }
            if c == prev { continue }
            out.append(c)
        }
        if out.count == start && m > 0 { out.append(scratch[0]) }
    }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool { c == 65 || c == 69 || c == 73 || c == 79 || c == 85 }

    /// The key of one token, for tests and tools.
    static func key(_ token: String) -> String {
        var out: [UInt8] = [], scratch: [UInt8] = []
        let letters = Array(token.utf8)
        letters.withUnsafeBufferPointer { appendKey($0, into: &out, scratch: &scratch) }
        return String(decoding: out, as: UTF8.self)
    }
}
