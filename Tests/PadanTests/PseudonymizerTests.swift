import Foundation
import Testing
@testable import Padan

@Suite struct PseudonymizerTests {
    @Test func sameDigitsSamePseudonymAndTheKeyMatters() throws {
        let p = try Pseudonymizer(key: Array("kunci-rahasia-kantor-2026".utf8))
        let a = p.pseudonym(Array("3273014101800003".utf8)), b = p.pseudonym(Array("'3273 0141 0180 0003".utf8))
        #expect(a == b)
        #expect(a.hasPrefix("P") && a.count == 21)
        #expect(a != p.pseudonym(Array("3273014101800004".utf8)))
        let other = try Pseudonymizer(key: Array("kunci-lain-kantor-lain".utf8))
        #expect(other.pseudonym(Array("3273014101800003".utf8)) != a)
        #expect(p.pseudonym(Array("".utf8)) == "")
    }

    @Test func aShortKeyIsRefused() {
        #expect(throws: PadanError.self) { try Pseudonymizer(key: Array("pendek".utf8)) }
    }

    @Test func outputsCarryNoNIKOrKK() throws {
        let dir = TemporaryDirectory()
        let key = dir.write("kunci.txt", "kunci-rahasia-kantor-2026\n")
        let left = repositoryRoot + "/corpora/synth-2k/provinsi.csv", right = repositoryRoot + "/corpora/synth-2k/kota.csv"
        let out = dir.file("hasil")
        let r = try PadanProcess.run(["link", left, right, "--out", out, "--pseudonym-key-file", key])
        #expect(r.status == 0, "\(r.stderr)")
        let niks = try TableReader.read(path: left).column(.nik)!
        let sample = (0 ..< 50).map { niks.string($0) }.filter { $0.count == 16 }
        for file in ["unmatched_provinsi.csv", "unmatched_kota.csv", "review.csv", "rejected.csv", "links.csv", "clusters.csv"] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            for nik in sample { #expect(!text.contains(nik), "\(file) carries \(nik)") }
        }
        // The workbook's sheets too.
        var plain = ReadOptions()
        plain.layout = .plain
        plain.mapping.guess = false
        plain.requireRows = false
        for sheet in ["Di kedua daftar", "Terdaftar ganda", "Hanya di provinsi", "Perlu diperiksa"] {
            plain.sheet = sheet
            let t = try TableReader.read(path: out + "/hasil.xlsx", options: plain)
            let cells = t.columns.flatMap { c in (0 ..< t.rowCount).map { c.string($0) } }
            for nik in sample { #expect(!cells.contains(nik), "hasil.xlsx \(sheet) carries \(nik)") }
        }
        let unmatched = try TableReader.read(path: out + "/unmatched_provinsi.csv")
        #expect(unmatched.column(.nik)?.string(0).hasPrefix("P") == true || unmatched.column(.nik)?.string(0) == "")
        // Through the environment, never a command-line argument.
        var environment = ProcessInfo.processInfo.environment
        environment["PADAN_PSEUDONYM_KEY"] = nil
        let missing = try PadanProcess.run(["link", left, right, "--out", dir.file("x"), "--pseudonymize"], environment: environment)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("PADAN_PSEUDONYM_KEY"))
        environment["PADAN_PSEUDONYM_KEY"] = "kunci-rahasia-kantor-2026"
        let viaEnv = try PadanProcess.run(["link", left, right, "--out", dir.file("y"), "--pseudonymize"], environment: environment)
        #expect(viaEnv.status == 0, "\(viaEnv.stderr)")
        #expect(FileManager.default.contents(atPath: dir.file("y/unmatched_provinsi.csv")) == FileManager.default.contents(atPath: out + "/unmatched_provinsi.csv"))
    }
}
