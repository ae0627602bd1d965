import Dispatch
import Padan
import Foundation

/// What happens when a run is interrupted (SIGINT, SIGTERM): the hidden temporary output
/// directories of this process are removed and the process exits with 128 + the signal number, so
/// the previous results stay intact and no partial files are left.
///
/// The handlers run on a dispatch queue (not in signal context), so removing files is safe.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers (once per process; later calls do nothing).
    static func removeTemporaryOutputsOnSignal() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryPaths.shared.removeAll()
                FileHandle.standardError.write(Data("\npadan: interrupted; no output was written\n".utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
