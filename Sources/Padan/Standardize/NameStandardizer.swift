/// Standardizes personal names, one at a time, into reusable buffers.
///
/// Case, accents and punctuation are folded (`Ma'ruf` → `MARUF`); honorifics, titles and degrees
/// are removed (`HJ. SITI AMINAH, S.PD` → `SITI AMINAH`); spellings of MUHAMMAD and ABDUL are
/// unified (`M. RIZKI`, `MOCH. RIZKI` → `MUHAMMAD RIZKI`); the part after BIN/BINTI (the father's
/// name) goes to a field of its own. Every other token, single letters (initials) included, is
/// kept in order. See `Guides/Standardize/NameStandardizer.md`.
///
/// ```swift
/// var names = NameStandardizer()
/// names.standardize("HJ. SITI AMINAH, S.PD")
/// // names.name == "SITI AMINAH", names.sorted == "AMINAH SITI", names.phonetic == "SITI AMINA"
/// ```
struct NameStandardizer {
    /// The standardized name: tokens A-Z separated by one space.
    private(set) var name: [UInt8] = []
    /// The same tokens in byte order.
    private(set) var sorted: [UInt8] = []
    /// ``IndonesianPhonetic`` key of each token, in name order, separated by one space.
    private(set) var phonetic: [UInt8] = []
    /// The key of the first token that is not MUHAMMAD, ABDUL or an initial (else of the first).
    private(set) var firstPhonetic: [UInt8] = []
    /// The father's name after BIN/BINTI, standardized the same way; empty when none.
    private(set) var father: [UInt8] = []

    private struct Token {
        var start: Int32
        var end: Int32
        var key: UInt64          // packed letters, 0 when longer than 12
        var kind: NameTitles.Kind
        var dotted: Bool         // followed by a dot
        var dottedDegree: Bool   // a degree written with internal dots (S.PD, M.H)
        var initials: Bool       // every part of that dotted degree is one letter (M.H, S.E)
        var length: Int { Int(end - start) }
    }

    private struct Kept {
        var start: Int32
        var end: Int32
        var canonical: UInt8     // 0 as written, 1 MUHAMMAD, 2 ABDUL
        var kind: NameTitles.Kind = []
        var joinNext = false     // AL before a name: written together with it
    }

    private var folded: [UInt8] = []
    private var foldedLength = 0
    private var letters: [UInt8] = []
    private var tokens: [Token] = []
    private var kept: [Kept] = []
    private var ranges: [Range<Int>] = []
    private var unified: [Bool] = []       // per range: MUHAMMAD or ABDUL written in canonical form
    private var order: [Int] = []
    private var scratch: [UInt8] = []
    private let titles = NameTitles.table

    init() {}

    mutating func standardize(_ input: String) {
        var bytes = Array(input.utf8)
        bytes.withUnsafeMutableBufferPointer { standardize(UnsafeBufferPointer($0)) }
    }

    mutating func standardize(_ input: UnsafeBufferPointer<UInt8>) {
        TextFold.clear(&name)
        TextFold.clear(&sorted)
        TextFold.clear(&phonetic)
        TextFold.clear(&firstPhonetic)
        TextFold.clear(&father)
        guard !Self.isNoName(input) else { return }
        foldedLength = TextFold.fold(input, reusing: &folded)
        tokenize()
        guard !tokens.isEmpty else { return }

        // BIN/BINTI with a name on both sides splits off the father's name.
        var split = tokens.count
        for i in 1 ..< max(1, tokens.count - 1) where tokens[i].kind.contains(.bin) {
            split = i
            break
        }
        select(0 ..< split)
        writeName()
        if split < tokens.count {
            // The father's name ends where the grandfather's begins (AHMAD BIN ALI BIN HASAN).
            var end = tokens.count
            for i in (split + 2) ..< max(split + 2, tokens.count) where tokens[i].kind.contains(.bin) {
                end = i
                break
            }
            select(split + 1 ..< end)
            var out = father
            father = []
            write(into: &out)
            father = out
        }
    }

