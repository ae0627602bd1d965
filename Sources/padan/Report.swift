import ArgumentParser
import Foundation
import Padan

/// `padan report DIR`: rebuilds `DIR/report.html` from `DIR/report-data.json`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild report.html in a result directory (for instance in English, or after apply-review).",
        discussion: """
        Reads report-data.json, which link and dedupe write beside report.html, and writes the page again, \
        atomically. The page is one offline file: no network request of any kind.

        EXAMPLES:
          padan report hasil
          padan report hasil --lang en
          padan report hasil --review hasil/review.xlsx    # estimates corrected with the decisions
        """
    )

    @Argument(help: "The result directory of padan link or padan dedupe.")
    var directory: String

    @Option(help: "The report's language: id (Indonesian) or en (English).")
    var lang: String = "id"

    @Option(help: "A filled review sheet (review.xlsx or review.csv): correct the estimates with its decisions.")
    var review: String?

    func validate() throws {
        guard OutputLanguage(code: lang) != nil else {
            throw ValidationError("--lang must be id or en, not '\(lang)'")
        }
    }

    func run() throws {
        try reportingErrors {
            let calibration = try HTMLReport.rebuild(directory: directory, language: OutputLanguage(code: lang)!, reviewSheet: review)
            if let c = calibration {
                print("\(c.decided) decisions in the review band: the model expected \(String(format: "%.1f", c.decidedExpectedByModel)) matches among them, the verifier found \(c.decidedMatches)")
            }
            print("wrote \(directory)/\(HTMLReport.fileName)")
        }
    }
}
