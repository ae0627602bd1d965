import Testing
@testable import Padan

@Suite struct ExcelSerialTests {
    @Test(arguments: [
        ("3.27105E+15", "3271050000000000"),
        ("3.2710501019000001E+15", "3271050101900000.1"),
        ("3271050101900001", "3271050101900001"),
        ("9.4710501019E+15", "9471050101900000"),
        ("12.50", "12.5"),
        ("-7", "-7"),
        ("0.000125", "0.000125"),
        ("1.25E-3", "0.00125"),
        ("007", "7"),
        ("abc", "abc"),
        ("-0", "0"),
    ])
    func plainDecimal(input: String, expected: String) {
        #expect(ExcelSerial.plainDecimal(input) == expected)
    }

    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-29"), (61.0, "1900-03-01"),
        (29221.0, "1980-01-01"), (29445.75, "1980-08-12"), (25569.0, "1970-01-01"), (45658.0, "2025-01-01"),
    ])
    func serialDates(serial: Double, expected: String) {
        #expect(ExcelSerial.isoDate(serial: serial, date1904: false) == expected)
    }

    @Test func date1904() {
        #expect(ExcelSerial.isoDate(serial: 0, date1904: true) == nil)
        #expect(ExcelSerial.isoDate(serial: 1, date1904: true) == "1904-01-02")
    }
}
