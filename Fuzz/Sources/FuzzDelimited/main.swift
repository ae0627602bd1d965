// Fuzzes the delimited-text reader through the public entry point, `TableReader.read(path:options:)`.
//
// Each input is written to one scratch file (named .csv) and read twice: with the default options
// (delimiter detected, 1 MiB field limit) and with tight limits (a 6-byte field limit, 8 columns,
// 4 data rows), so the oversized-field, too-many-columns and too-many-rows paths run as well. Then
// it is read a third time under an office list's header (title line, NIK, name, TTL, RT/RW, USIA,
// name parts) so that header detection, the rows-that-are-not-people rules and the split and
// joined columns see arbitrary rows, and a fourth time with that header given as two rows. A
// thrown PadanError is an ordinary outcome; a crash, a trap, a sanitizer report, a hang or a table
// that breaks its invariants (see checkTable) is a finding. Inputs that start with the zip
// signature go to the xlsx reader: FuzzXLSX covers that.
import FuzzSupport
import Padan

let scratch = ScratchFile(name: "input.csv")
let officeScratch = ScratchFile(name: "office.csv")
let tight = ReadOptions(maxFieldBytes: 6, maxColumns: 8, maxRows: 4)
let officeHeader = Array("DAFTAR PENERIMA TAHAP 2\nNO,IDENTITAS,,,,ALAMAT,,\nNO,NIK,NAMA,TTL,USIA,RT/RW,NAMA DEPAN,NAMA BELAKANG\n".utf8)
let twoRows = ReadOptions(headerRows: 2 ... 3)

runFuzzer { data in
    scratch.write(data)
    officeScratch.write(officeHeader + data)
    for (path, options) in [(scratch.path, ReadOptions()), (scratch.path, tight), (officeScratch.path, ReadOptions()),
                            (officeScratch.path, twoRows)] {
        do {
            checkTable(try TableReader.read(path: path, options: options))
        } catch is PadanError {
            // A clear error for a bad file is what the reader should give.
        } catch {
            fatalError("TableReader threw something other than a PadanError: \(error)")
        }
    }
}
