import Foundation
import Testing
@testable import Padan

/// The partitioned path (what the Spark driver does between its three calls, done here by hand
/// over a few partitions) finds the links one machine finds with the same model.
@Suite struct PartitionLinkerTests {
    /// A record: its list and its row in that list.
    struct Ref: Hashable, Comparable {
        var list: Int, row: Int
        static func < (a: Ref, b: Ref) -> Bool { (a.list, a.row) < (b.list, b.row) }
    }

    /// One partitioned run over `tables`, records split `parts` ways in each step; returns every
    /// scored pair at or above the review threshold, by its two records.
    static func partitionedRun(_ tables: [Table], settings: LinkSettings, model: MatchModel, scope: Linker.Scope,
                               parts: Int) throws -> [[Ref]: ScoredPair] {
        let p = try PartitionLinker(settings: settings)
        let (shared, refs, ruleKeys, counts, frequencies) = try counted(tables, settings: settings, parts: parts)
        let total = refs.count
        // Step 3: per rule, the blocks within the bound, each whole in one partition.
        let listOf = refs.map(\.list)
        var earlier: [[UInt64]] = []
        var found: [[Ref]: ScoredPair] = [:]
        for k in settings.blocking.indices {
            var lists: [UInt64: [Int: Int]] = [:]
            for (i, key) in ruleKeys[k].enumerated() where key != 0 { lists[key, default: [:]][listOf[i], default: 0] += 1 }
            func allowed(_ perList: [Int: Int]) -> Int {
                let n = perList.values.reduce(0, +), within = perList.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
                switch scope {
                case .link: return n * (n - 1) / 2 - within
                case .dedupe: return within
                case .linkAndDedupe: return n * (n - 1) / 2
                }
            }
            let size = lists.mapValues(allowed)
            for part in 0 ..< parts {
                let members = (0 ..< total).filter { i in
                    let key = ruleKeys[k][i]
                    guard key != 0, let s = size[key], s > 0, s <= settings.maxBlockPairs else { return false }
                    return Int(key % UInt64(parts)) == part
                }.sorted { refs[$0] < refs[$1] }
                let byList = tables.indices.map { l in members.filter { refs[$0].list == l } }
                let partTables = tables.indices.map { tables[$0].subset(rows: byList[$0].map { refs[$0].row }) }
                let ordered = byList.flatMap { $0 }
                let pairs = try p.pairs(
                    partTables, sharedNIKs: tables.indices.map { l in byList[l].map { shared[l][refs[$0].row] } },
                    counts: counts.map { c in ordered.map { c[$0] } }, frequencies: frequencies, rule: k,
                    earlier: earlier.map { e in ordered.map { e[$0] } }, model: model, scope: scope)
                for pair in pairs {
                    let a = Ref(list: pair.left.list, row: byList[pair.left.list].map { refs[$0].row }[pair.left.row])
                    let b = Ref(list: pair.right.list, row: byList[pair.right.list].map { refs[$0].row }[pair.right.row])
                    #expect(found.updateValue(pair, forKey: [a, b]) == nil, "pair \(a) \(b) found by two rules")
                }
            }
            earlier.append(ruleKeys[k].map { key in key != 0 && (size[key] ?? 0) <= settings.maxBlockPairs ? key : 0 })
        }
        return found
    }

