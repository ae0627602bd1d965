/// Which pairs are allowed, with counts, for sampling and the prior.
struct PairScopeIndex: Sendable {
    let listOf: [UInt16]
    let listSizes: [Int]
    let scope: Blocker.PairScope
    /// The first record that is new: a pair is allowed only when one of its records is at or after
    /// it (0: every pair). A register links an added list to its records this way, without pairing
    /// the records it holds again.
    let firstNew: Int

    init(listSizes: [Int], scope: Blocker.PairScope, firstNewList: Int = 0) {
        self.listSizes = listSizes
        self.scope = scope
        self.firstNew = listSizes.prefix(firstNewList).reduce(0, +)
        var listOf: [UInt16] = []
        listOf.reserveCapacity(listSizes.reduce(0, +))
        for (i, n) in listSizes.enumerated() { listOf += [UInt16](repeating: UInt16(i), count: n) }
        self.listOf = listOf
    }

    /// The pairs this scope allows among records counted per list (`perList[l]` records of list
    /// `l`: a subset of each list's records, those with a NIK say).
    func allowedPairs(perList: [Double]) -> Double {
        let all = perList.reduce(0, +), squares = perList.reduce(0) { $0 + $1 * $1 }
        switch scope {
        case .acrossLists: return (all * all - squares) / 2
        case .withinLists: return (squares - all) / 2
        case .all: return all * (all - 1) / 2
        }
    }

    @inline(__always) func allowed(_ a: Int, _ b: Int) -> Bool {
        if max(a, b) < firstNew { return false }
        switch scope {
        case .acrossLists: return listOf[a] != listOf[b]
        case .withinLists: return listOf[a] == listOf[b]
        case .all: return true
        }
    }

    /// Allowed pairs of records from two lists, and from one list.
    var acrossPairs: Int { scope == .withinLists ? 0 : listSizes.reduce(0, +) * (listSizes.reduce(0, +) - 1) / 2 - withinAll }
    var withinPairs: Int { scope == .acrossLists ? 0 : withinAll }
    private var withinAll: Int { listSizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 } }

    /// The number of allowed pairs.
    var totalPairs: Int {
        let n = listSizes.reduce(0, +)
        let within = listSizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        switch scope {
        case .acrossLists: return n * (n - 1) / 2 - within
        case .withinLists: return within
        case .all: return n * (n - 1) / 2
        }
    }
}
