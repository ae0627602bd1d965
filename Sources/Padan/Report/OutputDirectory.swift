import Foundation

/// An output directory that appears whole or not at all.
///
/// Files are written into a hidden temporary directory beside the target; ``commit()`` renames it
/// into place (moving a previous result aside first, and deleting it after, when `force` allows
/// replacing it). A run that fails or is interrupted before the commit leaves the previous results
/// untouched and no partial files: the temporary directory is removed.
final class OutputDirectory {
    let path: String
    let temporaryPath: String
    private var committed = false

    /// Prepares to write `path`. Throws when it exists and `force` is false, or cannot be created.
    init(path: String, force: Bool) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        self.path = url.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: self.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw PadanError(.usage, file: self.path, "the output path exists and is not a directory")
            }
            if !force {
                throw PadanError(.usage, file: self.path, "the output directory exists", setting: "force")
            }
        }
        let parent = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw PadanError(.badInput, file: parent, "cannot create the output's parent directory: \(error.localizedDescription)")
        }
        Self.removeAbandoned(in: parent, name: url.lastPathComponent)
        temporaryPath = parent + "/." + url.lastPathComponent + ".padan-tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        do {
            try FileManager.default.createDirectory(atPath: temporaryPath, withIntermediateDirectories: false)
        } catch {
            throw PadanError(.badInput, file: parent, "cannot write in the output's parent directory: \(error.localizedDescription)")
        }
        TemporaryPaths.shared.register(temporaryPath)
    }

    deinit {
        if !committed { discard() }
    }

    /// Removes the hidden directories that runs into the same place left behind when they were
    /// killed outright (`kill -9`, a power cut): those whose process no longer exists. A directory
    /// of a run still going on is left alone.
    static func removeAbandoned(in parent: String, name: String) {
        let prefix = "." + name + ".padan-tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }  // that run is alive
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// Writes one file into the (still hidden) output.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = temporaryPath + "/" + name
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            throw PadanError(.internalError, file: path + "/" + name, "cannot be written (disk full or no permission?)")
        }
    }

    /// Writes one CSV file into the (still hidden) output, streamed as `body` adds its rows.
    func stream(_ name: String, dialect: CSVDialect, _ body: (inout CSVWriter) -> Void) throws {
        var writer = CSVWriter(streamingTo: try FileSink(path: temporaryPath + "/" + name), dialect: dialect)
        body(&writer)
        try writer.finish()
    }

    /// Moves the finished output into place.
    func commit() throws {
        let fm = FileManager.default
        var old: String?
        if fm.fileExists(atPath: path) {
            let aside = temporaryPath + ".old"
            do { try fm.moveItem(atPath: path, toPath: aside) } catch {
                throw PadanError(.internalError, file: path, "cannot move the previous output aside: \(error.localizedDescription)")
            }
            old = aside
        }
        do {
            try fm.moveItem(atPath: temporaryPath, toPath: path)
        } catch {
            if let old { try? fm.moveItem(atPath: old, toPath: path) }
            throw PadanError(.internalError, file: path, "cannot move the output into place: \(error.localizedDescription)")
        }
        committed = true
        TemporaryPaths.shared.unregister(temporaryPath)
        if let old { try? fm.removeItem(atPath: old) }
    }

    /// Removes the temporary directory (the previous output, if any, stays).
    func discard() {
        try? FileManager.default.removeItem(atPath: temporaryPath)
        TemporaryPaths.shared.unregister(temporaryPath)
    }
}

/// Temporary output directories of this process, removed if it is interrupted (SIGINT/SIGTERM).
package final class TemporaryPaths: @unchecked Sendable {
    package static let shared = TemporaryPaths()
    private let lock = NSLock()
    private var paths = Set<String>()

    func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Removes every registered path; called from the interrupt handler.
    package func removeAll() {
        let all = lock.withLock { paths }
        for p in all { try? FileManager.default.removeItem(atPath: p) }
    }
}
