// Fuzzes every per-value standardizer (NIK, KK, name, birth date, sex, address, RT/RW, village,
// district, regency, birth place) through the public `StandardizedTable(table:referenceYear:threads:)`.
//
// The input becomes a semicolon-separated file under the Indonesian headers of every role:
//   - one row that has the whole input (NUL bytes dropped) as the value of every role, quoted;
//   - then the input itself as more rows, so the fuzzer also controls each field separately.
// The table is read with TableReader and standardized; the outputs are checked for what they
// promise (one value per row; names of A-Z tokens with single spaces, the sorted name a
// permutation of the name; birth dates 0 or a real yyyymmdd).
import FuzzSupport
import Padan

let scratch = ScratchFile(name: "standardize.csv")
let header = Array("NIK;NO_KK;NAMA;TGL_LAHIR;JK;ALAMAT;RT;RW;DESA;KECAMATAN;KAB/KOTA;TEMPAT LAHIR\n".utf8)
let roleCount = 12

func checkName(_ column: ByteColumn, _ what: String) {
    for row in 0 ..< column.count {
        let value = column[row]
        precondition(value.allSatisfy { ($0 >= 65 && $0 <= 90) || $0 == 32 }, "\(what) row \(row) has a byte outside A-Z and space")
        precondition(value.first != 32 && value.last != 32, "\(what) row \(row) has a leading or trailing space")
        precondition(!zip(value, value.dropFirst()).contains { $0 == 32 && $1 == 32 }, "\(what) row \(row) has a double space")
    }
}

/// Whether `date` (yyyymmdd) is a day of the proleptic Gregorian calendar.
func isRealDate(_ date: Int) -> Bool {
    let (year, month, day) = (date / 10000, date / 100 % 100, date % 100)
    guard (1 ... 12).contains(month), day >= 1 else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return day <= days
}

func check(_ s: StandardizedTable, rows: Int) {
    precondition(s.count == rows)
    for column in [s.nik, s.kk, s.name, s.nameSorted, s.namePhonetic, s.firstTokenPhonetic, s.fatherName,
                   s.street, s.houseNumber, s.village, s.district, s.regency, s.birthPlace] {
        precondition(column.count == rows, "a standardized column has \(column.count) values for \(rows) rows")
    }
    for count in [s.nikClass.count, s.nikZeroTail.count, s.nikBirth.count, s.nikSex.count, s.kkClass.count,
                  s.birthDate.count, s.birthYear.count, s.birthDateFlags.count, s.birthDateFormat.count,
                  s.sex.count, s.rt.count, s.rw.count, s.nikBirthAgreement.count, s.nikSexAgreement.count] {
        precondition(count == rows, "a standardized array has \(count) values for \(rows) rows")
    }
    checkName(s.name, "name")
    checkName(s.nameSorted, "nameSorted")
    checkName(s.fatherName, "fatherName")
    for row in 0 ..< rows {
        let tokens = s.name[row].split(separator: 32).map(Array.init).sorted { $0.lexicographicallyPrecedes($1) }
        let sorted = s.nameSorted[row].split(separator: 32).map(Array.init)
        precondition(tokens == sorted, "nameSorted row \(row) is not the name's tokens in byte order")
        for date in [Int(s.birthDate[row]), Int(s.nikBirth[row])] where date != 0 {
            precondition(isRealDate(date), "row \(row): \(date) is not a real yyyymmdd date")
        }
    }
}

runFuzzer { data in
    var file = header
    var quoted: [UInt8] = [34]
    for b in data where b != 0 {
        if b == 34 { quoted.append(34) }
        quoted.append(b)
    }
    quoted.append(34)
    for role in 0 ..< roleCount {
        if role > 0 { file.append(UInt8(ascii: ";")) }
        file += quoted
    }
    file.append(10)
    file += data.lazy.filter { $0 != 0 }
    scratch.write(file)
    let table: Table
    do {
        table = try TableReader.read(path: scratch.path, options: ReadOptions(delimiter: UInt8(ascii: ";")))
    } catch {
        return  // e.g. the quoted row over the field limit: nothing to standardize
    }
    checkTable(table)
    check(StandardizedTable(table: table, referenceYear: 2025, threads: 1), rows: table.rowCount)
}
