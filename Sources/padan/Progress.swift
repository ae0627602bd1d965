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

    /// Shows the reading of a file (its bytes, or a workbook's sheet XML).
    func show(_ p: ReadProgress) {
        let name = p.file.split(separator: "/").last.map(String.init) ?? p.file
        show(LinkProgress(stage: "read \(name)", done: p.bytesRead, total: p.totalBytes))
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
