// Fuzzes the .ods reader through the public entry point, `TableReader.read(path:options:)`.
//
// The input is a flags byte followed by `content.xml`; the target packs it into a well-formed
// OpenDocument zip (the `mimetype` entry first and stored, as the format requires, so the file is
// recognized; `content.xml` with a correct CRC), so mutations reach ContentPart and the XML
// scanner instead of stopping at the container. Flags: bit 0 deflates content.xml (else stored);
// bit 1 asks for every sheet stacked (`--sheet '*'`); bit 2 leaves hidden rows out.
// A thrown PadanError is an ordinary outcome; a crash, trap, sanitizer report, hang or a table that
// breaks its invariants (see checkTable) is a finding.
import Foundation
import FuzzSupport
import Padan
import ZIPFoundation

let scratch = ScratchFile(name: "input.ods")
let mimetype = Data("application/vnd.oasis.opendocument.spreadsheet".utf8)

func spreadsheet(_ input: UnsafeBufferPointer<UInt8>) -> (zip: Data, options: ReadOptions)? {
    let flags = input.first ?? 0
    let content = Data(input.dropFirst())
    guard let archive = try? Archive(accessMode: .create) else { return nil }
    do {
        try archive.addEntry(with: "mimetype", type: .file, uncompressedSize: Int64(mimetype.count),
                             compressionMethod: .none) { position, size in
            mimetype.subdata(in: Int(position) ..< Int(position) + size)
        }
        try archive.addEntry(with: "content.xml", type: .file, uncompressedSize: Int64(content.count),
                             compressionMethod: flags & 1 == 1 ? .deflate : .none) { position, size in
            content.subdata(in: Int(position) ..< Int(position) + size)
        }
    } catch {
        return nil
    }
    guard let data = archive.data else { return nil }
    var options = ReadOptions(sheet: flags & 2 == 2 ? "*" : nil)
    options.skipHiddenRows = flags & 4 == 4
    return (data, options)
}

runFuzzer { input in
    guard let built = spreadsheet(input) else { return }
    built.zip.withUnsafeBytes { scratch.write($0.bindMemory(to: UInt8.self)) }
    do {
        checkTable(try TableReader.read(path: scratch.path, options: built.options))
    } catch is PadanError {
        // A clear error for a bad spreadsheet is what the reader should give.
    } catch {
        fatalError("TableReader threw something other than a PadanError: \(error)")
    }
}
