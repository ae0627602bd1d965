import PadanKernels

/// Everything the comparisons read, for all input lists at once (records numbered globally).
struct CompareData: Sendable {
    var records: [CompareRecord]
    /// Standardized names, their phonetic keys and birth places, globally indexed.
    var name: ByteColumn
    var phonetic: ByteColumn
    var birthPlace: ByteColumn
    var nik: ByteColumn
    /// For each record, the fraction of all records that carry its standardized name (for the
    /// term-frequency adjustment of exact name agreement).
    var nameFrequency: [Float]
    /// For each record, how common its NIK's first 12 digits (region and birth date), its last 10
    /// (birth date and serial) and its birth date are, relative to the average record: the
    /// term-frequency scale of ``PairWeigher``. 1 where the value is missing.
    var nikPrefixRatio: [Float]
    var nikSuffixRatio: [Float]
    var birthDateRatio: [Float]
    /// Among pairs of records with the same KK and different first names (family members), the
    /// fraction born on the same day: twins. (1/365 when no family has two such members.)
    var sameBirthDateInFamily: Double
}

/// Computes comparison levels for candidate pairs. Pure: no allocation per pair; the same pair
/// always gives the same levels.
struct Comparer: Sendable {
    let specs: [ComparisonSpec]
    static let null = ExpectationMaximization.nullLevel