    /// What a cell holds where there is no name: Excel's error values (a failed lookup writes
    /// `#N/A`) and the words databases and clerks write for nothing. Read as a name they would be
    /// one (`#N/A` → `N A`) shared by every such record, and agree exactly. (NAN and NIL are
    /// not here: one-word names are common, and those may be some.)
    static let noNames: [[UInt8]] = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!",
                                     "N/A", "NULL", "NONE"].map { Array($0.utf8) }

    /// Whether `input` is one of ``noNames`` (letters in any case), compared in place: this runs on
    /// every record's name.
    static func isNoName(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let t = TextFold.trimmed(input)
        guard t.count >= 3 && t.count <= 7, t[0] == 35 || t[0] | 0x20 == 110 else { return false }
        return noNames.contains { word in
            word.count == t.count && zip(word, t).allSatisfy { w, c in w == (c >= 97 && c <= 122 ? c - 32 : c) }
        }
    }

    // MARK: Tokens

    /// Splits `folded` into tokens of letters. A run of letters, dots and apostrophes is one raw
    /// token; a raw token with dots inside is one degree when its letters spell one (`S.PD.I`),
    /// else one token per dotted part (`M.RIZKI` → `M`, `RIZKI`).
    private mutating func tokenize() {
        TextFold.clear(&letters)
        TextFold.clear(&tokens)
        let n = foldedLength
        var i = 0
        while i < n {
            let b = folded[i]
            guard TextFold.isUpper(b) || b == 46 || b == 39 else { i += 1; continue }
            var j = i
            var internalDot = false, sawLetter = false, pendingDot = false
            var allSingle = true, partLength = 0
            while j < n {
                let c = folded[j]
                if TextFold.isUpper(c) {
                    if pendingDot && sawLetter { internalDot = true }
                    if pendingDot { if partLength > 1 { allSingle = false }; partLength = 0 }
                    pendingDot = false
                    sawLetter = true
                    partLength += 1
                } else if c == 46 {
                    pendingDot = true
                } else if c != 39 {
                    break
                }
                j += 1
            }
            if partLength > 1 { allSingle = false }
            if sawLetter { addRaw(i ..< j, internalDot: internalDot, allSingle: allSingle) }
            i = j
        }
    }

    private mutating func addRaw(_ raw: Range<Int>, internalDot: Bool, allSingle: Bool) {
        if internalDot {
            var key: UInt64 = 0, count = 0
            for k in raw where TextFold.isUpper(folded[k]) {
                key = key &<< 5 | UInt64(folded[k] &- 64)
                count += 1
            }
            if count <= 12, let kind = titles[key], kind.contains(.degree) {
                let start = Int32(letters.count)
                for k in raw where TextFold.isUpper(folded[k]) { letters.append(folded[k]) }
                tokens.append(Token(start: start, end: Int32(letters.count), key: key, kind: kind,
                                    dotted: true, dottedDegree: true, initials: allSingle))
                return
            }
        }
        var k = raw.lowerBound
        while k < raw.upperBound {
            while k < raw.upperBound && !TextFold.isUpper(folded[k]) { k += 1 }
            guard k < raw.upperBound else { break }
            let start = Int32(letters.count)
            var key: UInt64 = 0
            while k < raw.upperBound && folded[k] != 46 {
                let c = folded[k]
                if TextFold.isUpper(c) {
                    letters.append(c)
                    key = key &<< 5 | UInt64(c &- 64)
                }
                k += 1
            }
            let length = letters.count - Int(start)
            if length == 0 { continue }
            if length > 12 { key = 0 }
            let dotted = k < raw.upperBound && folded[k] == 46
            tokens.append(Token(start: start, end: Int32(letters.count), key: key,
                                kind: key == 0 ? [] : titles[key] ?? [], dotted: dotted,
                                dottedDegree: false, initials: false))
        }
    }

    // MARK: Choosing the name's tokens

    /// Keeps the tokens of `part` that belong to the name, with MUHAMMAD and ABDUL unified.
    private mutating func select(_ part: Range<Int>) {
        TextFold.clear(&kept)
        var seenName = false
        var i = part.lowerBound
        while i < part.upperBound {
            let t = tokens[i]
            let more = i + 1 < part.upperBound
            if !seenName {
                // Before the name: honorifics and titles go while something follows them.
                if more && (t.kind.contains(.leading) || t.kind.contains(.anywhere)
                            || (t.dottedDegree && !t.initials)) {
                    i += 1
                    continue
                }
                seenName = true
                if t.dottedDegree && t.initials {
                    // M.H. THAMRIN: at the start, single letters with dots are initials.
                    for k in t.start ..< t.end { kept.append(Kept(start: k, end: k + 1, canonical: 0)) }
                    i += 1
                    continue
                }
            } else {
                if t.kind.contains(.anywhere) || t.dottedDegree || t.kind.contains(.degreeUndotted) {
                    i += 1
                    continue
                }
                // "S. PD": a dotted initial and the rest of a degree, written apart.
                if t.length == 1 && t.dotted && more {
                    let u = tokens[i + 1]
                    if u.length >= 2 && u.length <= 11 && u.key != 0,
                       let kind = titles[t.key &<< (5 * UInt64(u.length)) | u.key], kind.contains(.degree) {
                        i += 2
                        continue
                    }
                }
            }
            kept.append(Kept(start: t.start, end: t.end, canonical: 0, kind: t.kind))
            i += 1
        }
        for k in kept.indices {
            if kept[k].kind.contains(.muhammad) { kept[k].canonical = 1 }
            else if kept[k].kind.contains(.abdul) { kept[k].canonical = 2 }
            else if kept[k].kind.contains(.article) && k + 1 < kept.count { kept[k].joinNext = true }
        }
        // M. RIZKI: a leading M before another token is MUHAMMAD.
        if kept.count > 1 && kept[0].end - kept[0].start == 1 && letters[Int(kept[0].start)] == 77 {
            kept[0].canonical = 1
        }
    }

    private static let muhammad: [UInt8] = Array("MUHAMMAD".utf8)
    private static let abdul: [UInt8] = Array("ABDUL".utf8)

    /// Writes the kept tokens, one space apart, and records each token's range in `out`.
    private mutating func write(into out: inout [UInt8]) {
        TextFold.clear(&ranges)
        TextFold.clear(&unified)
        var join = false
        for k in kept {
            if join {
                // AL-FATIH, AL FATIH and ALFATIH are one token.
                let start = ranges.removeLast().lowerBound
                out.append(contentsOf: letters[Int(k.start) ..< Int(k.end)])
                ranges.append(start ..< out.count)
                join = k.joinNext
                continue
            }
            join = k.joinNext
            if !out.isEmpty { out.append(32) }
            let start = out.count
            switch k.canonical {
            case 1: out.append(contentsOf: Self.muhammad)
            case 2: out.append(contentsOf: Self.abdul)
            default: out.append(contentsOf: letters[Int(k.start) ..< Int(k.end)])
            }
            ranges.append(start ..< out.count)
            unified.append(k.canonical != 0)
        }
    }

    private mutating func writeName() {
        var out = name
        name = []
        write(into: &out)
        name = out
        guard !ranges.isEmpty else { return }
        // Sorted tokens: insertion sort of a handful of ranges.
        TextFold.clear(&order)
        order.append(contentsOf: ranges.indices)
        for a in 1 ..< order.count {
            var b = a
            while b > 0 && less(ranges[order[b]], ranges[order[b - 1]]) {
                order.swapAt(b, b - 1)
                b -= 1
            }
        }
        for (n, index) in order.enumerated() {
            if n > 0 { sorted.append(32) }
            sorted.append(contentsOf: name[ranges[index]])
        }
        // Phonetic keys, and the first token that says who the person is.
        var first: Range<Int>?
        var keys = phonetic, work = scratch
        phonetic = []
        scratch = []
        name.withUnsafeBufferPointer { nameBuffer in
            for (n, r) in ranges.enumerated() {
                if n > 0 { keys.append(32) }
                let keyStart = keys.count
                IndonesianPhonetic.appendKey(UnsafeBufferPointer(rebasing: nameBuffer[r]), into: &keys, scratch: &work)
                if first == nil && r.count > 1 && !unified[n] { first = keyStart ..< keys.count }
            }
        }
        if first == nil, let end = keys.firstIndex(of: 32) { first = 0 ..< end }
        firstPhonetic.append(contentsOf: keys[first ?? 0 ..< keys.count])
        phonetic = keys
        scratch = work
    }

    private func less(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        name[a].lexicographicallyPrecedes(name[b])
    }
}
