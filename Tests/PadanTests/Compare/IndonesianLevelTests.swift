import Testing
@testable import Padan

/// Every level of the six Indonesian comparisons has a name and an explanation, and real pairs
/// reach it: the candidate pairs of the shipped corpora and random pairs between them.
@Suite struct IndonesianLevelTests {
    @Test func everyLevelIsNamedAndExplainedOnce() {
        for c in Comparison.indonesianPresets {
            let names = c.levels.map(\.name)
            #expect(Set(names).count == names.count, "\(c.name)")
            #expect(c.levels.allSatisfy { !$0.explanation.isEmpty && $0.startingM > 0 && $0.startingM < 1 })
            #expect(abs(c.levels.reduce(0) { $0 + $1.startingM } - 1) < 1e-9, "\(c.name): starting m sums to 1")
        }
    }

    @Test func realPairsReachEveryLevel() throws {
        var seen = [Set<UInt8>](repeating: [], count: Comparison.indonesianPresets.count)
        for corpus in ["synth-10k", "three-lists-2k"] {
            let files = corpus == "synth-10k" ? ["provinsi", "kota"] : ["nasional", "provinsi", "kota"]
            let tables = try files.map { try TableReader.read(path: LinkEndToEndTests.corpus(corpus) + "/\($0).csv") }
            let settings = LinkSettings.indonesianDefault
            let standardized = tables.map { StandardizedTable(table: $0, threads: 2) }
            let data = try CompareData.build(standardized, tables: tables, columns: [], referenceYear: 2025, threads: 2)
            let scope = PairScopeIndex(listSizes: tables.map(\.rowCount), scope: .all)
            let blocked = try Blocker(index: scope, maxBlockPairs: settings.maxBlockPairs, threads: 2)
                .block(settings.blocking, data: data, tables: tables, maxCandidatePairs: settings.maxCandidatePairs)
            let comparer = Comparer(settings.comparisons, data: data)
            let compared = comparer.compare(blocked.pairs, data: data, ruleKeys: blocked.ruleKeys, threads: 2)
            let c = compared.comparisonCount
            for p in 0 ..< blocked.pairs.count {
                for k in 0 ..< c where compared.levels[p * c + k] != ComparisonLevel.null { seen[k].insert(compared.levels[p * c + k]) }
            }
            var rng = SplitMix64(seed: 5)
            var levels = [UInt8](repeating: 0, count: c)
            for _ in 0 ..< 20_000 {
                let a = Int(rng.next() % UInt64(data.records.count)), b = Int(rng.next() % UInt64(data.records.count))
                guard a != b else { continue }
                levels.withUnsafeMutableBufferPointer { _ = comparer.levels(data, a, b, into: $0) }
                for k in 0 ..< c where levels[k] != ComparisonLevel.null { seen[k].insert(levels[k]) }
            }
        }
        for (k, comparison) in Comparison.indonesianPresets.enumerated() {
            let missing = comparison.levels.indices.filter { !seen[k].contains(UInt8($0)) }.map { comparison.levels[$0].name }
            #expect(missing.isEmpty, "\(comparison.name): no pair reached \(missing)")
        }
    }
}
