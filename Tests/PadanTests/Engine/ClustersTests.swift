import Testing
@testable import Padan

@Suite struct ClustersTests {
    func result(_ links: [(Int, Int, Double)]) throws -> LinkResult {
        let dir = TemporaryDirectory()
        let table = try TableReader.read(path: dir.write("daftar.csv", "ID,NAMA\nA,X\nB,X\nC,X\nD,X\nE,X\n"))
        let pairs = links.map { a, b, w in
            ScoredPair(left: RowRef(list: 0, row: a), right: RowRef(list: 0, row: b), weight: w,
                       probability: MatchModel.probability(weight: w), levels: [], weights: [], rule: "r")
        }
        return LinkResult(tables: [table], links: pairs, review: [], model: MatchModel(comparisons: [], lambda: 0.1, warnings: []),
                          blocking: [], candidatePairs: pairs.count, timings: [], unmatched: [[]])
    }

    @Test func componentsWithStableIDs() throws {
        let r = try result([(0, 1, 5), (1, 2, 4)])
        let c = Clusters(result: r)
        #expect(c.members.map { $0.map(\.row) } == [[0, 1, 2], [3], [4]])
        // The id depends on the members only: the same links in another order give the same ids.
        let again = Clusters(result: try result([(1, 2, 4), (0, 1, 5)]))
        #expect(again.ids == c.ids)
        #expect(Set(c.ids).count == 3)
    }

    @Test func aChainOfWeakLinksIsCutAtItsWeakestLinkAboveTheBound() throws {
        let r = try result([(0, 1, 10), (1, 2, 1), (2, 3, 9)])
        let c = Clusters(result: r, maxSize: 2)
        #expect(c.members.map { $0.map(\.row) } == [[0, 1], [2, 3], [4]])
        #expect(c.refusedLinks.map { [$0.left.row, $0.right.row] } == [[1, 2]])
    }
}
