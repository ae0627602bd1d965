import ArgumentParser
import Foundation
import Padan

@main
struct PadanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "padan",
        abstract: "Find the same person within and across lists of Indonesian identity records.",
        subcommands: [Link.self, Dedupe.self, ApplyReview.self, Inspect.self, Synth.self, Eval.self, Config.self]
    )
}

/// Exit codes: 0 success, 1 bad input or usage, 2 limit or internal error.
func exitCode(for error: PadanError) -> ExitCode {
    switch error.kind {
    case .badInput, .usage: return ExitCode(1)
    case .limit, .internalError: return ExitCode(2)
    }
}

/// What to add to the message of an error that names a library setting: the flag that sets it.
let settingAdvice = ["force": "; use --force to replace it", "max_rows": " (raise the limit with --max-rows)",
                     "name": "; give --name for each"]

/// Runs `body`, printing a `PadanError` as `padan: file:line: message` on stderr with its exit code.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as PadanError {
        let advice = error.setting.flatMap { settingAdvice[$0] } ?? ""
        FileHandle.standardError.write(Data("padan: \(error)\(advice)\n".utf8))
        throw exitCode(for: error)
    }
}
