import Foundation
import Padan
import PadanSynth

/// A dense generated corpus linked with the default settings: two lists of 4,000 rows at high
/// noise that hold the whole population of the districts they live in (coverage 1), so that
/// people born the same day in one district, and NIK neighbourhoods of every size, occur.
enum DenseCorpus {
    static func link(seed: UInt64) throws -> LinkResult {
        let dir = NSTemporaryDirectory() + "padan-dense-\(seed)-\(UUID().uuidString)"
        try? FileManager.default.removeItem(atPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try Synthesizer.write(SynthSettings(rows: 4000, overlap: 0.5, dupes: 0.03, seed: seed, noise: .high, coverage: 1),
                                           to: dir, command: "test")
        let tables = try report.lists.map { try TableReader.read(path: dir + "/" + $0.file) }
        return try Linker(settings: .indonesianDefault).link(tables, scope: .link)
    }
}
