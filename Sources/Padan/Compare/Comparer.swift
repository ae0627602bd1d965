import PadanKernels

/// Computes comparison levels for candidate pairs. Pure: no allocation per pair; the same pair
/// always gives the same levels.
struct Comparer: Sendable {
    let plans: [ComparisonPlan]
    /// The positions of the Indonesian NIK and name comparisons among `plans`, if present: a
    /// NIK's exact agreement is judged against the names (see ``sharedNIK(_:_:)``).
    let nikPosition: Int?
    let namePosition: Int?
    let householdPosition: Int?
    static let null = ComparisonLevel.null

    typealias NIK = IndonesianLevel.NIK
    typealias Name = IndonesianLevel.Name
    typealias BirthDate = IndonesianLevel.BirthDate
    typealias Household = IndonesianLevel.Household

    init(plans: [ComparisonPlan]) {
        self.plans = plans
        nikPosition = plans.firstIndex { $0.kind == .nik }
        namePosition = plans.firstIndex { $0.kind == .name }
        householdPosition = plans.firstIndex { $0.kind == .household }
    }

    /// A comparer for `comparisons`, whose columns are found in `data` by name.
    init(_ comparisons: [Comparison], data: CompareData) {
        self.init(plans: comparisons.map { ComparisonPlan($0, column: data.column(named: $0.column) ?? -1) })
    }

