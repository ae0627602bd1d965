// Fuzzes the reader of HTML tables saved as .xls through the public entry point,
// `TableReader.read(path:options:)`.
//
// Each input is written after `<table>` (so that TableReader takes it for an HTML table whatever
// its first bytes) to one scratch file named .xls, and read with the default options and with tight
// limits (6-byte fields, 8 columns, 4 rows). A thrown PadanError is an ordinary outcome; a crash, a
// trap, a sanitizer report, a hang or a table that breaks its invariants (see checkTable) is a
// finding.
import FuzzSupport
import Padan

let scratch = ScratchFile(name: "input.xls")
let tight = ReadOptions(maxFieldBytes: 6, maxColumns: 8, maxRows: 4)
let prefix = Array("<table>".utf8)

runFuzzer { data in
    scratch.write(prefix + data)
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
