/// Excel's number and date representations, turned back into what a person typed.
enum ExcelSerial {
    /// Writes a number as Excel stored it (`3.2710501019E+15`, `12.50`, `-7`) in plain decimal
    /// without exponent: `3271050101900000`, `12.5`, `-7`. Exact: no binary floating point.
    /// Text that is not a number is returned unchanged.
    static func plainDecimal(_ text: String) -> String {
        var out: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { plainDecimal($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``plainDecimal(_:)`` on bytes, appended to `out`. A whole number written plainly (the usual
    /// case: a NIK, a row number) is copied as it is.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes[0] != 48 || bytes.count == 1 {
            out.append(contentsOf: bytes)
            return
        }
        out.append(contentsOf: slowPlainDecimal(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    private static func slowPlainDecimal(_ text: String) -> String {
        var sign = ""
        var digits: [UInt8] = []
        var pointAt: Int?
        var exponent = 0
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { sign = "-"; bytes = bytes.dropFirst() }
        else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var sawDigit = false
        while let b = bytes.first {
            if b >= 48 && b <= 57 { digits.append(b); sawDigit = true }
            else if b == UInt8(ascii: ".") && pointAt == nil { pointAt = digits.count }
            else { break }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return text }
        if let e = bytes.first {
            guard e == UInt8(ascii: "E") || e == UInt8(ascii: "e"),
                  let x = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)), x.magnitude < 400 else { return text }
            exponent = x
        }
        var point = (pointAt ?? digits.count) + exponent
        // Pad so the point falls inside or at the end of the digits.
        if point > digits.count { digits += [UInt8](repeating: 48, count: point - digits.count) }
        if point < 0 { digits = [UInt8](repeating: 48, count: -point) + digits; point = 0 }
        var integer = Array(digits[..<point])
        var fraction = Array(digits[point...])
        while fraction.last == 48 { fraction.removeLast() }
        while integer.count > 1 && integer.first == 48 { integer.removeFirst() }
        if integer.isEmpty { integer = [48] }
        var out = sign + String(decoding: integer, as: UTF8.self)
        if !fraction.isEmpty { out += "." + String(decoding: fraction, as: UTF8.self) }
        if out == "-0" { out = "0" }
        return out
    }

    /// The ISO date (`YYYY-MM-DD`) of an Excel serial day number, or `nil` when out of range.
    /// Serial 1 is 1900-01-01; Excel counts a 29 February 1900 that never was (serial 60), so
    /// serials from 61 on are one day ahead of the true count. With the 1904 system serial 0 is
    /// 1904-01-01.
    static func isoDate(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        var day = Int(serial.rounded(.down))
        if date1904 {
            day += 1462
        } else if day == 60 {
            return "1900-02-29"
        } else if day < 60 {
            day += 1
        }
        // Days since 1899-12-30 → civil date (Howard Hinnant's days_from_civil inverse).
        let z = day - 25569 + 719_468  // days since 0000-03-01 (1970-01-01 is serial 25569)
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }
}