    /// Levels of pair (a, b), written to `out[0 ..< specs.count]`, before ``EvidenceRules`` are
    /// applied; returns the pair's flags for those rules.
    @discardableResult
    func levels(_ d: CompareData, _ a: Int, _ b: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> UInt8 {
        let ra = d.records[a], rb = d.records[b]
        var nikLevel = Self.null
        for (i, spec) in specs.enumerated() {
            switch spec.kind {
            case .nik:
                nikLevel = nik(d, ra, rb, a, b)
                out[i] = nikLevel
            case .name: out[i] = name(d, ra, rb, a, b, spec)
            case .birthDate: out[i] = birthDate(ra, rb)
            case .sex: out[i] = ra.sex == .unknown || rb.sex == .unknown ? Self.null : (ra.sex == rb.sex ? 0 : 1)
            case .household: out[i] = household(ra, rb)
            case .birthPlace: out[i] = birthPlace(d, ra, rb, a, b, spec)
            }
        }
        let coversDate = nikLevel != Self.null && nikLevel <= 5 && ra.nikUsable16 && rb.nikUsable16
            && !Self.birthDigitsDiffer(ra.nik, rb.nik)
        return coversDate ? EvidenceRules.nikCoversBirthDate : 0
    }

    /// NIK levels (see ``ComparisonKind/nik``).
    func nik(_ d: CompareData, _ ra: CompareRecord, _ rb: CompareRecord, _ a: Int, _ b: Int) -> UInt8 {
        guard ra.nikComparable && rb.nikComparable else { return Self.null }
        if ra.nikUsable16 && rb.nikUsable16 {
            let level = Self.nikLevel16(ra.nik, rb.nik, zeroTailA: ra.nikZeroTail, zeroTailB: rb.nikZeroTail)
            // A difference in the birth-date digits that both records' own birth dates confirm is
            // not a typo: these are two correct NIKs of people born on different days.
            let bothConfirmed = ra.nikBirthAgreement == .agree && rb.nikBirthAgreement == .agree
            if (level == 2 || level == 5) && bothConfirmed && Self.birthDigitsDiffer(ra.nik, rb.nik) {
                return 7
            }
            // Two different NIKs, each confirmed by its own record's birth date: two people. (The
            // same person's NIK goes wrong by typos, or by someone else's NIK being typed in, which
            // its record's birth date then contradicts.)
            if level == 6 && bothConfirmed { return 7 }
            return level
        }
        // A dropped or doubled digit: edit distance on the digits.
        let distance = d.nik.withUnsafeBuffers { bytes, offsets -> Int in
            let x = UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])])
            let y = UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])])
            return OSA.distance(x, y, cutoff: 3)
        }
        return distance == 0 ? 0 : distance == 1 ? 2 : distance == 2 ? 5 : 6
    }

    /// NIK levels of two 16-digit NIKs.
    static func nikLevel16(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>, zeroTailA: UInt8, zeroTailB: UInt8) -> UInt8 {
        let differs = x .!= y
        var mask: UInt32 = 0
        for k in 0 ..< 16 where differs[k] { mask |= 1 << UInt32(k) }
        if mask == 0 { return 0 }
        // Excel zeroed the tail of one of them: all differences lie in that tail.
        let tail = max(zeroTailA, zeroTailB)
        if tail > 0 && tail <= 5 {
            let tailMask: UInt32 = ((1 << UInt32(tail)) - 1) << UInt32(16 - Int(tail))
            if mask & ~tailMask == 0 { return 1 }
        }
        let serial: UInt32 = 0xF000
        let count = mask.nonzeroBitCount
        if count == 1 { return mask & serial != 0 ? 3 : 2 }
        if count == 2 {
            let p = mask.trailingZeroBitCount
            if mask == 3 << UInt32(p) && x[p] == y[p + 1] && x[p + 1] == y[p] {
                return mask & ~serial == 0 ? 3 : 2
            }
        }
        if mask & ~serial == 0 { return 4 }
        return count == 2 ? 5 : 6
    }

    /// Whether the NIKs differ, and only in the region digits (positions 0 to 5).
    static func differsOnlyInRegion(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>) -> Bool {
        var any = false
        for k in 0 ..< 16 where x[k] != y[k] {
            if k >= 6 { return false }
            any = true
        }
        return any
    }

    /// Whether the NIKs' birth-date digits (positions 6 to 11) differ.
    static func birthDigitsDiffer(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>) -> Bool {
        for k in 6 ..< 12 where x[k] != y[k] { return true }
        return false
    }

    func name(_ d: CompareData, _ ra: CompareRecord, _ rb: CompareRecord, _ a: Int, _ b: Int, _ spec: ComparisonSpec) -> UInt8 {
        guard ra.name != 0 && rb.name != 0 else { return Self.null }
        if ra.name == rb.name { return 0 }
        if ra.phonetic == rb.phonetic { return 1 }
        if ra.phoneticSorted == rb.phoneticSorted { return 2 }
        return d.phonetic.withUnsafeBuffers { pb, po -> UInt8 in
            let px = UnsafeBufferPointer(rebasing: pb[Int(po[a]) ..< Int(po[a + 1])])
            let py = UnsafeBufferPointer(rebasing: pb[Int(po[b]) ..< Int(po[b + 1])])
            // One typo (or two tokens run together) after the old and new spellings are folded; in
            // names of five letters or fewer one edit makes another name (IMAS, IMAM).
            if max(px.count, py.count) >= 6 && OSA.distance(px, py, cutoff: 1) <= 1 { return 3 }
            let jw = d.name.withUnsafeBuffers { bytes, offsets in
                Self.nameSimilarity(
                    UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])]),
                    UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])]))
            }
            if jw >= spec.highSimilarity { return 4 }
            if Self.tokensContained(px, py) { return 5 }
            if jw >= spec.mediumSimilarity { return 6 }
            if ra.firstName != 0 && ra.firstName == rb.firstName { return 7 }
            return 8
        }
    }

    /// Jaro-Winkler similarity of two standardized names; when both start with the same token and
    /// have more, of what follows it. A shared MUHAMMAD, SITI or NUR in front (and Jaro-Winkler's
    /// bonus for a common prefix) must not make MUHAMMAD ZAKI and MUHAMMAD YUDI similar names.
    static func nameSimilarity(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Double {
        guard let sx = x.firstIndex(of: 32), let sy = y.firstIndex(of: 32), sx == sy else {
            return JaroWinkler.similarity(x, y)
        }
        for k in 0 ..< sx where x[k] != y[k] { return JaroWinkler.similarity(x, y) }
        return JaroWinkler.similarity(UnsafeBufferPointer(rebasing: x[(sx + 1)...]), UnsafeBufferPointer(rebasing: y[(sy + 1)...]))
    }

    /// Whether every token of the name with fewer tokens is in the other (equal phonetic key, or a
    /// one-letter initial matching a token's first letter), with at least one full token matched.
    static func tokensContained(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        func tokenCount(_ s: UnsafeBufferPointer<UInt8>) -> Int {
            var n = 0, inToken = false
            for c in s { if c == 32 { inToken = false } else if !inToken { inToken = true; n += 1 } }
            return n
        }
        let (short, long) = tokenCount(x) <= tokenCount(y) ? (x, y) : (y, x)
        var fullMatches = 0
        var i = 0
        while i < short.count {
            if short[i] == 32 { i += 1; continue }
            var j = i
            while j < short.count && short[j] != 32 { j += 1 }
            let token = UnsafeBufferPointer(rebasing: short[i ..< j])
            var found = false
            var k = 0
            while k < long.count && !found {
                if long[k] == 32 { k += 1; continue }
                var e = k
                while e < long.count && long[e] != 32 { e += 1 }
                let other = UnsafeBufferPointer(rebasing: long[k ..< e])
                if token.count == 1 || other.count == 1 {
                    found = token[0] == other[0]
                } else if token.count == other.count {
                    found = true
                    for q in 0 ..< token.count where token[q] != other[q] { found = false; break }
                    if found { fullMatches += 1 }
                }
                k = e
            }
            if !found { return false }
            i = j
        }
        return fullMatches > 0
    }

    func birthDate(_ ra: CompareRecord, _ rb: CompareRecord) -> UInt8 {
        let x = Int(ra.birthDate), y = Int(rb.birthDate)
        guard x != 0 && y != 0 else { return Self.null }
        if x == y { return ra.dateFlags.contains(.placeholder) ? 1 : 0 }
        let (yx, mx, dx) = (x / 10000, x / 100 % 100, x % 100)
        let (yy, my, dy) = (y / 10000, y / 100 % 100, y % 100)
        if yx == yy && dx == my && mx == dy { return 2 }
        if mx == my && dx == dy && (abs(yx - yy) == 1 || Self.oneDigitApart(yx, yy)) { return 3 }
        if yx == yy && (mx == my || dx == dy) { return 4 }
        return 5
    }

    static func oneDigitApart(_ a: Int, _ b: Int) -> Bool {
        var a = a, b = b, differing = 0
        while a > 0 || b > 0 {
            if a % 10 != b % 10 { differing += 1 }
            a /= 10
            b /= 10
        }
        return differing == 1
    }

    func household(_ ra: CompareRecord, _ rb: CompareRecord) -> UInt8 {
        if ra.kkUsable && rb.kkUsable && ra.kk == rb.kk { return 0 }
        let anyA = ra.village | ra.district | ra.regency | ra.street
        let anyB = rb.village | rb.district | rb.regency | rb.street
        guard anyA != 0 && anyB != 0 else { return Self.null }
        if ra.village != 0 && ra.village == rb.village {
            let rtKnown = ra.rt != 0 && rb.rt != 0
            let sameRT = rtKnown && ra.rt == rb.rt && (ra.rw == 0 || rb.rw == 0 || ra.rw == rb.rw)
            if ra.street != 0 && ra.street == rb.street && ra.house != 0 && ra.house == rb.house && (!rtKnown || sameRT) {
                return 1
            }
            return sameRT ? 2 : 3
        }
        if ra.district != 0 && ra.district == rb.district { return 4 }
        if ra.regency != 0 && ra.regency == rb.regency { return 5 }
        return 6
    }

    func birthPlace(_ d: CompareData, _ ra: CompareRecord, _ rb: CompareRecord, _ a: Int, _ b: Int, _ spec: ComparisonSpec) -> UInt8 {
        guard ra.birthPlace != 0 && rb.birthPlace != 0 else { return Self.null }
        if ra.birthPlace == rb.birthPlace { return 0 }
        let jw = d.birthPlace.withUnsafeBuffers { bytes, offsets in
            JaroWinkler.similarity(
                UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])]),
                UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])]))
        }
        return jw >= spec.mediumSimilarity ? 1 : 2
    }
}

