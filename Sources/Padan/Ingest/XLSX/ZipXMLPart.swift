import Foundation
import ZIPFoundation

/// Streams one XML part of a zip container (an `.xlsx` or `.ods` file) through ``XMLScanner`` as
/// it is inflated, so no part is ever held whole.
struct ZipXMLPart {
    let archive: Archive
    /// The container's path, for messages.
    let file: String
    /// Which kind of file this is, for messages (`.xlsx workbook`, `.ods spreadsheet`).
    let kind: String

    /// Reads `name` into `handler`. Returns `false` when the container has no such part.
    ///
    /// `progress` is called with the bytes of the part inflated so far and its full size.
    func scan<H: XMLHandler>(_ name: String, into handler: inout H, markupLimit: Int = 4 << 20,
                             progress: ((Int, Int) -> Void)? = nil) throws -> Bool {
        guard let entry = archive[name] else { return false }
        var scanner = XMLScanner(markupLimit: markupLimit)
        var done = 0
        let total = Int(clamping: entry.uncompressedSize)
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: false) { data in
                try data.withUnsafeBytes { try scanner.feed($0, into: &handler) }
                done += data.count
                progress?(done, total)
            }
            try scanner.finish(into: &handler)
        } catch let e as XMLSyntaxError where e.encoding {
            throw PadanError(.badInput, file: file, line: e.line, "not a readable \(kind): \(name) is not UTF-8 text (\(e.message))")
        } catch let e as XMLSyntaxError {
            throw PadanError(.badInput, file: file, line: e.line,
                             "not a readable \(kind): \(name) is not well-formed XML (\(e.message))")
        } catch let e as PadanError {
            throw e
        } catch {
            throw PadanError(.badInput, file: file, "not a readable \(kind): part \(name) is damaged (\(error))")
        }
        return true
    }
}
