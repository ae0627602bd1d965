/// Standardizes free-text addresses and place names, one at a time, into reusable buffers.
///
/// From the address text it pulls out RT and RW in every common form (`RT 002 RW 005`,
/// `RT.2/RW.5`, `RT02/05`, `RT 2 / RW 5`, `RT/RW 002/005`), the house number (`NO. 12A`), and a
/// village, district or regency written after `KEL.`/`DESA`, `KEC.`, `KAB.`; what is left is the
/// street, with street words in one spelling (`JALAN`/`JLN.` → `JL`, `GANG` → `GG`, `KAMPUNG`/`KMP.`
/// → `KP`, `PERUMAHAN` → `PERUM`, `KOMPLEK` → `KOMP`, `BLK` → `BLOK`). Place columns lose their
/// type prefixes (`KEL.`, `DESA`, `KEC.`, `KAB.`, `KABUPATEN`) except `KOTA`, which is kept because a
/// city and the regency of the same name are different places: `KOTA BANDUNG` vs `BANDUNG`.
/// See `Guides/Standardize/AddressStandardizer.md`.
struct AddressStandardizer {
    /// The street text without RT/RW, house number and place parts: words and numbers, one space apart.
    private(set) var street: [UInt8] = []
    private(set) var houseNumber: [UInt8] = []
    /// RT and RW found in the text, 0 when none.
    private(set) var rt: UInt16 = 0
    private(set) var rw: UInt16 = 0
    /// Places named in the text after their prefix (standardized like the place columns).
    private(set) var village: [UInt8] = []
    private(set) var district: [UInt8] = []
    private(set) var regency: [UInt8] = []

    enum PlaceKind { case village, district, regency, birthPlace }

    private enum TokenType: UInt8 { case word, number, punct }

    private struct Token {
        var start: Int32
        var end: Int32
        var type: TokenType
        var spaceBefore: Bool
        var key: UInt64          // packed letters of a word (0 when longer than 12)
        var word: Word?          // what the word means to an address, if anything
        var removed = false
        var length: Int { Int(end - start) }
    }

    private var folded: [UInt8] = []
    private var tokens: [Token] = []
    /// The word table, held by each standardizer so threads do not share one reference count.
    private let words = AddressStandardizer.words

    init() {}

    mutating func standardize(_ input: String) {
        var bytes = Array(input.utf8)
        bytes.withUnsafeMutableBufferPointer { standardize(UnsafeBufferPointer($0)) }
    }

