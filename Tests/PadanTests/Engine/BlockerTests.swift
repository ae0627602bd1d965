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
}
