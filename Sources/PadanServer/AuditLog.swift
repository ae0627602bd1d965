import Foundation

/// Who asked what, when: one JSON line per answered lookup (the key's name, the time, the
/// endpoint, which fields were asked, how many records were answered), appended to a file and
/// flushed to it as written. The values asked are not written: the log is not another copy of
/// the identity data it guards.
final class AuditLog: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    let path: String

    init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fd < 0 { throw RegisterService.ServiceError(status: 500, message: "\(path): cannot open the audit log: \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    struct Entry: Encodable {
        var time: String
        var key: String
        var endpoint: String
        var fields: [String]
        var answered: Int
    }

    func write(key: String, endpoint: String, fields: [String], answered: Int) throws {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = Array(try encoder.encode(Entry(time: f.string(from: Date()), key: key, endpoint: endpoint, fields: fields, answered: answered)))
        line.append(10)
        let written = lock.withLock { line.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) } }
        // A lookup whose audit entry cannot be written is not answered.
        if written != line.count {
            throw RegisterService.ServiceError(status: 500, message: "the audit log cannot be written")
        }
    }
}
