/// One record's standardized values packed for comparing: fixed size, hashes instead of text where
/// equality is all a comparison needs, so comparing a pair touches two 128-byte records (and the
/// name bytes only when the cheap checks do not settle the name level).
struct CompareRecord: Sendable {
    /// The 16 NIK digits (ASCII) when the NIK has 16 digits; zeros otherwise.
    var nik: SIMD16<UInt8> = .zero
    /// The 16 KK digits when usable; zeros otherwise.
    var kk: SIMD16<UInt8> = .zero
    var nikLength: UInt8 = 0
    var nikClass: NIKClass = .blank
    var nikZeroTail: UInt8 = 0
    var kkUsable = false
    var sex: Sex = .unknown
    var dateFlags = DateFlags()
    var nikBirthAgreement: Agreement = .unknown
    var nikSexAgreement: Agreement = .unknown
    var birthDate: Int32 = 0
    var rt: UInt16 = 0
    var rw: UInt16 = 0
    var name: UInt64 = 0
    var phonetic: UInt64 = 0
    var phoneticSorted: UInt64 = 0
    var firstName: UInt64 = 0
    var village: UInt64 = 0
    var district: UInt64 = 0
    var regency: UInt64 = 0
    var street: UInt64 = 0
    var house: UInt64 = 0
    var birthPlace: UInt64 = 0

    /// Whether the NIK can be compared digit by digit.
    var nikUsable16: Bool {
        nikLength == 16 && (nikClass == .valid || nikClass == .possiblyZeroedTail
            || nikClass == .impossibleDate || nikClass == .unknownProvince || nikClass == .excelScientific)
    }

    /// Whether Excel's 15-digit loss took digits off the end of the NIK: its last `nikZeroTail`
    /// digits are zeros standing for digits nobody knows (a serial `0000` never exists), so two
    /// such NIKs that agree agree only on what survived.
    var nikDigitsLost: Bool { nikClass == .excelScientific }

    /// Whether the NIK can be compared with edits (a dropped or doubled digit included).
    var nikComparable: Bool {
        nikUsable16 || (nikClass == .wrongLength && nikLength >= 14 && nikLength <= 18)
    }
}