    mutating func standardize(_ input: UnsafeBufferPointer<UInt8>) {
        TextFold.clear(&street)
        TextFold.clear(&houseNumber)
        TextFold.clear(&village)
        TextFold.clear(&district)
        TextFold.clear(&regency)
        rt = 0
        rw = 0
        let length = TextFold.fold(input, reusing: &folded)
        Self.tokenize(folded, length: length, into: &tokens, words: words)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            guard !t.removed, let word = t.word else { i += 1; continue }
            switch word {
            case .rt: i = takeRT(at: i)
            case .rw: i = takeRW(at: i)
            case .number: i = takeHouseNumber(at: i)
            case .villagePrefix, .districtPrefix, .regencyPrefix: i = takePlace(at: i, word)
            default: i += 1
            }
        }
        for t in tokens where !t.removed && t.type != .punct {
            if !street.isEmpty { street.append(32) }
            if let canonical = t.word?.canonical {
                street.append(contentsOf: UnsafeBufferPointer(start: canonical.utf8Start, count: canonical.utf8CodeUnitCount))
            } else {
                for k in Int(t.start) ..< Int(t.end) where folded[k] != 39 { street.append(folded[k]) }
            }
        }
    }

    // MARK: Parts of the address

    private func isWord(_ i: Int, _ kind: Word) -> Bool {
        i < tokens.count && tokens[i].word == kind
    }

    private func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        i < tokens.count && tokens[i].type == .punct && folded[Int(tokens[i].start)] == c
    }

    /// The index of the first token at or after `i` that is not punctuation.
    private func skipPunct(_ i: Int) -> Int {
        var j = i
        while j < tokens.count && tokens[j].type == .punct { j += 1 }
        return j
    }

    private func number(_ i: Int) -> UInt16? {
        guard i < tokens.count, tokens[i].type == .number, tokens[i].length <= 4 else { return nil }
        var v: UInt16 = 0
        for k in Int(tokens[i].start) ..< Int(tokens[i].end) { v = v &* 10 &+ UInt16(folded[k] &- 48) }
        return v
    }

    private mutating func remove(_ range: Range<Int>) {
        for k in range { tokens[k].removed = true }
    }

    /// `RT 002 RW 005`, `RT.2/RW.5`, `RT02/05`, `RT 2 / RW 5`, `RT/RW 002/005`, `RT 02`.
    private mutating func takeRT(at i: Int) -> Int {
        var j = i + 1
        if isPunct(j, 47) && isWord(j + 1, .rw) {
            // RT/RW 002/005
            j = skipPunct(j + 2)
            guard let a = number(j) else { return i + 1 }
            var k = skipPunct(j + 1)
            if isPunct(k, 47) { k = skipPunct(k + 1) }
            guard let b = number(k) else { return i + 1 }
            setRT(a, b)
            remove(i ..< k + 1)
            return k + 1
        }
        j = skipPunct(j)
        guard let a = number(j) else { return i + 1 }
        var end = j + 1
        var b: UInt16 = 0
        var k = j + 1
        var separated = false
        while k < tokens.count && tokens[k].type == .punct {
            let c = folded[Int(tokens[k].start)]
            if c == 47 || c == 45 { separated = true } else if c != 46 && c != 58 && c != 44 { break }
            k += 1
        }
        if isWord(k, .rw) {
            let m = skipPunct(k + 1)
            if let n = number(m) { b = n; end = m + 1 }
        } else if separated, let n = number(k) {
            b = n
            end = k + 1
        }
        setRT(a, b)
        remove(i ..< end)
        return end
    }

    /// `RW 005`, `RW.5` on its own.
    private mutating func takeRW(at i: Int) -> Int {
        let j = skipPunct(i + 1)
        guard let b = number(j) else { return i + 1 }
        if rw == 0 { rw = b }
        remove(i ..< j + 1)
        return j + 1
    }

    private mutating func setRT(_ a: UInt16, _ b: UInt16) {
        if rt == 0 { rt = a }
        if rw == 0 { rw = b }
    }

    /// `NO. 12`, `NOMOR 12A`, `NO:12/3`, `NO.12-B`: the number and what is attached to it.
    private mutating func takeHouseNumber(at i: Int) -> Int {
        let j = skipPunct(i + 1)
        guard j < tokens.count, tokens[j].type == .number else { return i + 1 }
        let first = houseNumber.isEmpty
        func add(_ k: Int, _ out: inout [UInt8], _ folded: [UInt8], _ tokens: [Token]) {
            if first { out.append(contentsOf: folded[Int(tokens[k].start) ..< Int(tokens[k].end)]) }
        }
        add(j, &houseNumber, folded, tokens)
        var k = j + 1
        while k < tokens.count && !tokens[k].spaceBefore {
            if tokens[k].type == .word && tokens[k].length <= 2 {
                add(k, &houseNumber, folded, tokens)
                k += 1
            } else if (isPunct(k, 47) || isPunct(k, 45)) && k + 1 < tokens.count && !tokens[k + 1].spaceBefore
                        && tokens[k + 1].type != .punct && tokens[k + 1].length <= 4 {
                add(k, &houseNumber, folded, tokens)
                add(k + 1, &houseNumber, folded, tokens)
                k += 2
            } else {
                break
            }
        }
        remove(i ..< k)
        return k
    }

    /// `KEL. SUKAJADI`, `DESA SUKAMAJU`, `KEC. COBLONG`, `KAB. BANDUNG`: up to the next comma or prefix.
    private mutating func takePlace(at i: Int, _ word: Word) -> Int {
        var k = i + 1
        var buffer: [UInt8] = []
        while k < tokens.count {
            let t = tokens[k]
            if t.type == .punct {
                if folded[Int(t.start)] == 44 || folded[Int(t.start)] == 59 { break }
                k += 1
                continue
            }
            if let w = t.word, w.isPlacePrefix || w == .rt || w == .rw || w == .number { break }
            if !buffer.isEmpty { buffer.append(32) }
            for p in Int(t.start) ..< Int(t.end) where folded[p] != 39 { buffer.append(folded[p]) }
            k += 1
        }
        remove(i ..< k)
        switch word {
        case .villagePrefix: if village.isEmpty { village = buffer }
        case .districtPrefix: if district.isEmpty { district = buffer }
        default: if regency.isEmpty { regency = buffer }
        }
        return k
    }

    // MARK: Place names

    /// Appends the standardized place name in `input` to `out`: words and numbers one space apart,
    /// the type prefix removed (for a regency, `KOTA` kept and its spellings unified).
    mutating func place(_ input: UnsafeBufferPointer<UInt8>, kind: PlaceKind, into out: inout [UInt8]) {
        var scratch = folded
        folded = []
        defer { folded = scratch }
        let length = TextFold.fold(input, reusing: &scratch)
        let words = self.words
        let start = out.count
        scratch.withUnsafeBufferPointer { whole in
            let text = UnsafeBufferPointer(rebasing: whole[..<length])
            // Prefixes are stripped from the front, group by group, while another token follows.
            var stage = 0
            var city = false
            var emitting = false
            var next = Self.token(text, from: 0)
            while let t = next {
                next = Self.token(text, from: t.range.upperBound)
                if !emitting {
                    let word = t.key == 0 ? nil : words[t.key]
                    var strip = false
                    if next != nil, let word {
                        switch kind {
                        case .village: strip = word == .villagePrefix
                        case .district: strip = word == .districtPrefix
                        case .birthPlace: strip = word.isPlacePrefix || word == .cityPrefix || word == .administrative
                        case .regency:
                            if stage == 0 && word == .regencyPrefix {
                                strip = true
                            } else if word == .cityPrefix || word == .administrative {
                                stage = 1
                                strip = true
                                city = true
                            }
                        }
                    }
                    if strip { continue }
                    emitting = true
                    if city { out.append(contentsOf: [75, 79, 84, 65]) }  // KOTA
                }
                if out.count > start { out.append(32) }
                for p in t.range where text[p] != 39 { out.append(text[p]) }
            }
        }
    }

    /// The next word (letters and apostrophes, with at least one letter) or number at or after `i`,
    /// with the word's packed letters (0 for numbers and words longer than 12 letters).
    private static func token(_ text: UnsafeBufferPointer<UInt8>, from i: Int) -> (range: Range<Int>, key: UInt64)? {
        var p = i
        let n = text.count
        while p < n {
            let c = text[p]
            if TextFold.isDigit(c) {
                let s = p
                while p < n && TextFold.isDigit(text[p]) { p += 1 }
                return (s ..< p, 0)
            }
            if TextFold.isUpper(c) || c == 39 {
                let s = p
                var key: UInt64 = 0, letters = 0
                while p < n && (TextFold.isUpper(text[p]) || text[p] == 39) {
                    if text[p] != 39 { key = key &<< 5 | UInt64(text[p] &- 64); letters += 1 }
                    p += 1
                }
                if letters > 0 { return (s ..< p, letters <= 12 ? key : 0) }
                continue
            }
            p += 1
        }
        return nil
    }

    /// Parses an RT or RW column: the first number, and a second after `/` or `-` (`002/005`).
    /// Ingest splits combined `RT/RW` columns with the same rule (``RTRWColumn``).
    static func rtColumn(_ input: UnsafeBufferPointer<UInt8>) -> (UInt16, UInt16) {
        RTRWColumn.parse(input)
    }

    // MARK: Words

    enum Word: UInt8 {
        case street, alley, hamlet, housing, complex, block, subHamlet, neighbourhood
        case rt, rw, number, villagePrefix, districtPrefix, regencyPrefix, cityPrefix, administrative

        var isPlacePrefix: Bool { self == .villagePrefix || self == .districtPrefix || self == .regencyPrefix }

        var canonical: StaticString? {
            switch self {
            case .street: return "JL"
            case .alley: return "GG"
            case .hamlet: return "KP"
            case .housing: return "PERUM"
            case .complex: return "KOMP"
            case .block: return "BLOK"
            case .subHamlet: return "DUSUN"
            case .neighbourhood: return "LINGK"
            default: return nil
            }
        }
    }

    static let words: PackedTable<Word> = PackedTable({
        var t: [UInt64: Word] = [:]
        func add(_ kind: Word, _ spellings: [String]) { for s in spellings { t[PackedToken.pack(s)] = kind } }
        add(.street, ["JL", "JLN", "JALAN", "JLAN"])
        add(.alley, ["GG", "GANG"])
        add(.hamlet, ["KP", "KMP", "KAMP", "KAMPUNG", "KAMPONG"])
        add(.housing, ["PERUM", "PERUMAHAN", "PRM"])
        add(.complex, ["KOMP", "KOMPL", "KOMPLK", "KOMPLEK", "KOMPLEKS", "KOMPLEX", "KOMPLEKSS"])
        add(.block, ["BLOK", "BLK"])
        add(.subHamlet, ["DUSUN", "DSN"])
        add(.neighbourhood, ["LINGKUNGAN", "LINGK", "LINGKUNG"])
        add(.rt, ["RT"])
        add(.rw, ["RW"])
        add(.number, ["NO", "NOMOR", "NOMER", "NMR", "NOMR"])
        add(.villagePrefix, ["KEL", "KELURAHAN", "DESA", "DS", "KELDESA", "DESAKEL"])
        add(.districtPrefix, ["KEC", "KECAMATAN", "DISTRIK"])
        add(.regencyPrefix, ["KAB", "KABUPATEN"])
        add(.cityPrefix, ["KOTA", "KOTAMADYA", "KOTAMADIA", "KODYA", "KOTAMADYA"])
        add(.administrative, ["ADM", "ADMINISTRASI"])
        return t
    }())

    /// Words (letters), numbers (digits) and single punctuation marks of the folded text.
    private static func tokenize(_ text: [UInt8], length n: Int, into tokens: inout [Token], words: PackedTable<Word>) {
        TextFold.clear(&tokens)
        var i = 0
        var space = true
        while i < n {
            let c = text[i]
            if TextFold.isUpper(c) || c == 39 {
                let start = i
                var key: UInt64 = 0, letters = 0
                while i < n && (TextFold.isUpper(text[i]) || text[i] == 39) {
                    if text[i] != 39 { key = key &<< 5 | UInt64(text[i] &- 64); letters += 1 }
                    i += 1
                }
                if letters > 0 {
                    let packed = letters <= 12 ? key : 0
                    tokens.append(Token(start: Int32(start), end: Int32(i), type: .word, spaceBefore: space,
                                        key: packed, word: packed == 0 ? nil : words[packed]))
                }
                space = false
            } else if TextFold.isDigit(c) {
                let start = i
                while i < n && TextFold.isDigit(text[i]) { i += 1 }
                tokens.append(Token(start: Int32(start), end: Int32(i), type: .number, spaceBefore: space, key: 0, word: nil))
                space = false
            } else if c == 32 {
                space = true
                i += 1
            } else {
                tokens.append(Token(start: Int32(i), end: Int32(i + 1), type: .punct, spaceBefore: space, key: 0, word: nil))
                space = false
                i += 1
            }
        }
    }
}
