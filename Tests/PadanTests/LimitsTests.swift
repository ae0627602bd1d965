import Foundation
import Testing
@testable import Padan

/// Every limit ends in a clear error instead of exhausting memory or time.
@Suite struct LimitsTests {
    let dir = TemporaryDirectory()

    @Test func tooManyColumns() {
        let file = dir.write("wide.csv", "A,B,C,D\n1,2,3,4\n")
        #expect(throws: PadanError(.limit, file: file, line: 1, "the header has 4 columns, over the limit of 3")) {
            try TableReader.read(path: file, options: ReadOptions(maxColumns: 3))
        }
    }

    @Test func tooManyRowsExitsWithTwo() throws {
        let file = dir.write("long.csv", "NAMA\nA\nB\nC\n")
        let r = try PadanProcess.run(["inspect", file, "--max-rows", "2"])
        #expect(r.status == 2)
        #expect(r.stderr == "padan: \(file):4: more than 2 data rows (raise the limit with --max-rows)\n")
    }

    @Test func tooManyCandidatePairsNamesTheRule() throws {
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: repositoryRoot + "/corpora/synth-2k/" + $0) }
        var settings = LinkSettings.indonesianDefault
        settings.maxCandidatePairs = 100
        do {
            _ = try Linker(settings: settings).link(tables)
            Issue.record("no error")
        } catch let error as PadanError {
            #expect(error.kind == .limit)
            #expect(error.message.contains("over the limit of 100; rule 'nik_prefix12' produced"))
        }
    }

    @Test func oversizedFieldsAreRejectedRowsNotMemory() throws {
        let file = dir.write("big.csv", "NAMA,ALAMAT\nA," + String(repeating: "X", count: 5000) + "\nB,C\n")
        let t = try TableReader.read(path: file, options: ReadOptions(maxFieldBytes: 1000))
        #expect(t.rowCount == 1 && t.rejected.count == 1)
    }
}