extension CompareRecord {
    /// Packs every record of `table` (threads as in ``Parallel``).
    static func pack(_ s: StandardizedTable, threads: Int, meter: ProgressMeter? = nil) -> [CompareRecord] {
        var records = [CompareRecord](repeating: CompareRecord(), count: s.count)
        records.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            Parallel.forEach(count: s.count, threads: threads, minChunk: 4096, meter: meter) { range in
                var tokens: [Range<Int>] = []
                var letters: [UInt8] = []
                for i in range { slots.value[i] = pack(s, i, tokens: &tokens, letters: &letters) }
            }
        }
        return records
    }

    /// Hash of the digits `range` of a 16-digit value (never 0).
    static func digitsHash(_ v: SIMD16<UInt8>, _ range: Range<Int>) -> UInt64 {
        var copy = v
        return withUnsafeBytes(of: &copy) { raw in
            let h = XXH3.hash(UnsafeRawBufferPointer(rebasing: raw[range]))
            return h == 0 ? 1 : h
        }
    }

    @inline(__always)
    static func hash(_ column: ByteColumn, _ i: Int) -> UInt64 {
        column.withUnsafeBuffers { bytes, offsets in
            let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
            guard hi > lo else { return 0 }
            let h = XXH3.hash(UnsafeBufferPointer(rebasing: bytes[lo ..< hi]))
            return h == 0 ? 1 : h
        }
    }

    static func digits16(_ column: ByteColumn, _ i: Int) -> SIMD16<UInt8>? {
        let r = column.range(i)
        guard r.count == 16 else { return nil }
        var v = SIMD16<UInt8>()
        for k in 0 ..< 16 { v[k] = column.bytes[r.lowerBound + k] }
        return v
    }

    static func pack(_ s: StandardizedTable, _ i: Int, tokens: inout [Range<Int>], letters: inout [UInt8]) -> CompareRecord {
        var r = CompareRecord()
        r.nikClass = s.nikClass[i]
        r.nikLength = UInt8(min(255, s.nik.length(i)))
        if let d = digits16(s.nik, i) { r.nik = d }
        r.nikZeroTail = s.nikZeroTail[i]
        // Excel kept 15 significant digits or fewer and zeroed the rest (the standardizer keeps the
        // surviving digits). With at most 5 digits lost, region and most of the birth date survive:
        // restore the zeros so the NIK compares on what is left. The class stays excelScientific
        // (``nikDigitsLost``): the zeros are not digits and never make an exact match.
        if r.nikClass == .excelScientific, (1 ... 5).contains(r.nikZeroTail), Int(r.nikLength) + Int(r.nikZeroTail) == 16 {
            let range = s.nik.range(i)
            for k in 0 ..< 16 { r.nik[k] = k < range.count ? s.nik.bytes[range.lowerBound + k] : 48 }
            r.nikLength = 16
        }
        if s.kkClass[i] == .valid || s.kkClass[i] == .possiblyZeroedTail, let d = digits16(s.kk, i) {
            r.kk = d
            r.kkUsable = true
        }
        r.sex = s.sex[i]
        r.dateFlags = s.birthDateFlags[i]
        r.nikBirthAgreement = s.nikBirthAgreement[i]
        r.nikSexAgreement = s.nikSexAgreement[i]
        r.birthDate = s.birthDate[i]
        r.rt = s.rt[i]
        r.rw = s.rw[i]
        r.name = hash(s.name, i)
        r.phonetic = joinedHash(s.namePhonetic, i, letters: &letters)
        r.phoneticSorted = sortedTokensHash(s.namePhonetic, i, tokens: &tokens)
        r.firstName = hash(s.firstTokenPhonetic, i)
        r.village = hash(s.village, i)
        r.district = hash(s.district, i)
        r.regency = hash(s.regency, i)
        r.street = hash(s.street, i)
        r.house = hash(s.houseNumber, i)
        r.birthPlace = hash(s.birthPlace, i)
        return r
    }

    /// Hash of the value's tokens run together (0 when empty): the phonetic key of a name written
    /// as one word or as two, NURHAYATI and NUR HAYATI, UJANGASEP and UJANG ASEP, ABDULLATIF and
    /// ABDUL LATIF. Clerks join and split Indonesian names freely, and a name is as much the same
    /// name either way. A letter doubled across a removed space is written once, as the phonetic
    /// key writes a doubled letter within a token once. Values equal with their spaces stay equal.
    static func joinedHash(_ column: ByteColumn, _ i: Int, letters: inout [UInt8]) -> UInt64 {
        column.withUnsafeBuffers { bytes, offsets in
            let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
            guard hi > lo else { return 0 }
            TextFold.clear(&letters)
            var afterSpace = false
            for k in lo ..< hi {
                let c = bytes[k]
                if c == 32 { afterSpace = true; continue }
                if afterSpace, let last = letters.last, last == c { afterSpace = false; continue }
                afterSpace = false
                letters.append(c)
            }
            guard !letters.isEmpty else { return 0 }
            let h = letters.withUnsafeBufferPointer { XXH3.hash($0) }
            return h == 0 ? 1 : h
        }
    }

    /// Hash of the value's space-separated tokens in sorted order (0 when empty).
    static func sortedTokensHash(_ column: ByteColumn, _ i: Int, tokens: inout [Range<Int>]) -> UInt64 {
        column.withUnsafeBuffers { bytes, offsets in
            let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
            guard hi > lo else { return 0 }
            tokens.removeAll(keepingCapacity: true)
            var start = lo
            for k in lo ... hi where k == hi || bytes[k] == 32 {
                if k > start { tokens.append(start ..< k) }
                start = k + 1
            }
            tokens.sort { a, b in
                let n = min(a.count, b.count)
                for k in 0 ..< n where bytes[a.lowerBound + k] != bytes[b.lowerBound + k] {
                    return bytes[a.lowerBound + k] < bytes[b.lowerBound + k]
                }
                return a.count < b.count
            }
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for t in tokens {
                h = (h &* 0x100_0000_01B3) ^ XXH3.hash(UnsafeBufferPointer(rebasing: bytes[t]), seed: 7)
            }
            return h == 0 ? 1 : h
        }
    }
}
