import Testing
@testable import Padan

@Suite struct DateStandardizerTests {
    @Test(arguments: [
        ("1980-08-12", Int32(19800812), DateFlags(), DateFormat.iso),
        ("1980/08/12", 19800812, [], .iso),
        ("1980-08-12 00:00:00", 19800812, [], .iso),
        ("1980-08-12T00:00:00", 19800812, [], .iso),
        ("12-08-1980", 19800812, [], .dayMonthYearDash),
        ("12/08/1980", 19800812, [], .dayMonthYearSlash),
        ("12.08.1980", 19800812, [], .dayMonthYearDot),
        ("2/8/1980", 19800802, [], .dayMonthYearSlash),
        ("12 08 1980", 19800812, [], .dayMonthYearSpace),
        ("12 Agustus 1980", 19800812, [], .monthName),
        ("12-AGS-80", 19800812, .twoDigitYear, .monthName),
        ("12 Agt 1980", 19800812, [], .monthName),
        ("12-Aug-1980", 19800812, [], .monthName),
        ("12 Pebruari 1980", 19800212, [], .monthName),
        ("5 Nopember 1945", 19451105, [], .monthName),
        ("5 Mei 1960", 19600505, [], .monthName),
        ("Aug 12, 1980", 19800812, [], .monthName),
        ("12-08-80", 19800812, .twoDigitYear, .dayMonthYearDash),
        ("12-08-05", 20050812, .twoDigitYear, .dayMonthYearDash),
        ("12-08-25", 20250812, .twoDigitYear, .dayMonthYearDash),
        ("12-08-26", 19260812, .twoDigitYear, .dayMonthYearDash),
        ("19800812", 19800812, [], .compactYearFirst),
        ("12081980", 19800812, [], .compactDayFirst),
        ("120880", 19800812, .twoDigitYear, .compactDayFirst),
        // Excel serials (1900 date system), with a time of day and a comma decimal too.
        ("29445", 19800812, .excelSerial, .excelSerial),
        ("29445.75", 19800812, .excelSerial, .excelSerial),
        ("29445,0", 19800812, .excelSerial, .excelSerial),
        ("1950", 0, .yearOnly, .yearOnly),
        // Impossible: flagged, stored as 0, never guessed (day-first: 08/25 is not 25 August).
        ("31-04-1980", 0, .impossible, .dayMonthYearDash),
        ("29-02-1981", 0, .impossible, .dayMonthYearDash),
        ("08/25/1980", 0, .impossible, .dayMonthYearSlash),
        ("12-13-1980", 0, .impossible, .dayMonthYearDash),
        ("12-08-2031", 0, .impossible, .dayMonthYearDash),
        ("12-08-1850", 0, .impossible, .dayMonthYearDash),
        ("29-02-1984", 19840229, [], .dayMonthYearDash),
        // Placeholders: 1 January, 1 July, 31 December; all-zero dates.
        ("01-01-1950", 19500101, .placeholder, .dayMonthYearDash),
        ("1 Juli 1948", 19480701, .placeholder, .monthName),
        ("31/12/1940", 19401231, .placeholder, .dayMonthYearSlash),
        ("00-00-0000", 0, .placeholder, .dayMonthYearDash),
        ("0000-00-00", 0, .placeholder, .iso),
        ("", 0, [], .blank), ("-", 0, [], .blank),
        ("tidak tahu", 0, .unparsed, .unparsed),
        ("12-08", 0, .unparsed, .unparsed),
        ("Senin 12 Agustus 1980", 0, .unparsed, .unparsed),
    ] as [(String, Int32, DateFlags, DateFormat)])
    func parse(input: String, date: Int32, flags: DateFlags, format: DateFormat) {
        let d = StandardizeTest.date(input)
        #expect(d.date == date, "\(input)")
        #expect(d.flags == flags, "\(input)")
        #expect(d.format == format, "\(input)")
    }

