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

    /// The id, computed plainly: "C" and 16 hex digits of xxHash3 of the smallest member's
    /// (list name, id) joined by U+001F, smallest as strings compare.
    func referenceID(_ group: [RowRef], _ tables: [Table]) -> String {
        let first = group.map { (tables[$0.list].name, tables[$0.list].id(row: $0.row)) }.min { $0 < $1 }!
        let hex = String(XXH3.hash(Array((first.0 + "\u{1F}" + first.1).utf8)), radix: 16)
        return "C" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Two lists whose names sort against their order ("zona" first, "alpha" second), ids that
    /// sort against row order ("10" before "2x", and the second list's "3" after "10" though its
    /// list sorts first), and a list without an id column (ids are row ordinals).
    @Test func idsAreTheHashOfTheSmallestMemberAcrossLists() throws {
        let dir = TemporaryDirectory()
        let zona = try TableReader.read(path: dir.write("zona.csv", "ID,NAMA\n2x,X\n10,X\nb2,X\nä1,X\n"))
        let alpha = try TableReader.read(path: dir.write("alpha.csv", "NAMA\nX\nX\nX\n"))
        let tables = [zona, alpha]
        func link(_ a: (Int, Int), _ b: (Int, Int), _ w: Double) -> ScoredPair {
            ScoredPair(left: RowRef(list: a.0, row: a.1), right: RowRef(list: b.0, row: b.1), weight: w,
                       probability: MatchModel.probability(weight: w), levels: [], weights: [], rule: "r")
        }
        let links = [link((0, 0), (0, 1), 5), link((0, 1), (1, 2), 4), link((0, 2), (0, 3), 3), link((1, 0), (1, 1), 2)]
        let r = LinkResult(tables: tables, links: links, review: [], model: MatchModel(comparisons: [], lambda: 0.1, warnings: []),
                           blocking: [], candidatePairs: links.count, timings: [], unmatched: [[], []])
        let c = Clusters(result: r)
        #expect(c.members.count == 3)
        #expect(c.ids == c.members.map { referenceID($0, tables) })
    }
}
