/// Calendar arithmetic on `yyyymmdd` integers.
enum CivilDate {
    @inline(__always)
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    @inline(__always)
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inline(__always)
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month: month, year: year)
    }

    @inline(__always)
    static func pack(year: Int, month: Int, day: Int) -> Int32 { Int32(year * 10000 + month * 100 + day) }

    /// The civil date of an Excel serial day number (1900 date system: serial 1 is 1900-01-01 and
    /// Excel counts a 29 February 1900 that never was, serial 60). Nil for serial 60 and below 1.
    static func fromExcelSerial(_ serial: Int) -> (year: Int, month: Int, day: Int)? {
        guard serial >= 1, serial != 60 else { return nil }
        let day = serial < 60 ? serial + 1 : serial
        // Days since 1899-12-30 → civil date (Howard Hinnant's civil_from_days).
        let z = day - 25569 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        return (y, m, d)
    }

    /// The Excel serial (1900 system) of a civil date from 1900-03-01 on.
    static func excelSerial(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468 + 25569
    }
}
