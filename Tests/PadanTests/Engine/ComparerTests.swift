import Testing
@testable import Padan

@Suite struct ComparerTests {
    func nik(_ s: String) -> SIMD16<UInt8> {
        var v = SIMD16<UInt8>()
        for (i, b) in s.utf8.enumerated() { v[i] = b }
        return v
    }

    @Test(arguments: [
        ("3273014101800003", "3273014101800003", 0, 0, 0),  // exact
        ("3273014101800003", "3273014101800000", 0, 1, 1),  // Excel zeroed the last digit
        ("3273014101800123", "3273014101800000", 0, 3, 1),  // ... the last three
        ("3273014101800003", "3273024101800003", 0, 0, 2),  // one substitution in the region
        ("3273014101800003", "3273014101080003", 0, 0, 2),  // transposition in the birth date
        ("3273014101800003", "3273014101800004", 0, 0, 3),  // one substitution in the serial: a typo or a twin
        ("3273014101800013", "3273014101800031", 0, 0, 3),  // transposition in the serial
        ("3273014101800003", "3273014101801234", 0, 0, 4),  // same region and birth date, another serial
        ("3273014101800003", "3273024101800004", 0, 0, 5),  // two substitutions elsewhere
        ("3273014101800003", "3201055208900011", 0, 0, 6),  // different
    ])
    func nikLevels(a: String, b: String, tailA: UInt8, tailB: UInt8, level: UInt8) {
        #expect(Comparer.nikLevel16(nik(a), nik(b), zeroTailA: tailA, zeroTailB: tailB) == level)
        #expect(Comparer.nikLevel16(nik(b), nik(a), zeroTailA: tailB, zeroTailB: tailA) == level)
    }

    /// A serial Excel zeroed to 0000 is no serial: two of them agree on region and birth date
    /// only, never exactly; one lost tail against the intact NIK is the Excel level as before.
    @Test func zeroedSerialsNeverMatchExactly() {
        let x = nik("3273014101800000"), y = nik("3273014101800003")
        #expect(Comparer.nikLevel16(x, x, zeroTailA: 4, zeroTailB: 4, lostA: true, lostB: true) == IndonesianLevel.NIK.excelZeroedTail.rawValue)
        #expect(Comparer.nikLevel16(x, x, zeroTailA: 4, zeroTailB: 4, lostA: true, lostB: false) == IndonesianLevel.NIK.excelZeroedTail.rawValue)
        #expect(Comparer.nikLevel16(x, y, zeroTailA: 4, zeroTailB: 0, lostA: true, lostB: false) == IndonesianLevel.NIK.excelZeroedTail.rawValue)
        // A serial that really ends in 0 (0010) is a number like any other.
        let z = nik("3273014101800010")
        #expect(Comparer.nikLevel16(z, z, zeroTailA: 1, zeroTailB: 1) == IndonesianLevel.NIK.exact.rawValue)
        var a = CompareRecord(), b = CompareRecord()
        a.nik = x; b.nik = x; a.nikLength = 16; b.nikLength = 16
        a.nikClass = .excelScientific; b.nikClass = .excelScientific; a.nikZeroTail = 4; b.nikZeroTail = 4
        #expect(a.nikUsable16 && a.nikDigitsLost)
        #expect(Comparer.nikLevel16(a, b) == IndonesianLevel.NIK.excelZeroedTail.rawValue)
    }