extension CompareData {
    static func sameBirthDateInFamily(_ records: [CompareRecord]) -> Double {
        var keys: [UInt64] = [], index: [UInt32] = []
        for (i, r) in records.enumerated() where r.kkUsable && r.birthDate != 0 && r.firstName != 0 {
            keys.append(BlockingKeys.digitsHash(r.kk, 0 ..< 16))
            index.append(UInt32(i))
        }
        RadixSort.sort(keys: &keys, records: &index)
        var pairs = 0, sameDay = 0
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end] == keys[start] { end += 1 }
            // A KK on dozens of records is a data-entry artefact, not a family.
            if end - start <= 30 {
                for i in start ..< end {
                    for j in (i + 1) ..< end {
                        let x = records[Int(index[i])], y = records[Int(index[j])]
                        guard x.firstName != y.firstName else { continue }
                        pairs += 1
                        if x.birthDate == y.birthDate { sameDay += 1 }
                    }
                }
            }
            start = end
        }
        return pairs < 100 ? 1.0 / 365 : max(Double(sameDay), 0.5) / Double(pairs)
    }

    /// For each key, how many records carry it (0 for key 0), by sorting rather than hashing.
    static func counts(_ keys: [UInt64]) -> [Int32] {
        var sorted: [UInt64] = [], index: [UInt32] = []
        sorted.reserveCapacity(keys.count)
        index.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() where k != 0 {
            sorted.append(k)
            index.append(UInt32(i))
        }
        RadixSort.sort(keys: &sorted, records: &index)
        var out = [Int32](repeating: 0, count: keys.count)
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
            for j in start ..< end { out[Int(index[j])] = Int32(end - start) }
            start = end
        }
        return out
    }

    /// For each record, its key's count relative to the average count over records that have a
    /// key (1 for records without one).
    static func ratios(_ c: [Int32]) -> [Float] {
        let present = c.filter { $0 > 0 }
        guard !present.isEmpty else { return [Float](repeating: 1, count: c.count) }
        let mean = Double(present.reduce(0) { $0 + Int($1) }) / Double(present.count)
        return c.map { $0 == 0 ? 1 : Float(Double($0) / mean) }
    }

    /// Packs the records of all lists, numbered globally in list order.
    static func build(_ tables: [StandardizedTable], threads: Int) -> CompareData {
        var records: [CompareRecord] = []
        records.reserveCapacity(tables.reduce(0) { $0 + $1.count })
        for t in tables { records += CompareRecord.pack(t, threads: threads) }
        func concat(_ column: (StandardizedTable) -> ByteColumn) -> ByteColumn {
            ByteColumn(concatenating: tables.map(column))
        }
        // Four independent counts over all records, one task each.
        let keyed: [(CompareRecord) -> UInt64] = [
            { $0.name },
            { BlockingKeys.value(.nikPrefix12, $0) },
            { BlockingKeys.value(.nikSuffix10, $0) },
            { BlockingKeys.value(.birthDate, $0) },
        ]
        let counted = Parallel.map(count: keyed.count, threads: threads, minChunk: 1) { range in
            range.map { counts(records.map(keyed[$0])) }
        }.flatMap { $0 }
        let total = Float(max(1, records.count))
        let frequency = counted[0].map { Float($0) / total }
        return CompareData(
            records: records, name: concat(\.name), phonetic: concat(\.namePhonetic),
            birthPlace: concat(\.birthPlace), nik: concat(\.nik), nameFrequency: frequency,
            nikPrefixRatio: ratios(counted[1]), nikSuffixRatio: ratios(counted[2]), birthDateRatio: ratios(counted[3]),
            sameBirthDateInFamily: sameBirthDateInFamily(records))
    }
}
