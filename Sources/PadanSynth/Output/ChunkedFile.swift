import Foundation

/// A file written in large chunks from a byte buffer, created (or truncated) on open.
final class ChunkedFile {
    private let handle: FileHandle
    let path: String

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) , let h = FileHandle(forWritingAtPath: path) else {
            throw SynthError("cannot create \(path)")
        }
        handle = h
    }

    /// Writes `buffer` and empties it (keeping its capacity).
    func write(_ buffer: inout [UInt8]) throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw SynthError("cannot write \(path): \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        do { try handle.close() } catch { throw SynthError("cannot close \(path): \(error.localizedDescription)") }
    }
}