    /// Levels of pair (a, b), written to `out[0 ..< plans.count]`, before ``EvidenceRules`` are
    /// applied; returns the pair's flags for those rules.
    @discardableResult
    func levels(_ d: CompareData, _ a: Int, _ b: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> UInt8 {
        let ra = d.records[a], rb = d.records[b]
        var nikLevel = Self.null
        for i in 0 ..< plans.count {
            let plan = plans[i]
            switch plan.kind {
            case .nik:
                nikLevel = nik(d, ra, rb, a, b)
                out[i] = nikLevel
            case .name: out[i] = name(d, ra, rb, a, b, plan)
            case .birthDate: out[i] = birthDate(ra, rb)
            case .sex: out[i] = ra.sex == .unknown || rb.sex == .unknown ? Self.null : (ra.sex == rb.sex ? 0 : 1)
            case .household: out[i] = household(ra, rb)
            case .birthPlace: out[i] = birthPlace(d, ra, rb, a, b, plan)
            default: out[i] = ColumnComparer.level(plan, d.columns[plan.column], a, b)
            }
        }
        if nikLevel == NIK.exact.rawValue, let n = namePosition, out[n] == Name.different.rawValue,
           Self.sharedNIK(ra, rb) || Self.apart(householdPosition.map { out[$0] } ?? Self.null), let k = nikPosition,
           !Self.shareAToken(d, a, b)
        {
            nikLevel = NIK.shared.rawValue
            out[k] = nikLevel
        }
        // One edit in the birth digits (not confirmed by both records: that is different_confirmed)
        // is a typo in one NIK of a date the NIKs otherwise share: the NIK has counted the date,
        // and the columns agreeing on it would count it twice.
        let coversDate = nikLevel != Self.null && nikLevel <= NIK.twoEdits.rawValue && ra.nikUsable16 && rb.nikUsable16
            && (nikLevel == NIK.oneEdit.rawValue || !Self.birthDigitsDiffer(ra.nik, rb.nik))
        return coversDate ? EvidenceRules.nikCoversBirthDate : 0
    }

    /// NIK levels (see ``IndonesianLevel/NIK``).
    func nik(_ d: CompareData, _ ra: CompareRecord, _ rb: CompareRecord, _ a: Int, _ b: Int) -> UInt8 {
        guard ra.nikComparable && rb.nikComparable else { return Self.null }
        if ra.nikUsable16 && rb.nikUsable16 {
            let level = Self.nikLevel16(ra, rb)
            // A difference in the birth-date digits that both records' own birth dates confirm is
            // not a typo: these are two correct NIKs of people born on different days.
            let bothConfirmed = ra.nikBirthAgreement == .agree && rb.nikBirthAgreement == .agree
            if (level == NIK.oneEdit.rawValue || level == NIK.twoEdits.rawValue) && bothConfirmed
                && Self.birthDigitsDiffer(ra.nik, rb.nik)
            {
                return NIK.differentConfirmed.rawValue
            }
            // Two different NIKs, each confirmed by its own record's birth date: two people. (The
            // same person's NIK goes wrong by typos, or by someone else's NIK being typed in, which
            // its record's birth date then contradicts.)
            if level == NIK.different.rawValue && bothConfirmed { return NIK.differentConfirmed.rawValue }
            return level
        }
        // A dropped or doubled digit: edit distance on the digits.
        let distance = d.nik.withUnsafeBuffers { bytes, offsets -> Int in
            let x = UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])])
            let y = UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])])
            return OSA.distance(x, y, cutoff: 3)
        }
        return (distance == 0 ? NIK.exact : distance == 1 ? NIK.oneEdit : distance == 2 ? NIK.twoEdits : NIK.different).rawValue
    }

    /// Whether two records that carry the same NIK (and unrelated names: the caller's test) are
    /// two people the NIK was shared by: their birth dates or sexes differ, or a record's own
    /// birth date or sex contradicts the NIK's digits. A family member's NIK typed in, the KK in
    /// the NIK column, a number an office reused: the NIK then says nothing, and the names,
    /// dates and household speak (each once, as for any pair whose NIKs differ). The caller also
    /// takes unrelated names in households ``apart(_:)`` as shared: a typo in a serial lands on a
    /// neighbour's NIK (born the same day in the same district) as easily as on no one, since
    /// serials are small numbers handed out in order.
    @inline(__always)
    static func sharedNIK(_ ra: CompareRecord, _ rb: CompareRecord) -> Bool {
        if ra.birthDate != 0 && rb.birthDate != 0 && ra.birthDate != rb.birthDate { return true }
        if ra.sex != .unknown && rb.sex != .unknown && ra.sex != rb.sex { return true }
        return ra.nikBirthAgreement == .disagree || rb.nikBirthAgreement == .disagree
            || ra.nikSexAgreement == .disagree || rb.nikSexAgreement == .disagree
    }

    /// Whether two names share a token (phonetic key of two letters or more): names the name
    /// comparison calls different can still be one person's (HIDAYAT ENJANG and ENJANG HIDAYAH,
    /// DENIHERMAWAN RAMADHAN and HERMAWAN RAMADHAN). Unrelated names share none.
    static func shareAToken(_ d: CompareData, _ a: Int, _ b: Int) -> Bool {
        d.phonetic.withUnsafeBuffers { bytes, offsets in
            let x = UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])])
            let y = UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])])
            return Self.shareAToken(x, y)
        }
    }

    static func shareAToken(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < x.count {
            if x[i] == 32 { i += 1; continue }
            var j = i
            while j < x.count && x[j] != 32 { j += 1 }
            if j - i >= 2 {
                var k = 0
                while k < y.count {
                    if y[k] == 32 { k += 1; continue }
                    var e = k
                    while e < y.count && y[e] != 32 { e += 1 }
                    if e - k == j - i {
                        var same = true
                        for q in 0 ..< (j - i) where x[i + q] != y[k + q] { same = false; break }
                        if same { return true }
                    }
                    k = e
                }
            }
            i = j
        }
        return false
    }

    /// Whether a household level says two different homes: not the same KK, house, RT/RW or
    /// village (null, no address, is not apart).
    @inline(__always)
    static func apart(_ household: UInt8) -> Bool {
        household != Self.null && household >= Household.sameDistrict.rawValue
    }

    /// NIK levels of two records' 16-digit NIKs.
    @inline(__always)
    static func nikLevel16(_ ra: CompareRecord, _ rb: CompareRecord) -> UInt8 {
        nikLevel16(ra.nik, rb.nik, zeroTailA: ra.nikZeroTail, zeroTailB: rb.nikZeroTail,
                   lostA: ra.nikDigitsLost, lostB: rb.nikDigitsLost)
    }

    /// NIK levels of two 16-digit NIKs; `lostA`/`lostB`: that NIK's zero tail stands for digits
    /// Excel lost, so equal digits there are no agreement (``CompareRecord/nikDigitsLost``).
    static func nikLevel16(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>, zeroTailA: UInt8, zeroTailB: UInt8,
                           lostA: Bool = false, lostB: Bool = false) -> UInt8 {
        let differs = x .!= y
        var mask: UInt32 = 0
        for k in 0 ..< 16 where differs[k] { mask |= 1 << UInt32(k) }
        if mask == 0 { return (lostA || lostB ? NIK.excelZeroedTail : NIK.exact).rawValue }
        // Excel zeroed the tail of one of them: all differences lie in that tail.
        let tail = max(zeroTailA, zeroTailB)
        if tail > 0 && tail <= 5 {
            let tailMask: UInt32 = ((1 << UInt32(tail)) - 1) << UInt32(16 - Int(tail))
            if mask & ~tailMask == 0 { return NIK.excelZeroedTail.rawValue }
        }
        let serial: UInt32 = 0xF000
        let count = mask.nonzeroBitCount
        if count == 1 { return (mask & serial != 0 ? NIK.oneEditInSerial : NIK.oneEdit).rawValue }
        if count == 2 {
            let p = mask.trailingZeroBitCount
            if mask == 3 << UInt32(p) && x[p] == y[p + 1] && x[p + 1] == y[p] {
                return (mask & ~serial == 0 ? NIK.oneEditInSerial : NIK.oneEdit).rawValue
            }
        }
        if mask & ~serial == 0 { return NIK.serialDiffers.rawValue }
        return (count == 2 ? NIK.twoEdits : NIK.different).rawValue
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

    func name(_ d: CompareData, _ ra: CompareRecord, _ rb: CompareRecord, _ a: Int, _ b: Int, _ plan: ComparisonPlan) -> UInt8 {
        guard ra.name != 0 && rb.name != 0 else { return Self.null }
        if ra.name == rb.name { return Name.exact.rawValue }
        if ra.phonetic == rb.phonetic { return Name.phonetic.rawValue }
        if ra.phoneticSorted == rb.phoneticSorted { return Name.reordered.rawValue }
        return d.phonetic.withUnsafeBuffers { pb, po -> UInt8 in
            let px = UnsafeBufferPointer(rebasing: pb[Int(po[a]) ..< Int(po[a + 1])])
            let py = UnsafeBufferPointer(rebasing: pb[Int(po[b]) ..< Int(po[b + 1])])
            // One typo (or two tokens run together) after the old and new spellings are folded; in
            // names of five letters or fewer one edit makes another name (IMAS, IMAM).
            if max(px.count, py.count) >= 6 && OSA.distance(px, py, cutoff: 1) <= 1 { return Name.oneEdit.rawValue }
            let jw = d.name.withUnsafeBuffers { bytes, offsets in
                Self.nameSimilarity(
                    UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])]),
                    UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])]))
            }
            if jw >= plan.bands[0] { return Name.similarHigh.rawValue }
            if Self.tokensContained(px, py) { return Name.tokensContained.rawValue }
            if jw >= plan.bands[1] { return Name.similarMedium.rawValue }
            if ra.firstName != 0 && ra.firstName == rb.firstName { return Name.firstName.rawValue }
            return Name.different.rawValue
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
        if x == y { return (ra.dateFlags.contains(.placeholder) ? BirthDate.exactPlaceholder : BirthDate.exact).rawValue }
        let (yx, mx, dx) = (x / 10000, x / 100 % 100, x % 100)
        let (yy, my, dy) = (y / 10000, y / 100 % 100, y % 100)
        if yx == yy && dx == my && mx == dy { return BirthDate.dayMonthSwapped.rawValue }
        if mx == my && dx == dy && (abs(yx - yy) == 1 || Self.oneDigitApart(yx, yy)) { return BirthDate.yearOff.rawValue }
        // A placeholder says only the year was known: the other date in that year is no contradiction.
        if yx == yy && (ra.dateFlags.contains(.placeholder) || rb.dateFlags.contains(.placeholder)) { return BirthDate.yearOnly.rawValue }
        if yx == yy && (mx == my || dx == dy) { return BirthDate.onePartDiffers.rawValue }
        if ColumnComparer.monthsApart(yx, mx, yy, my) <= 12 { return BirthDate.withinAYear.rawValue }
        return BirthDate.different.rawValue
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
        if ra.kkUsable && rb.kkUsable && ra.kk == rb.kk { return Household.sameKK.rawValue }
        let anyA = ra.village | ra.district | ra.regency | ra.street
        let anyB = rb.village | rb.district | rb.regency | rb.street
        guard anyA != 0 && anyB != 0 else { return Self.null }
        if ra.village != 0 && ra.village == rb.village {
            let rtKnown = ra.rt != 0 && rb.rt != 0
            let sameRT = rtKnown && ra.rt == rb.rt && (ra.rw == 0 || rb.rw == 0 || ra.rw == rb.rw)
            if ra.street != 0 && ra.street == rb.street && ra.house != 0 && ra.house == rb.house && (!rtKnown || sameRT) {
                return Household.sameHouse.rawValue
            }
            return (sameRT ? Household.sameRTRW : Household.sameVillage).rawValue
        }
        if ra.district != 0 && ra.district == rb.district { return Household.sameDistrict.rawValue }
        // Apart only where a part both records have differs: a blank kelurahan or kecamatan on
        // one record (an office that wrote the street and the city only) is no evidence that the
        // two live apart, and "the same city" then says only what both wrote. (Equal villages
        // and districts returned above, so a part both records have here differs.)
        let villagesDiffer = ra.village != 0 && rb.village != 0
        let districtsDiffer = ra.district != 0 && rb.district != 0
        let regencyKnown = ra.regency != 0 && rb.regency != 0
        if regencyKnown && ra.regency != rb.regency { return Household.different.rawValue }
        guard villagesDiffer || districtsDiffer else { return Self.null }
        return (regencyKnown ? Household.sameRegency : Household.different).rawValue
    }

    func birthPlace(_ d: CompareData, _ ra: CompareRecord, _ rb: CompareRecord, _ a: Int, _ b: Int, _ plan: ComparisonPlan) -> UInt8 {
        guard ra.birthPlace != 0 && rb.birthPlace != 0 else { return Self.null }
        if ra.birthPlace == rb.birthPlace { return IndonesianLevel.BirthPlace.exact.rawValue }
        let jw = d.birthPlace.withUnsafeBuffers { bytes, offsets in
            JaroWinkler.similarity(
                UnsafeBufferPointer(rebasing: bytes[Int(offsets[a]) ..< Int(offsets[a + 1])]),
                UnsafeBufferPointer(rebasing: bytes[Int(offsets[b]) ..< Int(offsets[b + 1])]))
        }
        return (jw >= plan.bands[0] ? IndonesianLevel.BirthPlace.similar : IndonesianLevel.BirthPlace.different).rawValue
    }
}

