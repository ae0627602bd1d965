import Testing
@testable import Padan

@Suite struct NIKStandardizerTests {
    @Test(arguments: [
        // (input, class, digits kept, zero tail)
        ("3273011208800003", NIKClass.valid, "3273011208800003", 0),
        ("'3273011208800003", .valid, "3273011208800003", 0),
        ("’3273011208800003", .valid, "3273011208800003", 0),
        (" 3273 0112 0880 0003 ", .valid, "3273011208800003", 0),
        ("3273.0112.0880.0003", .valid, "3273011208800003", 0),
        ("3273-01-120880-0003", .valid, "3273011208800003", 0),
        ("\"3273011208800003\"", .valid, "3273011208800003", 0),
        // Zeroed tail: valid-looking, ends in zeros → possibly zeroed, with the count.
        ("3273011208800010", .possiblyZeroedTail, "3273011208800010", 1),
        ("3273011208800100", .possiblyZeroedTail, "3273011208800100", 2),
        // Serial 0000 cannot exist: the tail was zeroed; the surviving digits are kept.
        ("3273011208800000", .excelScientific, "32730112088", 5),
        ("3273011208810000", .excelScientific, "327301120881", 4),
        // Scientific notation and floats with at most 15 significant digits: unrecoverable.
        ("3.27105E+15", .excelScientific, "327105", 10),
        ("3,27105E+15", .excelScientific, "327105", 10),
        ("3.27301120880E+15", .excelScientific, "32730112088", 5),
        ("3273011208800000.0", .excelScientific, "32730112088", 5),
        // pandas prints a double's 16 digits in full: the float form is trusted like plain digits.
        ("3273011208800010.0", .possiblyZeroedTail, "3273011208800010", 1),
        ("3273011208800010", .possiblyZeroedTail, "3273011208800010", 1),
        // All 16 digits survived the float: recovered.
        ("3.273011208800003E+15", .valid, "3273011208800003", 0),
        ("3273011208800003.0", .valid, "3273011208800003", 0),
        ("327301120880003", .wrongLength, "327301120880003", 0),
        ("32730112088000031", .wrongLength, "32730112088000031", 0),
        ("3273O11208800003", .nonDigit, "", 0),
        ("NIK 3273011208800003", .nonDigit, "", 0),
        ("3273013208800003", .impossibleDate, "3273013208800003", 0),   // day 32
        ("3273011213800003", .impossibleDate, "3273011213800003", 0),   // month 13
        ("3273017208800003", .impossibleDate, "3273017208800003", 0),   // woman's day 72 → 32
        ("3273013102800003", .impossibleDate, "3273013102800003", 0),   // 31 February
        ("9973011208800003", .unknownProvince, "9973011208800003", 0),
        ("2073011208800003", .unknownProvince, "2073011208800003", 0),
        ("9673011208800003", .valid, "9673011208800003", 0),            // Papua Barat Daya
        ("9773011208800003", .unknownProvince, "9773011208800003", 0),
        ("", .blank, "", 0), ("   ", .blank, "", 0), ("-", .blank, "", 0), ("NULL", .blank, "", 0),
        ("tidak ada", .blank, "", 0), ("#N/A", .blank, "", 0),
        ("0000000000000000", .placeholder, "0000000000000000", 0),
        ("1111111111111111", .placeholder, "1111111111111111", 0),
        ("1234567890123456", .placeholder, "1234567890123456", 0),
        ("9876543210987654", .placeholder, "9876543210987654", 0),
        ("3273327332733273", .placeholder, "3273327332733273", 0),
    ])
    func classify(input: String, expected: NIKClass, digits: String, zeroTail: Int) {
        let (r, out) = StandardizeTest.nik(input)
        #expect(r.nikClass == expected)
        #expect(out == digits)
        #expect(Int(r.zeroTail) == zeroTail)
    }

    @Test func womanDayPlusForty() {
        // Day 41-71 is a woman's day 1-31.
        for (input, day) in [("3273014108800003", 1), ("3273015208800003", 12), ("3273017112800003", 31)] {
            let (r, _) = StandardizeTest.nik(input)
            #expect(r.nikClass == .valid)
            #expect(r.sex == .female)
            #expect(Int(r.day) == day)
        }
        let (man, _) = StandardizeTest.nik("3273011208800003")
        #expect(man.sex == .male && man.day == 12 && man.month == 8 && man.yy == 80)
    }

    @Test func leapDay() {
        #expect(StandardizeTest.nik("3273012902000003").0.nikClass == .valid)    // 2000-02-29
        #expect(StandardizeTest.nik("3273012902840003").0.nikClass == .valid)    // 1984-02-29
        #expect(StandardizeTest.nik("3273012902850003").0.nikClass == .impossibleDate)
    }

    @Test func familyCardHasNoBirthDate() {
        // KK digits 7-12 are not a birth date: no date check, no sex.
        let (r, out) = StandardizeTest.nik("3273019999990003", kind: .kk)
        #expect(r.nikClass == .valid && out == "3273019999990003" && r.sex == .unknown)
        #expect(StandardizeTest.nik("'3273.0120.0500.0030", kind: .kk).0.nikClass == .possiblyZeroedTail)
        #expect(StandardizeTest.nik("3.27301E+15", kind: .kk).0.nikClass == .excelScientific)
    }

    @Test func provinceCodesAreTheThirtyEight() {
        #expect(NIKStandardizer.provinceCodes.count == 38)
        #expect(NIKStandardizer.provinceCodes.isSuperset(of: [11, 19, 21, 31, 36, 51, 53, 61, 65, 71, 76, 81, 82, 91, 96]))
        #expect(NIKStandardizer.provinceCodes.isDisjoint(with: [10, 20, 22, 30, 37, 54, 66, 77, 83, 90, 97]))
    }
}
