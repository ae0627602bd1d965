import Foundation
import Testing
import ZIPFoundation
@testable import Padan

@Suite struct ReviewCommandTests {
    let dir = TemporaryDirectory()
    let left = repositoryRoot + "/corpora/synth-2k/provinsi.csv"
    let right = repositoryRoot + "/corpora/synth-2k/kota.csv"

    /// Reads a result's CSV as plain rows (no header guessing).
    func rows(_ path: String) throws -> Table {
        var plain = ReadOptions()
        plain.layout = .plain
        plain.mapping.guess = false
        plain.requireRows = false
        return try TableReader.read(path: path, options: plain)
    }

    func column(_ t: Table, _ name: String) -> [String] {
        let c = t.columnNames.firstIndex(of: name)!
        return (0 ..< t.rowCount).map { t.columns[c].string($0) }
    }

    func summary(_ out: String) throws -> LinkSummary {
        try JSONDecoder().decode(LinkSummary.self, from: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
    }

    /// `review.csv` with `decisions` written into the first rows' decision cells.
    func filled(_ out: String, _ decisions: [String], name: String = "filled.csv", edit: (inout [String]) -> Void = { _ in }) throws -> String {
        var lines = try String(contentsOfFile: out + "/review.csv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, d) in decisions.enumerated() { lines[i + 1] = d + lines[i + 1] }
        edit(&lines)
        return dir.write(name, lines.joined(separator: "\n"))
    }

    @Test func decisionsRewriteLinksClustersAndUnmatchedFilesTogether() throws {
        let out = dir.file("hasil")
        let run = try PadanProcess.run(["link", left, right, "--out", out, "--review-threshold", "0.01", "--no-dedupe"])
        #expect(run.status == 0, "\(run.stderr)")
        // The workbook reads back with every row undecided, and carries the result's fingerprint.
        let untouched = try ReviewDecisions.read(path: out + "/review.xlsx")
        let before = try summary(out)
        let review = try rows(out + "/review.csv")
        #expect(untouched.decisions.isEmpty && untouched.undecided == review.rowCount)
        #expect(untouched.fingerprint == before.fingerprint && before.fingerprint != nil)
        #expect(review.rowCount >= 2)
        let accepted = (column(review, "left_id")[0], column(review, "right_id")[0])
        let rejected = (column(review, "left_id")[1], column(review, "right_id")[1])
        // An officer accepts the first pair and rejects the second, in the words people use.
        let sheet = try filled(out, ["sesuai", "tidak sesuai"])
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", sheet])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("2 decisions"), "\(apply.stdout)")
        let after = try summary(out)
        #expect(after.revision == 2 && after.reviewDecisionsApplied == 2 && after.fingerprint == before.fingerprint)
        #expect(after.links == before.links + 1 && after.review == before.review - 2)
        #expect(after.headline?.pairsToCheck == before.review - 2)
        // links.csv has the accepted pair and not the rejected one.
        let links = try rows(out + "/links.csv")
        let pairs = Set(zip(column(links, "left_id"), column(links, "right_id")).map { "\($0)|\($1)" })
        #expect(pairs.contains("\(accepted.0)|\(accepted.1)") && !pairs.contains("\(rejected.0)|\(rejected.1)"))
        // The accepted pair's records share a cluster now, and are no longer unmatched.
        let clusters = try rows(out + "/clusters.csv")
        var clusterOf: [String: String] = [:]
        for (source, (id, cluster)) in zip(column(clusters, "source"), zip(column(clusters, "id"), column(clusters, "cluster_id"))) {
            clusterOf[source + ":" + id] = cluster
        }
        #expect(clusterOf["provinsi:" + accepted.0] == clusterOf["kota:" + accepted.1])
        let unmatchedLeft = Set(column(try rows(out + "/unmatched_provinsi.csv"), "NO"))
        #expect(!unmatchedLeft.contains(accepted.0))
        let counts = after.lists.map { $0.unmatched }
        #expect(counts[0] == unmatchedLeft.count)
        // The review sheets no longer offer the decided pairs; decisions.csv keeps them.
        let reviewAfter = try rows(out + "/review.csv")
        #expect(reviewAfter.rowCount == review.rowCount - 2)
        #expect(try rows(out + "/decisions.csv").rowCount == 2)
        #expect(try ReviewDecisions.read(path: out + "/hasil.xlsx").undecided == review.rowCount - 2)
    }

    @Test func aSheetFromAnotherResultIsRefusedAndNothingChanges() throws {
        let out = dir.file("hasil"), other = dir.file("lain")
        #expect(try PadanProcess.run(["link", left, right, "--out", out, "--review-threshold", "0.01"]).status == 0)
        #expect(try PadanProcess.run(["link", left, right, "--out", other, "--review-threshold", "0.05", "--threshold", "0.9"]).status == 0)
        let sheet = try filled(other, ["ya"])
        let linksBefore = try Data(contentsOf: URL(fileURLWithPath: out + "/links.csv"))
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", sheet])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("filled.csv: the sheet is from another result"), "\(apply.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/links.csv")) == linksBefore)
        #expect(try summary(out).revision == 1)
    }

    @Test func anUnknownIdIsRefusedWithItsLine() throws {
        let out = dir.file("hasil")
        #expect(try PadanProcess.run(["link", left, right, "--out", out, "--review-threshold", "0.01"]).status == 0)
        let sheet = try filled(out, ["sesuai", "bukan"]) { lines in
            // The second row's left id, changed to one no list has.
            var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[2] = "TIDAK-ADA-99"
            lines[2] = fields.joined(separator: ",")
        }
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", sheet])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("filled.csv:3: id 'TIDAK-ADA-99' is not in list"), "\(apply.stderr)")
        #expect(try summary(out).revision == 1)
    }

    @Test func anUnreadableDecisionNamesItsRow() throws {
        let out = dir.file("hasil")
        _ = try PadanProcess.run(["link", left, right, "--out", out, "--review-threshold", "0.01"])
        let sheet = try filled(out, ["mungkin"])
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", sheet])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("filled.csv:2: decision 'mungkin' is neither a match"), "\(apply.stderr)")
        #expect(try summary(out).revision == 1)
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
        // Rows are written in order; each data row starts with its empty decision cell, <c/>.
        var sheetRows = text.components(separatedBy: "<row>")
        for row in [2, 3] {
            #expect(sheetRows[row].hasPrefix("<c/>"), "row \(row) has no empty decision cell")
            sheetRows[row] = "<c t=\"inlineStr\"><is><t>ya</t></is></c>" + sheetRows[row].dropFirst(4)
        }
        text = sheetRows.joined(separator: "<row>")
        try archive.remove(entry)
        let filled = Data(text.utf8)
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(filled.count),
                             compressionMethod: .deflate) { position, size in
            filled.subdata(in: Int(position) ..< Int(position) + size)
        }
        let apply = try PadanProcess.run(["apply-review", "--result", out, "--review", out + "/review.xlsx"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("2 decisions from"), "\(apply.stdout)")
        #expect(try rows(out + "/links.csv").rowCount == 2)
        #expect(try summary(out).revision == 2)
    }
}