    @Test func aColumnWrittenMonthFirstIsReadMonthFirst() throws {
        func column(_ values: [String]) -> ByteColumn {
            var c = ByteColumn()
            for v in values { c.append(Array(v.utf8)) }
            return c
        }
        let american = column(["12/31/1980", "01/25/1985", "03/12/1980", "", "07/04/1990", "1980-08-12"])
        #expect(DateOrder.evidence(american) == (0, 2))
        #expect(DateStandardizer.readsMonthFirst(american))
        // Day first: dates after the 12th say so; one typed month first does not turn the column.
        let indonesian = column(["31/12/1980", "25-01-1985", "03/12/1980", "01/25/1985"])
        #expect(!DateStandardizer.readsMonthFirst(indonesian))
        // Nothing says either way: day first, as Indonesian lists write them.
        #expect(!DateStandardizer.readsMonthFirst(column(["03/12/1980", "07/04/1990"])))
        #expect(!DateStandardizer.readsMonthFirst(nil))
        func read(_ s: String, monthFirst: Bool) -> StandardizedDate {
            Array(s.utf8).withUnsafeBufferPointer { DateStandardizer.standardize($0, referenceYear: 2026, monthFirst: monthFirst) }
        }
        #expect(read("03/12/1980", monthFirst: true).date == 19800312)
        #expect(read("03/12/1980", monthFirst: true).format == .monthDayYear)
        #expect(read("03/12/1980", monthFirst: false).date == 19801203)
        // Other forms are read as always.
        #expect(read("1980-03-12", monthFirst: true).date == 19800312)
        #expect(read("12 Agustus 1980", monthFirst: true).date == 19800812)
        #expect(read("12081980", monthFirst: true).date == 19800812)
        // A whole list: the dates read agree with the birth dates the NIKs carry.
        let table = try Table(name: "us", columns: [
            (name: "NIK", values: ["3273013112800001", "3273011203800003", "3273010407900004"]),
            (name: "NAMA", values: ["ORANG AAA", "ORANG CCC", "ORANG DDD"]),
            (name: "TGL LAHIR", values: ["12/31/1980", "03/12/1980", "07/04/1990"]),
        ])
        #expect(table.warnings.contains { $0.contains("month first") })
        let standardized = StandardizedTable(table: table, referenceYear: 2026)
        #expect(standardized.birthDate == [19801231, 19800312, 19900704])
    }

    @Test func pivotKeepsPeopleAtMostNinetyNine() {
        #expect(DateStandardizer.pivot(25, 2025) == 2025)
        #expect(DateStandardizer.pivot(26, 2025) == 1926)
        #expect(DateStandardizer.pivot(0, 2025) == 2000)
        #expect(DateStandardizer.pivot(99, 2010) == 1999)
        #expect(StandardizeTest.date("12-08-30", referenceYear: 2031).date == 20300812)
    }

    @Test func excelSerialAgreesWithIngest() {
        // The serial conversion must agree with the one the xlsx reader uses.
        for serial in [1, 59, 61, 10_000, 29_445, 45_658, 50_000] {
            guard let (y, m, d) = CivilDate.fromExcelSerial(serial) else { Issue.record("serial \(serial)"); continue }
            let iso = String(format: "%04d-%02d-%02d", y, m, d)
            #expect(iso == ExcelSerial.isoDate(serial: Double(serial), date1904: false))
            if serial > 60 { #expect(CivilDate.excelSerial(year: y, month: m, day: d) == serial) }
        }
    }
}

extension DateStandardizerTests {
    @Test func yearOnlyKeepsTheYearApart() {
        let d = StandardizeTest.date("1950")
        #expect(d.date == 0 && d.year == 1950 && d.flags == .yearOnly)
        #expect(StandardizeTest.date("12-08-1980").year == 1980)
        #expect(StandardizeTest.date("tidak tahu").year == 0)
    }
}
