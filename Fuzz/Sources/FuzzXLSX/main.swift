// Fuzzes the .xlsx reader through the public entry point, `TableReader.read(path:options:)`.
//
// Two kinds of input:
//   - Raw: an input that starts with the zip signature `PK\3\4` is written to the scratch file as
//     it is, so the zip container itself (headers, central directory, sizes) is fuzzed.
//   - Parts: any other input is a flags byte followed by the XML parts of a workbook, separated by
//     NUL bytes, in this order: xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/sharedStrings.xml,
//     xl/styles.xml, xl/worksheets/sheet1.xml (a part left out is absent from the zip). They are
//     packed into a well-formed zip with correct CRCs, so mutations reach the XML handlers instead
//     of stopping at the CRC check. Flags: bit 0 deflates the parts (else stored); bit 1 asks for
//     the sheet named "Data" instead of the first.
// A thrown PadanError is an ordinary outcome; a crash, trap, sanitizer report, hang or a table that
// breaks its invariants (see checkTable) is a finding.
import Foundation
import FuzzSupport
import Padan
import ZIPFoundation

let scratch = ScratchFile(name: "input.xlsx")
let partNames = [
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
    "xl/worksheets/sheet1.xml",
]

/// Packs the parts of `input` (see above) into a zip archive; `nil` when ZIPFoundation refuses.
func workbook(fromParts input: UnsafeBufferPointer<UInt8>) -> (zip: Data, options: ReadOptions)? {
    let flags = input.first ?? 0
    let parts = input.dropFirst().split(separator: 0, maxSplits: partNames.count - 1, omittingEmptySubsequences: false)
    guard let archive = try? Archive(accessMode: .create) else { return nil }
    for (name, part) in zip(partNames, parts) {
        let bytes = Data(part)
        do {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: flags & 1 == 1 ? .deflate : .none) { position, size in
                bytes.subdata(in: Int(position) ..< Int(position) + size)
            }
        } catch {
            return nil
        }
    }
    guard let data = archive.data else { return nil }
    return (data, ReadOptions(sheet: flags & 2 == 2 ? "Data" : nil))
}

runFuzzer { input in
    var options = ReadOptions()
    if input.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
        scratch.write(input)
    } else {
        guard let built = workbook(fromParts: input) else { return }
        built.zip.withUnsafeBytes { scratch.write($0.bindMemory(to: UInt8.self)) }
        options = built.options
    }
    do {
        checkTable(try TableReader.read(path: scratch.path, options: options))
    } catch is PadanError {
        // A clear error for a bad workbook is what the reader should give.
    } catch {
        fatalError("TableReader threw something other than a PadanError: \(error)")
    }
}
