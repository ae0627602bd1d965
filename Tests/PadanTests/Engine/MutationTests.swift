import Foundation
import Testing
@testable import Padan

/// Random mutations of the shipped corpus files, linked: every run ends in a result whose
/// accounting holds, or in a `PadanError`; never a crash.
@Suite struct MutationTests {
    static func head(_ name: String, lines: Int) throws -> [UInt8] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/corpora/synth-2k/" + name))
        var count = 0
        var end = data.count
        for (i, b) in data.enumerated() where b == 10 {
            count += 1
            if count == lines { end = i + 1; break }
        }
        return Array(data[..<end])
    }

    /// One of: flip a byte, insert a troublesome byte (quote, delimiters, line break, NUL,
    /// invalid UTF-8), delete a run, duplicate a run, truncate.
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let edits = 1 + Int(rng.next() % 4)
        let specials: [UInt8] = [34, 44, 59, 9, 10, 13, 0, 0xFF, 0xC3, 0x92, 61, 45, 32]
        for _ in 0 ..< edits where !bytes.isEmpty {
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.insert(specials[Int(rng.next() % UInt64(specials.count))], at: at)
            case 2: bytes.removeSubrange(at ..< min(bytes.count, at + 1 + Int(rng.next() % 40)))
            case 3:
                let run = Array(bytes[at ..< min(bytes.count, at + 1 + Int(rng.next() % 200))])
                bytes.insert(contentsOf: run, at: Int(rng.next() % UInt64(bytes.count)))
            case 4: bytes.removeSubrange(at...)
            default: bytes[at] = specials[Int(rng.next() % UInt64(specials.count))]
            }
        }
        return bytes
    }

    @Test func aThousandMutationsEndInAResultOrAClearError() throws {
        let left = try Self.head("provinsi.csv", lines: 40), right = try Self.head("kota.csv", lines: 40)
        let dir = TemporaryDirectory()
        var settings = LinkSettings.indonesianDefault
        settings.uSamplePairs = 1000
        settings.threads = 2
        var rng = SplitMix64(seed: 2026)
        var results = 0, errors = 0
        for i in 0 ..< 1000 {
            let a = dir.write("provinsi.csv", i % 2 == 0 ? Self.mutate(left, &rng) : left)
            let b = dir.write("kota.csv", i % 2 == 1 ? Self.mutate(right, &rng) : Self.mutate(right, &rng))
            do {
                let tables = [try TableReader.read(path: a), try TableReader.read(path: b)]
                let result = try Linker(settings: settings).link(tables)
                let summary = LinkSummary(result: result, settings: settings, clusters: Clusters(result: result))
                #expect(summary.accountingHolds, "mutation \(i)")
                results += 1
            } catch let error as PadanError {
                #expect(!error.message.isEmpty)
                errors += 1
            }
        }
        #expect(results + errors == 1000)
        #expect(results > 100 && errors > 0, "results \(results), errors \(errors)")
    }

    @Test func theCommandExitsCleanlyOnMutatedInput() throws {
        let left = try Self.head("provinsi.csv", lines: 40), right = try Self.head("kota.csv", lines: 40)
        let dir = TemporaryDirectory()
        var rng = SplitMix64(seed: 7)
        for i in 0 ..< 15 {
            let a = dir.write("provinsi.csv", Self.mutate(left, &rng)), b = dir.write("kota.csv", Self.mutate(right, &rng))
            let r = try PadanProcess.run(["link", a, b, "--out", dir.file("out\(i)")])
            // 0: a result; 1: bad input with a message. Never a signal (a crash) or exit 2.
            #expect(r.status == 0 || (r.status == 1 && r.stderr.hasPrefix("padan: ")), "mutation \(i): \(r.status) \(r.stderr)")
        }
    }
}