    /// The same NIK on two records is shared (someone else's typed in) when their own birth
    /// dates or sexes disagree with each other or with the NIK's digits.
    @Test func sharedNIKNeedsAContradiction() {
        var a = CompareRecord(), b = CompareRecord()
        a.birthDate = 19800101; b.birthDate = 19800101; a.sex = .female; b.sex = .female
        a.nikBirthAgreement = .agree; b.nikBirthAgreement = .agree
        #expect(!Comparer.sharedNIK(a, b))
        b.birthDate = 19830517
        #expect(Comparer.sharedNIK(a, b))
        b.birthDate = 0
        #expect(!Comparer.sharedNIK(a, b))
        b.sex = .male
        #expect(Comparer.sharedNIK(a, b))
        b.sex = .unknown
        b.nikBirthAgreement = .disagree
        #expect(Comparer.sharedNIK(a, b))
        // Or their households are apart: another district, regency, or nothing in common.
        #expect(Comparer.apart(IndonesianLevel.Household.sameDistrict.rawValue))
        #expect(Comparer.apart(IndonesianLevel.Household.different.rawValue))
        #expect(!Comparer.apart(IndonesianLevel.Household.sameVillage.rawValue))
        #expect(!Comparer.apart(IndonesianLevel.Household.sameKK.rawValue))
        #expect(!Comparer.apart(ComparisonLevel.null))
    }

    /// Household is left out where NIKs share region and birth date (twins, neighbours born the
    /// same day share it), but counts when they differ by one edit outside the serial, and when
    /// the NIK is shared.
    @Test func householdCountsUnlessTheNIKsShareRegionAndBirthDate() {
        let rules = EvidenceRules(Comparison.indonesianPresets)
        let household = rules.household!
        let sameVillage = IndonesianLevel.Household.sameVillage.rawValue
        for level in [IndonesianLevel.NIK.exact, .excelZeroedTail, .oneEditInSerial, .serialDiffers] {
            #expect(!rules.counts(household, sameVillage, nikLevel: level.rawValue, flags: 0), "\(level)")
        }
        for level in [IndonesianLevel.NIK.oneEdit, .twoEdits, .different, .shared, .differentConfirmed] {
            #expect(rules.counts(household, sameVillage, nikLevel: level.rawValue, flags: 0), "\(level)")
        }
        #expect(rules.counts(household, sameVillage, nikLevel: ComparisonLevel.null, flags: 0))
    }

