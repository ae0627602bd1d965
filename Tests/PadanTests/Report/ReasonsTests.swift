import Testing
@testable import Padan

/// The workbook's reasons pick the three comparisons that moved a pair's weight most in one pass;
/// checked against the plain way, a stable sort by |weight| of the comparisons that count.
@Suite struct ReasonsTests {
    @Test func theOnePassPickIsTheStableSortsFirstThree() {
        var rng = SplitMix64(seed: 11)
        for _ in 0 ..< 5_000 {
            let c = Int(rng.next() % 8)
            // Few distinct weights, both signs, so that ties are common.
            let weights = (0 ..< c).map { _ in Double(Int(rng.next() % 7) - 3) }
            let levels: [Int?] = (0 ..< c).map { _ in rng.next() % 4 == 0 ? nil : 0 }
            let pair = ScoredPair(left: RowRef(list: 0, row: 0), right: RowRef(list: 1, row: 0), weight: 0, probability: 0.5,
                                  levels: levels, weights: weights, rule: "r")
            var counted = weights.indices.filter { levels[$0] != nil }
            // Insertion sort: stable, obviously.
            for i in counted.indices.dropFirst() {
                var j = i
                while j > 0 && abs(weights[counted[j]]) > abs(weights[counted[j - 1]]) {
                    counted.swapAt(j, j - 1)
                    j -= 1
                }
            }
            let (count, top) = ResultWorkbook.Reasons.strongest(pair)
            #expect(Array([top.0, top.1, top.2].prefix(count)) == Array(counted.prefix(3)), "\(weights) \(levels)")
        }
    }
}
