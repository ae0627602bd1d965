import Testing
@testable import Padan

@Suite struct BlockerTests {
    // Records 0-2 are list 0, records 3-5 list 1.
    let lists: [UInt16] = [0, 0, 0, 1, 1, 1]

    func pairs(_ rules: [[UInt64]], scope: Blocker.PairScope = .acrossLists, bound: Int = 100, threads: Int = 1)
        -> (CandidatePairs, [BlockingRuleReport])
    {
        let blocker = Blocker(index: PairScopeIndex(listSizes: [3, 3], scope: scope), maxBlockPairs: bound, threads: threads)
        return blocker.pairs(rules: rules.enumerated().map { i, keys in
            Blocker.RuleKeys(name: "r\(i)", keys: keys, describe: { "record \($0)" })
        })
    }

    @Test func laterRulesDoNotRepeatEarlierPairs() {
        let (p, reports) = pairs([
            [7, 8, 0, 7, 8, 9],  // r0: (0,3), (1,4)
            [5, 5, 5, 5, 6, 0],  // r1: (0,3) again, (1,3), (2,3)
        ])
        #expect(zip(p.left, p.right).map { [$0, $1] } == [[0, 3], [1, 4], [1, 3], [2, 3]])
        #expect(p.rule == [0, 0, 1, 1])
        #expect(reports.map(\.pairs) == [2, 2])
        #expect(reports.map(\.pairsIncludingEarlierRules) == [2, 3])
        #expect(reports[1].recordsWithKey == 5)
    }

    @Test func scopes() {
        let keys: [[UInt64]] = [[1, 1, 0, 1, 0, 0]]
        #expect(pairs(keys, scope: .withinLists).0.count == 1)
        #expect(pairs(keys, scope: .acrossLists).0.count == 2)
        #expect(pairs(keys, scope: .all).0.count == 3)
    }

    @Test func oversizedBlocksAreSkippedReportedAndLeftToLaterRules() {
        let (p, reports) = pairs([
            [1, 1, 1, 1, 1, 1],  // 9 cross pairs > bound 4: skipped
            [2, 0, 0, 2, 0, 0],  // (0,3) must still come out, from r1
        ], bound: 4)
        #expect(reports[0].oversizedBlocks == 1)
        #expect(reports[0].oversizedPairs == 9)
        #expect(reports[0].oversizedExamples == ["record 0: 6 records, 9 pairs"])
        #expect(zip(p.left, p.right).map { [$0, $1] } == [[0, 3]])
        #expect(p.rule == [1])
    }

    @Test func sameOutputForAnyThreadCount() {
        var state: UInt64 = 42
        func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1; return state >> 60 }
        let rules = (0 ..< 3).map { _ in (0 ..< 5000).map { _ in next() } }
        func run(_ threads: Int) -> CandidatePairs {
            Blocker(index: PairScopeIndex(listSizes: [2000, 3000], scope: .acrossLists), maxBlockPairs: 1 << 30, threads: threads)
                .pairs(rules: rules.map { .init(name: "r", keys: $0, describe: { _ in "" }) }).0
        }
        let one = run(1), four = run(4)
        #expect(one.left == four.left && one.right == four.right && one.rule == four.rule)
        #expect(one.count > 1000)
    }

    /// An incremental link (pairs with a record of the lists from `firstNewList` on) gives the
    /// pairs of a run over every pair that have such a record, in the same order and with the
    /// same rules, oversized blocks skipped alike: blocks without a new record are never sorted,
    /// but every block with one is whole.
    @Test func anIncrementalLinkGivesTheFullRunsPairsThatTouchNewRecords() {
        var state: UInt64 = 7
        func next(_ range: UInt64) -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return (state >> 33) % range }
        let sizes = [3000, 2000, 400]
        let n = sizes.reduce(0, +)
        // Keys 0 (none) to 299: blocks of a few records; key 1 on many records (an oversized block).
        let rules = (0 ..< 3).map { k in (0 ..< n).map { _ in next(10) == 0 ? 0 : (next(40) == 0 ? 1 : 2 + next(300 + UInt64(k) * 50)) } }
        for scope in [Blocker.PairScope.acrossLists, .withinLists, .all] {
            func run(firstNewList: Int) -> (CandidatePairs, [BlockingRuleReport]) {
                Blocker(index: PairScopeIndex(listSizes: sizes, scope: scope, firstNewList: firstNewList), maxBlockPairs: 2000, threads: 2)
                    .pairs(rules: rules.enumerated().map { .init(name: "r\($0)", keys: $1, describe: { "record \($0)" }) })
            }
            let (full, fullReports) = run(firstNewList: 0)
            let (incremental, reports) = run(firstNewList: 2)
            let firstNew = UInt32(sizes[0] + sizes[1])
            let kept = full.left.indices.filter { max(full.left[$0], full.right[$0]) >= firstNew }
            #expect(!kept.isEmpty && kept.count < full.count)
            #expect(incremental.left == kept.map { full.left[$0] } && incremental.right == kept.map { full.right[$0] })
            #expect(incremental.rule == kept.map { full.rule[$0] })
            #expect(fullReports[0].oversizedBlocks > 0 && reports[0].oversizedBlocks > 0)
            #expect(reports.map(\.recordsWithKey) == fullReports.map(\.recordsWithKey))
        }
    }

    @Test func keysSharedWithNewRecordsAreKeptAndOthersCleared() {
        let keys: [UInt64] = [5, 9, 0, 7, 5, 1 << 40 | 5, 9, 3]
        // Records 0-4 held, 5-7 new (keys 1<<40|5, 9, 3): 5 shares the new key's low bits only.
        #expect(Blocker.keysSharedWithNew(keys, firstNew: 5) == [0, 9, 0, 0, 0, 1 << 40 | 5, 9, 3])
    }
}