    /// Steps 1 and 2 over `tables`, records split `parts` ways: the shared-NIK flags (per list),
    /// every record (parts in turn), each rule's keys and each frequency kind's counts in that
    /// order, and the counts over all records.
    static func counted(_ tables: [Table], settings: LinkSettings, parts: Int) throws
        -> (shared: [[Bool]], refs: [Ref], ruleKeys: [[UInt64]], counts: [[Int32]], frequencies: PartitionLinker.Frequencies) {
        let p = try PartitionLinker(settings: settings)
        // Step 1: NIK evidence, per part of each list; shared NIKs counted per list.
        var shared: [[Bool]] = []
        for table in tables {
            var nik: [UInt64] = [], bd: [Int32] = [], fn: [UInt64] = []
            for rows in split(table.rowCount, parts) {
                let e = try p.nikEvidence(table.subset(rows: rows))
                nik += e.nik
                bd += e.birthDate
                fn += e.firstName
            }
            // Grouped by NIK as the engine groups them, each group decided by the partitioned
            // path's own test.
            var flags = [Bool](repeating: false, count: table.rowCount)
            let groups = Dictionary(grouping: (0 ..< table.rowCount).filter { nik[$0] != 0 }, by: { nik[$0] })
            for rows in groups.values where rows.count >= PartitionLinker.sharedNIKPeople {
                let ordered = rows.sorted()
                if PartitionLinker.isSharedNIK(birthDates: ordered.map { bd[$0] }, firstNames: ordered.map { fn[$0] }) {
                    for r in rows { flags[r] = true }
                }
            }
            shared.append(flags)
        }
        // Step 2: keys per part, counted over all records.
        var refs: [Ref] = []
        var ruleKeys = [[UInt64]](repeating: [], count: settings.blocking.count)
        var frequencyKeys = [[UInt64]](repeating: [], count: PartitionLinker.frequencyKinds)
        var family: [UInt64] = [], birthDate: [Int32] = [], firstName: [UInt64] = []
        for (l, table) in tables.enumerated() {
            for rows in split(table.rowCount, parts) {
                let k = try p.keys(table.subset(rows: rows), sharedNIKs: rows.map { shared[l][$0] })
                refs += rows.map { Ref(list: l, row: $0) }
                for j in ruleKeys.indices { ruleKeys[j] += k.rules[j] }
                for j in frequencyKeys.indices { frequencyKeys[j] += k.frequency[j] }
                family += k.family
                birthDate += k.birthDate
                firstName += k.firstName
            }
        }
        let total = refs.count
        let counts = frequencyKeys.map { keys -> [Int32] in
            let n = Dictionary(keys.filter { $0 != 0 }.map { ($0, Int32(1)) }, uniquingKeysWith: +)
            return keys.map { $0 == 0 ? 0 : n[$0]! }
        }
        let means = counts.map { c -> Double in
            let present = c.filter { $0 > 0 }
            return present.isEmpty ? 1 : Double(present.reduce(0) { $0 + Int($1) }) / Double(present.count)
        }
        let meanName = counts[0].reduce(0.0) { $0 + Double(Float($1) / Float(total)) } / Double(total)
        var familyPairs = 0, sameDay = 0
        for members in Dictionary(grouping: (0 ..< total).filter { family[$0] != 0 }, by: { family[$0] }).values
        where members.count <= PartitionLinker.familyMaxSize {
            for (a, x) in members.enumerated() {
                for y in members[(a + 1)...] where firstName[x] != firstName[y] {
                    familyPairs += 1
                    if birthDate[x] == birthDate[y] { sameDay += 1 }
                }
            }
        }
        let frequencies = PartitionLinker.Frequencies(total: total, means: means, meanNameFrequency: meanName,
                                                      familyPairs: familyPairs, sameDay: sameDay)
        return (shared, refs, ruleKeys, counts, frequencies)
    }

    /// `count` rows dealt round-robin into `parts` parts (each part's rows in order).
    static func split(_ count: Int, _ parts: Int) -> [[Int]] {
        (0 ..< parts).map { p in Array(stride(from: p, to: count, by: parts)) }
    }

    static func keyed(_ pairs: [ScoredPair]) -> [[Ref]: ScoredPair] {
        Dictionary(uniqueKeysWithValues: pairs.map { ([Ref(list: $0.left.list, row: $0.left.row), Ref(list: $0.right.list, row: $0.right.row)], $0) })
    }

    @Test(arguments: [Linker.Scope.linkAndDedupe, .link, .dedupe])
    func partitionedPairsAreOneMachinesPairs(scope: Linker.Scope) throws {
        let tables = try LinkEndToEndTests.read("synth-2k")
        let settings = LinkSettings.indonesianDefault
        let trained = try Linker(settings: settings).link(tables, scope: scope)
        let whole = try Linker(settings: settings).link(tables, scope: scope, model: trained.model)
        let expected = Self.keyed(whole.links + whole.review)
        let found = try Self.partitionedRun(tables, settings: settings, model: trained.model, scope: scope, parts: 3)
        #expect(!expected.isEmpty)
        #expect(Set(found.keys) == Set(expected.keys), "\(found.count) partitioned, \(expected.count) on one machine")
        for (key, pair) in expected {
            guard let other = found[key] else { continue }
            #expect(abs(other.weight - pair.weight) < 1e-9, "\(key): \(other.weight) vs \(pair.weight)")
            #expect(other.levels == pair.levels && other.rule == pair.rule, "\(key)")
        }
        let linked = found.values.filter { $0.probability >= settings.threshold }.count
        #expect(linked == whole.links.count)
    }

