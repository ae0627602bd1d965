import Foundation
import Testing
@testable import Padan

@Suite struct ConfigAndDedupeCommandTests {
    let dir = TemporaryDirectory()

    @Test func printedDefaultReadsBackAsTheDefault() throws {
        let printed = try PadanProcess.run(["config", "--print-default"])
        #expect(printed.status == 0)
        let file = dir.write("default.yaml", printed.stdout)
        #expect(try Configuration.load(path: file) == Configuration())
        let check = try PadanProcess.run(["config", "--check", file])
        #expect(check.status == 0 && check.stdout == "\(file): ok\n")
        let bad = dir.write("bad.yaml", "link:\n  threshold: 2\n")
        let refused = try PadanProcess.run(["config", "--check", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.yaml:2: link.threshold: 2.0 is out of range"))
    }

    @Test func printedGenericPresetReadsBackAsThePreset() throws {
        let printed = try PadanProcess.run(["config", "--print-default", "--preset", "generic"])
        #expect(printed.status == 0)
        let file = dir.write("generic.yaml", printed.stdout)
        #expect(try Configuration.load(path: file).link == LinkSettings.generic)
        let unknown = try PadanProcess.run(["config", "--print-default", "--preset", "atlantis"])
        #expect(unknown.status != 0 && unknown.stderr.contains("unknown preset 'atlantis'"))
    }

    @Test func dedupeWritesOneUnmatchedFilePerList() throws {
        let list = repositoryRoot + "/corpora/synth-2k/provinsi.csv"
        let out = dir.file("ganda")
        let r = try PadanProcess.run(["dedupe", list, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Orang terdaftar lebih dari sekali di provinsi "), "\(r.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.contains("unmatched_provinsi.csv") && files.contains("clusters.csv"))
        let links = try TableReader.read(path: out + "/links.csv")
        #expect(links.rowCount > 0)
    }
}
