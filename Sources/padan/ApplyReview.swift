import ArgumentParser
import Padan

struct ApplyReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply-review",
        abstract: "Read a verifier's decisions from a review sheet into the links of a result.",
        discussion: "Writes links_reviewed.csv in the result directory: the links, less those marked non-match, plus the review pairs marked match.")

    @Option(help: ArgumentHelp("A result directory written by link or dedupe.", valueName: "DIR"))
    var result: String

    @Option(help: ArgumentHelp("The filled review sheet (review.xlsx or review.csv).", valueName: "FILE"))
    var review: String

    func run() throws {
        try reportingErrors {
            let decisions = try ReviewDecisions.read(path: review)
            let (added, removed) = try decisions.apply(resultDirectory: result)
            print("\(decisions.decisions.count) decisions (\(decisions.undecided) rows undecided): \(added) links added, \(removed) removed; written to \(result)/links_reviewed.csv")
        }
    }
}
