import Foundation
import Testing
import ZIPFoundation
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

    /// A review sheet of more than 10,000 rows (about 40 MB of sheet XML, where the old reader
    /// stopped at 10 MB), written by `padan link`, filled in as a workbook and read back.
    @Test func aReviewSheetOfTenThousandRowsGoesRoundTrip() throws {
        let corpus = dir.file("corpus"), out = dir.file("hasil")
        let synth = try PadanProcess.run(["synth", "--rows", "15000", "--overlap", "0.6", "--seed", "3", "--out", corpus])
        #expect(synth.status == 0, "\(synth.stderr)")
        // Every candidate pair to review: nothing is linked without a verifier.
        let run = try PadanProcess.run(["link", corpus + "/provinsi.csv", corpus + "/kota.csv", "--out", out,
                                        "--threshold", "1", "--review-threshold", "0.000000001"])
        #expect(run.status == 0, "\(run.stderr)")
        let reviewRows = try TableReader.read(path: out + "/review.csv").rowCount
        #expect(reviewRows > 10_000)
        // The verifier accepts the pairs on sheet rows 2 and 3, in the workbook itself.
        let url = URL(fileURLWithPath: out + "/review.xlsx")
        let archive = try Archive(url: url, accessMode: .update)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        #expect(entry.uncompressedSize > 10_000_000)
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        var text = String(decoding: xml, as: UTF8.self)
        for row in [2, 3] {
            let open = "<row r=\"\(row)\">"
            #expect(text.contains(open + "<c r=\"B\(row)\""), "row \(row) has no empty decision cell")
            text = text.replacingOccurrences(of: open, with: open + "<c r=\"A\(row)\" t=\"inlineStr\"><is><t>ya</t></is></c>")
        }
        try archive.remove(entry)
        let filled = Data(text.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(filled.count),
                             compressionMethod: .deflate) { position, size in
            filled.subdata(in: Int(position) ..< Int(position) + size)
        }
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", out + "/review.xlsx"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("2 decisions (\(reviewRows - 2) rows undecided): 2 links added, 0 removed"), "\(apply.stdout)")
        var plain = ReadOptions()
        plain.layout = .plain
        #expect(try TableReader.read(path: out + "/links_reviewed.csv", options: plain).rowCount == 2)
    }
}
