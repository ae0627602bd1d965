import Foundation
import Testing
@testable import Padan
import PadanSynth

/// Two records whose NIKs differ only in the serial are one person with a typo or two people born
/// the same day of one sex in one district. The trainer splits the NIK's serial levels by how many
/// records share the first 12 digits (``MatchModel/Comparison/mByPrefixCount``): with the pair
/// alone it is mostly one person, with more records around it mostly neighbours. Before the split
/// a frequency scale clamped to 1/8 ... 8 weighed them nearly alike, and on the medium-noise 200k
/// corpus the links resting on a serial typo expected 42 false links where 15 were.
@Suite struct NIKNeighbourhoodSplitTests {
    @Test func classesCountTheRecordsOfTheNeighbourhood() {
        #expect(MatchModel.neighbourhoodClass(2) == 0)
        #expect(MatchModel.neighbourhoodClass(3) == 1)
        #expect(MatchModel.neighbourhoodClass(5) == 3)
        #expect(MatchModel.neighbourhoodClass(7) == 4)
        #expect(MatchModel.neighbourhoodClass(8) == 5)
        #expect(MatchModel.neighbourhoodClass(19) == 6)
        #expect(MatchModel.neighbourhoodClass(20) == 7)
        #expect(MatchModel.neighbourhoodClass(5000) == 7)
    }

    @Test func aSerialTypoWeighsMoreWhenThePairIsAloneInItsNeighbourhood() throws {
        // Dense: enough people share a birth date and a district for the rates to be measured.
        let result = try DenseCorpus.link(seed: 9311)
        let nik = try #require(result.model.comparisons.firstIndex { $0.name == "nik" })
        let c = result.model.comparisons[nik]
        let serial = try #require(c.levels.firstIndex(of: "one_edit_in_serial"))
        let m = try #require(c.mByPrefixCount, "\(c.uSource)"), u = try #require(c.uByPrefixCount)
        #expect(MatchModel.splitIsWellFormed(c))
        let weights = zip(m[serial], u[serial]).map { Foundation.log2($0 / $1) }
        // The pair alone against a neighbourhood of four records: at least two bits apart.
        #expect(weights[0] > weights[2] + 2, "\(weights)")
        // Levels other than the serial ones are not split.
        #expect(m[try #require(c.levels.firstIndex(of: "exact"))].isEmpty)
        // The classes share out the level's m (the classes with pairs; an empty one adds at most
        // half a pair's worth).
        #expect(m[serial].reduce(0, +) >= c.m[serial] * 0.999, "\(m[serial]) against \(c.m[serial])")

        // Each link at the level carries its class's weight.
        let data = try #require(result.links.first { $0.levels[nik] == serial }, "no link at one_edit_in_serial")
        #expect(weights.contains { abs($0 - data.weights[nik]) < 1e-9 }, "\(data.weights[nik]) not among \(weights)")
    }

    /// One name's tokens all within the other is weighed by the commoner name's frequency, at
    /// most 3 bits (a factor 8) either way from the level's own weight.
    @Test func tokensContainedIsWeighedByTheNamesFrequency() throws {
        let result = try DenseCorpus.link(seed: 9311)
        let n = try #require(result.model.comparisons.firstIndex { $0.name == "name" })
        let c = result.model.comparisons[n]
        let level = try #require(c.levels.firstIndex(of: "tokens_contained"))
        var bases = [Foundation.log2(c.m[level] / c.u[level])]
        if let u = c.uGivenNIKPrefix { bases.append(Foundation.log2(c.m[level] / u[level])) }
        let weights = result.links.filter { $0.levels[n] == level }.map { $0.weights[n] }
        #expect(weights.count >= 5, "\(weights.count) links at tokens_contained")
        for w in weights { #expect(bases.contains { abs(w - $0) <= 3 + 1e-9 }, "\(w) against \(bases)") }
        #expect(weights.contains { w in bases.allSatisfy { abs(w - $0) > 0.01 } }, "\(weights) against \(bases)")
    }

    @Test func aModelFileWithAMalformedSplitIsRefused() throws {
        let dir = NSTemporaryDirectory() + "padan-nik-split-model-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var comparison = MatchModel.Comparison(name: "nik", levels: ["exact", "different"], m: [0.9, 0.1], u: [0.001, 0.999],
                                               mSource: ["test"], uSource: "test")
        comparison.mByPrefixCount = [[], [0.05, 0.05]]
        comparison.uByPrefixCount = [[], [0.5, 0.499]]
        let model = MatchModel(comparisons: [comparison], lambda: 0.01, warnings: [])
        let path = dir + "/model.json"
        try JSONEncoder().encode(model).write(to: URL(fileURLWithPath: path))
        #expect(throws: PadanError.self) { try MatchModel.load(path: path) }

        comparison.mByPrefixCount = [[], [Double](repeating: 0.1 / 8, count: 8)]
        comparison.uByPrefixCount = [[], [Double](repeating: 0.999 / 8, count: 8)]
        try JSONEncoder().encode(MatchModel(comparisons: [comparison], lambda: 0.01, warnings: [])).write(to: URL(fileURLWithPath: path))
        #expect(try MatchModel.load(path: path).comparisons[0].mByPrefixCount?[1].count == 8)
    }
}
