// Fuzzes the delimited-text reader through the public entry point, `TableReader.read(path:options:)`.
//
// Each input is written to one scratch file (named .csv) and read twice: with the default options
// (delimiter detected, 1 MiB field limit) and with tight limits (a 6-byte field limit, 8 columns,
// 4 data rows), so the oversized-field, too-many-columns and too-many-rows paths run as well. A
// thrown PadanError is an ordinary outcome; a crash, a trap, a sanitizer report, a hang or a table
// that breaks its invariants (see checkTable) is a finding. Inputs that start with the zip
// signature go to the xlsx reader: FuzzXLSX covers that.
import FuzzSupport
import Padan

let scratch = ScratchFile(name: "input.csv")
let tight = ReadOptions(maxFieldBytes: 6, maxColumns: 8, maxRows: 4)

runFuzzer { data in
    scratch.write(data)
    for options in [ReadOptions(), tight] {
        do {
            checkTable(try TableReader.read(path: scratch.path, options: options))
        } catch is PadanError {
            // A clear error for a bad file is what the reader should give.
        } catch {
            fatalError("TableReader threw something other than a PadanError: \(error)")
        }
    }
}
