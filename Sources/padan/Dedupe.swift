import ArgumentParser
import Padan

struct Dedupe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the records that are the same person within one or more lists (double registrations).",
        discussion: """
            Writes the same files as link (hasil.xlsx, links.csv, clusters.csv, review.csv, review.xlsx, \
            unmatched_<list>.csv, rejected.csv, model.json, summary.json); links.csv then holds pairs within a list.

            EXAMPLES:
              padan dedupe kota.xlsx --out ganda
              padan dedupe dtks.csv --out ganda --lang en --threshold 0.8
            """)

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
