import CLibFuzzer
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The body the current fuzzer runs on each input; set once by `runFuzzer` before libFuzzer starts.
nonisolated(unsafe) private var testOneInput: ((UnsafeBufferPointer<UInt8>) -> Void)?

/// Hands control to libFuzzer, which calls `body` with each input, and exits with libFuzzer's status.
///
/// `body` must not keep the buffer. A crash, trap, sanitizer report or timeout is a finding; a
/// thrown error that the body catches is an ordinary outcome.
public func runFuzzer(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
    testOneInput = body
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        testOneInput!(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
        return 0
    }
    exit(status)
}

/// One scratch file per fuzzer process, rewritten for every input.
public struct ScratchFile: Sendable {
    public let path: String

    /// A file named `name` in a directory of this process's own under the temporary directory.
    public init(name: String) {
        let directory = NSTemporaryDirectory() + "/padan-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/" + name
    }

    /// Replaces the file's content with `bytes`.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create the scratch file \(path): errno \(errno)")
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            precondition(n > 0, "cannot write the scratch file \(path): errno \(errno)")
            done += n
        }
        close(fd)
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }
}