    @Test(arguments: [
        ("HIDAYAT ENJANG", "ENJANG HIDAYAH", true),
        ("DENIHERMAWAN RAMADAN", "HERMAWAN RAMADAN", true),
        ("ALIF IKBAL", "YOGI SETIAWAN", false),
        ("A SETIAWAN", "A YOGI", false),      // one-letter initials are no shared token
        ("", "YOGI", false),
    ])
    func namesShareAToken(a: String, b: String, expected: Bool) {
        let x = Array(a.utf8), y = Array(b.utf8)
        let result = x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { Comparer.shareAToken(xb, $0) } }
        #expect(result == expected)
        let reversed = x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { Comparer.shareAToken($0, xb) } }
        #expect(reversed == expected)
    }

    @Test(arguments: [
        ("SITI AMINAH", "AMINAH", true),
        ("S AMINAH", "SITI AMINAH", true),
        ("SITI", "SITI AMINAH", true),
        ("S", "SITI AMINAH", false),        // an initial alone proves nothing
        ("SITI AMINA", "SITI AMINAH", false),
        ("JOKO SUSILO", "SUSILO JOKO", true),
    ])
    func tokensContained(a: String, b: String, expected: Bool) {
        var x = Array(a.utf8), y = Array(b.utf8)
        let result = x.withUnsafeMutableBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
                Comparer.tokensContained(UnsafeBufferPointer(xb), UnsafeBufferPointer(yb))
            }
        }
        #expect(result == expected)
    }

    typealias BirthDate = IndonesianLevel.BirthDate

    static let birthDateCases: [(Int32, Int32, DateFlags, DateFlags, BirthDate)] = [
        (19800812, 19800812, DateFlags(), DateFlags(), .exact),
        (19500101, 19500101, DateFlags.placeholder, DateFlags.placeholder, .exactPlaceholder),
        (19800812, 19801208, DateFlags(), DateFlags(), .dayMonthSwapped),
        (19800812, 19810812, DateFlags(), DateFlags(), .yearOff),
        (19800812, 19880812, DateFlags(), DateFlags(), .yearOff),
        (19800812, 19800813, DateFlags(), DateFlags(), .onePartDiffers),
        // Only the year was known on one side (1 January): no contradiction within that year.
        (19510604, 19510101, DateFlags(), DateFlags.placeholder, .yearOnly),
        (19511231, 19510604, DateFlags.placeholder, DateFlags(), .yearOnly),
        (19511231, 19520604, DateFlags.placeholder, DateFlags(), .withinAYear),
        // Whole months apart: twelve is within a year, thirteen is not.
        (19810828, 19820830, DateFlags(), DateFlags(), .withinAYear),
        (19801231, 19810102, DateFlags(), DateFlags(), .withinAYear),
        (19810828, 19820930, DateFlags(), DateFlags(), .different),
        (19800812, 19751103, DateFlags(), DateFlags(), .different),
        (19741020, 19961015, DateFlags(), DateFlags(), .different),
    ]

    @Test(arguments: birthDateCases)
    func birthDateLevels(a: Int32, b: Int32, flagsA: DateFlags, flagsB: DateFlags, level: BirthDate) {
        var x = CompareRecord(), y = CompareRecord()
        x.birthDate = a
        y.birthDate = b
        x.dateFlags = flagsA
        y.dateFlags = flagsB
        #expect(Comparer(plans: []).birthDate(x, y) == level.rawValue)
        #expect(Comparer(plans: []).birthDate(y, x) == level.rawValue)
    }

    @Test func householdIsOneHierarchy() {
        let comparer = Comparer(plans: [])
        var a = CompareRecord(), b = CompareRecord()
        a.village = 1; b.village = 1; a.district = 2; b.district = 2; a.regency = 3; b.regency = 3
        #expect(comparer.household(a, b) == 3)
        a.rt = 2; b.rt = 2; a.rw = 5; b.rw = 5
        #expect(comparer.household(a, b) == 2)
        a.street = 9; b.street = 9; a.house = 12; b.house = 12
        #expect(comparer.household(a, b) == 1)
        a.kk = SIMD16(repeating: 51); b.kk = a.kk; a.kkUsable = true; b.kkUsable = true
        #expect(comparer.household(a, b) == 0)
        b.kkUsable = false; b.village = 7
        #expect(comparer.household(a, b) == 4)  // moved within the district
        b.district = 8
        #expect(comparer.household(a, b) == 5)
        b.regency = 4
        #expect(comparer.household(a, b) == 6)
        b.village = 0; b.district = 0; b.regency = 0; b.street = 0
        #expect(comparer.household(a, b) == Comparer.null)
    }

    /// A blank kelurahan or kecamatan is no evidence of living apart: only parts both records
    /// have can differ.
    @Test func blankAddressPartsAreNotApart() {
        let comparer = Comparer(plans: [])
        typealias H = IndonesianLevel.Household
        var a = CompareRecord(), b = CompareRecord()
        a.village = 1; a.district = 2; a.regency = 3; a.street = 9; a.house = 12
        b.street = 9; b.house = 12; b.regency = 3          // the street and the city only
        #expect(comparer.household(a, b) == Comparer.null)
        #expect(comparer.household(b, a) == Comparer.null)
        b.regency = 0                                      // the street only
        #expect(comparer.household(a, b) == Comparer.null)
        b.regency = 4                                      // another city: apart
        #expect(comparer.household(a, b) == H.different.rawValue)
        b.regency = 3; b.district = 8                      // another kecamatan of the city
        #expect(comparer.household(a, b) == H.sameRegency.rawValue)
        b.district = 2                                     // the kecamatan, kelurahan blank
        #expect(comparer.household(a, b) == H.sameDistrict.rawValue)
        b.district = 0; b.village = 7                      // another kelurahan, kecamatan blank
        #expect(comparer.household(a, b) == H.sameRegency.rawValue)
        b.regency = 0                                      // ... and no city to place it
        #expect(comparer.household(a, b) == H.different.rawValue)
    }
}
