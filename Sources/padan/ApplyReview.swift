import ArgumentParser
import Foundation
import Padan

struct ApplyReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply-review",
        abstract: "Apply an officer's decisions from a review sheet to a result, as its next revision.",
        discussion: """
            Reads the decisions (sesuai / ya / match: the same person; tidak sesuai / bukan / non-match: \
            different people; blank: undecided) from the sheet 'Perlu diperiksa' of hasil.xlsx, from \
            review.xlsx or from review.csv. The sheet must carry this result's fingerprint, and every list \
            and id it names must be in the result. The engine runs again on the same inputs (their SHA-256 \
            must match summary.json) with the same command line, then the decisions are applied, and every \
            output (links, clusters, unmatched files, review sheets, hasil.xlsx, summary.json) is rewritten \
            at once as the next revision. decisions.csv keeps every decision applied so far.

            EXAMPLES:
              padan apply-review --result hasil --review hasil/hasil.xlsx
              padan apply-review --result hasil --review review-kecamatan-tanah-sareal.xlsx
            """)

    @Option(help: ArgumentHelp("A result directory written by link or dedupe.", valueName: "DIR"))
    var result: String

    @Option(help: ArgumentHelp("The filled review sheet (hasil.xlsx, review.xlsx or review.csv).", valueName: "FILE"))
    var review: String

    func run() throws {
        try reportingErrors {
            let directory = URL(fileURLWithPath: result).standardizedFileURL.path
            let summaryPath = directory + "/summary.json"
            guard let data = FileManager.default.contents(atPath: summaryPath) else {
                throw PadanError(.badInput, file: summaryPath, "not found: --result must be a directory written by padan link or dedupe")
            }
            let summary: LinkSummary
            do { summary = try JSONDecoder().decode(LinkSummary.self, from: data) } catch {
                throw PadanError(.badInput, file: summaryPath, "not a Padan summary (or one from before 0.2): \(error)")
            }
            guard let record = summary.run, let fingerprint = summary.fingerprint else {
                throw PadanError(.badInput, file: summaryPath, "this result has no audit trail or fingerprint (made by an older Padan); run link again")
            }
            let sheet = try ReviewDecisions.read(path: review)
            guard let sheetFingerprint = sheet.fingerprint else {
                throw PadanError(.badInput, file: review, "the sheet has no result fingerprint column: it is not a review sheet of a Padan result")
            }
            guard sheetFingerprint == fingerprint else {
                throw PadanError(.badInput, file: review, "the sheet is from another result (fingerprint \(sheetFingerprint); \(result) is \(fingerprint))")
            }
            let earlierPath = directory + "/decisions.csv"
            let earlier = FileManager.default.fileExists(atPath: earlierPath) ? try ReviewDecisions.read(path: earlierPath) : nil
            let decisions = earlier.map { sheet.merged(after: $0) } ?? sheet
            // The inputs must be the ones the result was made from.
            guard FileManager.default.changeCurrentDirectoryPath(record.workingDirectory) else {
                throw PadanError(.badInput, file: summaryPath, "the directory the result was made in, \(record.workingDirectory), is gone: the recorded command line's paths cannot be found")
            }
            for input in record.inputs {
                let now = try RunRecord.sha256(file: input.file)
                guard now == input.sha256 else {
                    throw PadanError(.badInput, file: input.file, "changed since the result was made (SHA-256 \(now.prefix(12))…, recorded \(input.sha256.prefix(12))…); run link again")
                }
            }
            var run = try rerun(record.commandLine, summaryPath: summaryPath)
            run.run.out = directory
            run.run.force = true
            run.run.json = false
            run.review = decisions
            run.revision = summary.revision + 1
            run.fingerprint = fingerprint
            run.extraFiles = [("decisions.csv", decisions.csv(fingerprint: fingerprint))]
            run.commandLine = record.commandLine
            let after = try run.execute()
            let matches = sheet.decisions.count { $0.match }
            print("\(sheet.decisions.count) decisions from \(review) (\(matches) match, \(sheet.decisions.count - matches) non-match, \(sheet.undecided) undecided); \(decisions.decisions.count) in all; \(result) is now revision \(after.revision)")
        }
    }

    /// The link or dedupe run that a result's recorded command line describes.
    private func rerun(_ commandLine: [String], summaryPath: String) throws -> LinkRun {
        let parsed: ParsableCommand
        do { parsed = try PadanCommand.parseAsRoot(Array(commandLine.dropFirst())) } catch {
            throw PadanError(.badInput, file: summaryPath, "the recorded command line cannot be parsed by this Padan: \(commandLine.joined(separator: " "))")
        }
        if let link = parsed as? Link {
            return LinkRun(files: link.files, scope: link.dedupe ? .linkAndDedupe : .link, run: link.runOptions, input: link.input)
        }
        if let dedupe = parsed as? Dedupe {
            return LinkRun(files: dedupe.files, scope: .dedupe, run: dedupe.runOptions, input: dedupe.input)
        }
        throw PadanError(.badInput, file: summaryPath, "the recorded command is neither link nor dedupe: \(commandLine.joined(separator: " "))")
    }
}
