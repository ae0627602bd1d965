import Foundation

/// A file opened for writing, written through `write(2)` without copies into `Data`.
///
/// Outputs stream into one of these from a buffer of about a megabyte (``CSVWriter``) or piece by
/// piece (``ZipWriter``), so no output file is held whole in memory.
final class FileSink {
    let path: String
    private var descriptor: Int32
    /// Bytes written so far.
    private(set) var offset = 0

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw PadanError(.badInput, file: path, "cannot be written: \(String(cString: strerror(errno)))")
        }
    }

    deinit { if descriptor >= 0 { _ = Foundation.close(descriptor) } }

    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = Foundation.write(descriptor, next, left)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw PadanError(.internalError, file: path, "cannot be written (disk full or no permission?): \(String(cString: strerror(errno)))")
            }
            next += n
            left -= n
            offset += n
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Closes the file, reporting a failure the last writes may only show now.
    func close() throws {
        guard descriptor >= 0 else { return }
        let status = Foundation.close(descriptor)
        descriptor = -1
        guard status == 0 else {
            throw PadanError(.internalError, file: path, "cannot be written (disk full?): \(String(cString: strerror(errno)))")
        }
    }
}
