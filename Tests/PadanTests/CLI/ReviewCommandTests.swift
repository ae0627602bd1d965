import Foundation
import Testing
@testable import Padan

@Suite struct ReviewCommandTests {
    let dir = TemporaryDirectory()
    let left = repositoryRoot + "/corpora/synth-2k/provinsi.csv"
    let right = repositoryRoot + "/corpora/synth-2k/kota.csv"

    @Test func decisionsFromTheReviewSheetUpdateTheLinks() throws {
        let out = dir.file("hasil")
        let run = try PadanProcess.run(["link", left, right, "--out", out, "--review-threshold", "0.01"])
        #expect(run.status == 0, "\(run.stderr)")
        // The workbook reads back with every row undecided.
        let untouched = try ReviewDecisions.read(path: out + "/review.xlsx")
        let reviewRows = try TableReader.read(path: out + "/review.csv").rowCount
        #expect(untouched.decisions.isEmpty && untouched.undecided == reviewRows)
        #expect(reviewRows >= 2)
        // A verifier accepts the first pair and rejects the second (CSV with the same columns).
        var lines = try String(contentsOfFile: out + "/review.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[1] = "ya" + lines[1]
        lines[2] = "tidak" + lines[2]
        let filled = dir.write("filled.csv", lines.joined(separator: "\n"))
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", filled])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("2 decisions (\(reviewRows - 2) rows undecided): 1 links added, 0 removed"))
        var plain = ReadOptions()
        plain.layout = .plain
        let reviewed = try TableReader.read(path: out + "/links_reviewed.csv", options: plain)
        let links = try TableReader.read(path: out + "/links.csv")
        #expect(reviewed.rowCount == links.rowCount + 1)
    }

    @Test func anUnreadableDecisionNamesItsRow() throws {
        let out = dir.file("hasil")
        _ = try PadanProcess.run(["link", left, right, "--out", out, "--review-threshold", "0.01"])
        var lines = try String(contentsOfFile: out + "/review.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[1] = "mungkin" + lines[1]
        let filled = dir.write("filled.csv", lines.joined(separator: "\n"))
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", filled])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("filled.csv:2: decision 'mungkin' is neither match"))
        #expect(!FileManager.default.fileExists(atPath: out + "/links_reviewed.csv"))
    }
}
