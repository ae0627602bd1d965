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

    /// Opens the zip container at `file`; a damaged one is a clear error naming the `kind`.
    init(opening file: String, kind: String) throws {
        do {
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch {
            throw PadanError(.badInput, file: file, "not a readable \(kind): the zip container is damaged (\(error))")
        }
        self.file = file
        self.kind = kind
    }

    /// Reads `name` into `handler`. Returns `false` when the container has no such part.
    ///
    /// `progress` is called with the bytes of the part inflated so far and its full size.
    func scan<H: XMLHandler>(_ name: String, into handler: inout H, markupLimit: Int = 4 << 20,
                             progress: ((Int, Int) -> Void)? = nil) throws -> Bool {
        guard let entry = archive[name] else { return false }
        var scanner = XMLScanner(markupLimit: markupLimit)
        var done = 0
        let total = Int(clamping: entry.uncompressedSize)
        func feed(_ data: Data) throws {
            try data.withUnsafeBytes { try scanner.feed($0, into: &handler) }
            done += data.count
            progress?(done, total)
        }
        do {
            if total >= Self.pipelineBytes {
                try extractAlongside(entry, feed)
            } else {
                _ = try archive.extract(entry, bufferSize: Self.chunkBytes, skipCRC32: false, consumer: feed)
            }
            try scanner.finish(into: &handler)
        } catch is SheetPeek.Enough {
            return true  // the handler has what it needs
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

    /// Inflated chunks handed from one thread to the other.
    static let chunkBytes = 1 << 18
    /// Parts at least this large are inflated on a thread of their own while they are scanned.
    static let pipelineBytes = 4 << 20

    /// Inflates `entry` on another thread, and feeds its chunks to `feed` on this one as they come.
    private func extractAlongside(_ entry: Entry, _ feed: (Data) throws -> Void) throws {
        let pipe = ChunkPipe(capacity: 8)
        let source = UncheckedArchive(archive: archive, entry: entry)
        Thread.detachNewThread {
            do {
                _ = try source.archive.extract(source.entry, bufferSize: Self.chunkBytes, skipCRC32: false) { try pipe.put($0) }
                pipe.close(error: nil)
            } catch {
                pipe.close(error: error)
            }
        }
        do {
            while let chunk = try pipe.take() { try feed(chunk) }
        } catch {
            // The scanner (or the inflater) stopped: end the other thread before the archive goes.
            pipe.cancel()
            throw error
        }
    }
}

/// The archive and entry, handed to the inflating thread: it alone uses them until it closes the
/// pipe, and the reading thread waits for that before it touches the archive again.
private struct UncheckedArchive: @unchecked Sendable {
    let archive: Archive
    let entry: Entry
}
