import ArgumentParser
import Foundation
import Padan

@main
struct PadanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "padan",
        abstract: "Find the same person within and across lists of Indonesian identity records.",
        version: PadanVersion.current,
        subcommands: [Link.self, Dedupe.self, RegisterCommand.self, Match.self, Serve.self, ApplyReview.self, ReportCommand.self, Inspect.self, Synth.self, Eval.self, Config.self]
    )

    /// Parses and runs, with the exit codes the README promises: a usage mistake is 1 (the
    /// argument parser's own code for it is 64), and a misspelt command gets a suggestion.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, !first.hasPrefix("-"), first != "help" {
            let names = configuration.subcommands.map { $0.configuration.commandName ?? $0._commandName }
            if !names.contains(first) {
                let suggestion = Suggestion.phrase(for: first, among: names)
                FileHandle.standardError.write(Data("padan: unknown command '\(first)'\(suggestion); commands: \(names.joined(separator: ", "))\n".utf8))
                Foundation.exit(1)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(1)
            }
            exit(withError: error)
        }
    }
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
