import ArgumentParser
import Padan

struct Dedupe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the records that are the same person within one or more lists (double registrations).",
        discussion: "Writes the same files as link; links.csv then holds pairs within a list.")

    @Argument(help: "One or more lists (CSV/TSV or .xlsx); each is deduplicated on its own.")
    var files: [String]

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("dedupe needs a list") }
    }

    func run() throws {
        try reportingErrors {
            try LinkRun(files: files, scope: .dedupe, run: runOptions, input: input).execute()
        }
    }
}
