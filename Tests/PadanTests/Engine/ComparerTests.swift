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

    @Test(arguments: [
        (19800812, 19800812, DateFlags(), UInt8(0)),
        (19500101, 19500101, DateFlags.placeholder, 1),
        (19800812, 19801208, DateFlags(), 2),
        (19800812, 19810812, DateFlags(), 3),
        (19800812, 19880812, DateFlags(), 3),
        (19800812, 19800813, DateFlags(), 4),
        (19800812, 19751103, DateFlags(), 5),
    ])
    func birthDateLevels(a: Int32, b: Int32, flags: DateFlags, level: UInt8) {
        var x = CompareRecord(), y = CompareRecord()
        x.birthDate = a
        y.birthDate = b
        x.dateFlags = flags
        y.dateFlags = flags
        #expect(Comparer(plans: []).birthDate(x, y) == level)
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
}
