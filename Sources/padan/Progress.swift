import Foundation
import Padan

/// A one-line progress display on stderr, only when stderr is a terminal (quiet in pipes and CI):
/// each stage with its share done and the time left (``LinkProgress/line(elapsed:language:)``).
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var stage = ""
    private var stageStarted = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private let language: OutputLanguage
    /// The files being read: how many, and each one's share read so far.
    private var readingFiles = 1
    private var readShares: [String: Double] = [:]

    private init(language: OutputLanguage) { self.language = language }

    /// A display in `language`, or nil when stderr is not a terminal.
    static func onTerminal(language: OutputLanguage = .indonesian) -> Progress? {
        isatty(2) == 1 ? Progress(language: language) : nil
    }

    /// Shows a stage starting (no share known).
    func show(_ stage: String) { show(LinkProgress(stage: stage)) }

    /// Shows how far a stage has come.
    func show(_ p: LinkProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        if p.stage != stage {
            stage = p.stage
            stageStarted = now
        } else if now - lastDrawn < 100_000_000 && p.done < p.total {
            return  // at most ten redraws a second
        }
        lastDrawn = now
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + p.line(elapsed: Double(now - stageStarted) / 1e9, language: language)).utf8))
    }

    /// Starts the reading of `count` files, read at once: their progress shows as one stage.
    func startReading(_ count: Int) {
        lock.lock()
        readingFiles = max(count, 1)
        readShares = [:]
        lock.unlock()
        show(count == 1 ? "read" : "read \(count) lists")
    }

    /// Shows the reading of a file (its bytes, or a workbook's sheet XML): with several files,
    /// the mean of their shares read (a file not begun counts as none of it).
    func show(_ p: ReadProgress) {
        lock.lock()
        readShares[p.file] = p.totalBytes > 0 ? Double(p.bytesRead) / Double(p.totalBytes) : 0
        let files = readingFiles, mean = readShares.values.reduce(0, +) / Double(files)
        lock.unlock()
        let name = p.file.split(separator: "/").last.map(String.init) ?? p.file
        let stage = files == 1 ? "read \(name)" : "read \(files) lists"
        show(LinkProgress(stage: stage, done: Int((mean * 10_000).rounded()), total: 10_000))
    }

    /// ``show(_:)-(ReadProgress)`` as a callback for ``TableReader``.
    var reading: @Sendable (ReadProgress) -> Void { { [self] p in show(p) } }

    /// ``show(_:)-(LinkProgress)`` as a callback for ``Linker``.
    var stages: @Sendable (LinkProgress) -> Void { { [self] p in show(p) } }

    /// Clears the line.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