    /// Per list, `counts` (over `refs`' order) of the records `rows` keeps, in the lists' order.
    static func sample(_ tables: [Table], rows: [[Int]], shared: [[Bool]], refs: [Ref], counts: [[Int32]])
        -> (tables: [Table], shared: [[Bool]], counts: [[Int32]]) {
        let at = Dictionary(uniqueKeysWithValues: refs.enumerated().map { ($1, $0) })
        let order = tables.indices.flatMap { l in rows[l].map { at[Ref(list: l, row: $0)]! } }
        return (tables.indices.map { tables[$0].subset(rows: rows[$0]) },
                tables.indices.map { l in rows[l].map { shared[l][$0] } },
                counts.map { c in order.map { c[$0] } })
    }

    @Test(arguments: [Linker.Scope.linkAndDedupe, .dedupe])
    func trainingOnEveryRecordIsOneMachinesModel(scope: Linker.Scope) throws {
        let tables = try LinkEndToEndTests.read("synth-2k")
        let settings = LinkSettings.indonesianDefault
        let whole = try Linker(settings: settings).link(tables, scope: scope)
        let (shared, refs, _, counts, frequencies) = try Self.counted(tables, settings: settings, parts: 3)
        let all = Self.sample(tables, rows: tables.map { Array(0 ..< $0.rowCount) }, shared: shared, refs: refs, counts: counts)
        let model = try PartitionLinker(settings: settings).train(all.tables, sharedNIKs: all.shared, counts: all.counts,
                                                                   frequencies: frequencies, scope: scope)
        #expect(try LinkOutput.json(model) == LinkOutput.json(whole.model))
    }

    @Test func trainingOnASampleScoresAsOneMachinesModel() throws {
        // Half of each list's records, drawn at random: the model scores the whole lists nearly as
        // the one trained on them all (its shares are estimated from a quarter of the pairs).
        let tables = try LinkEndToEndTests.read("synth-2k")
        let settings = LinkSettings.indonesianDefault
        let whole = try Linker(settings: settings).link(tables, scope: .linkAndDedupe)
        let (shared, refs, _, counts, frequencies) = try Self.counted(tables, settings: settings, parts: 2)
        var rng = SplitMix64(seed: 7)
        let rows = tables.map { t in (0 ..< t.rowCount).filter { _ in rng.next() % 2 == 0 } }
        let half = Self.sample(tables, rows: rows, shared: shared, refs: refs, counts: counts)
        let p = try PartitionLinker(settings: settings)
        let model = try p.train(half.tables, sharedNIKs: half.shared, counts: half.counts, frequencies: frequencies, scope: .linkAndDedupe)
        #expect(try LinkOutput.json(model) != LinkOutput.json(whole.model))
        let scored = try Linker(settings: settings).link(tables, scope: .linkAndDedupe, model: model)
        func pairs(_ r: LinkResult) -> Set<[Ref]> {
            Set(r.links.map { [Ref(list: $0.left.list, row: $0.left.row), Ref(list: $0.right.list, row: $0.right.row)] })
        }
        let a = pairs(whole), b = pairs(scored)
        #expect(a.count > 1000)
        #expect(a.symmetricDifference(b).count * 100 <= a.count, "\(a.subtracting(b).count) lost, \(b.subtracting(a).count) added of \(a.count)")
        // Counts that do not cover the sample are refused.
        #expect(throws: PadanError.self) {
            try p.train(half.tables, sharedNIKs: half.shared, counts: half.counts.map { Array($0.dropLast()) },
                        frequencies: frequencies, scope: .linkAndDedupe)
        }
    }

    @Test func refusesWhatAPartitionCannotCount() throws {
        var settings = LinkSettings.indonesianDefault
        settings.oneToOne = true
        #expect { try PartitionLinker(settings: settings) } throws: { ($0 as? PadanError)?.message.contains("one_to_one") ?? false }
    }
}
