/// The answer a statistician reports, counted in people (clusters), not in pairs: who is in
/// several lists, who is registered more than once within a list, who is only in one list, and
/// how many pairs an officer should check. The printed summary, `summary.json` and the results
/// workbook all show these same numbers.
public struct ResultHeadline: Codable, Sendable, Equatable {
    /// Per list, in input order.
    public struct PerList: Codable, Sendable, Equatable {
        public var name: String
        /// People (clusters) with at least one record in this list.
        public var people: Int
        /// People with two or more records in this list.
        public var registeredMoreThanOnce: Int
        /// Records of those people in this list.
        public var recordsRegisteredMoreThanOnce: Int
        /// People with records in this list and in no other.
        public var onlyInThisList: Int
    }

    /// People (clusters) in all the lists together.
    public var people: Int
    /// People with records in two or more lists (for two lists: in both).
    public var inSeveralLists: Int
    public var lists: [PerList]
    /// Pairs in the review band.
    public var pairsToCheck: Int
    /// Whether pairs within each list were compared. When `false`, ``PerList/registeredMoreThanOnce``
    /// counts only the doubles that another list's record joined into one cluster.
    public var withinListDoublesSearched: Bool

    /// Counts `clusters` of `result`.
    public init(result: LinkResult, clusters: Clusters) {
        let n = result.tables.count
        var perList = result.tables.map { PerList(name: $0.name, people: 0, registeredMoreThanOnce: 0,
                                                  recordsRegisteredMoreThanOnce: 0, onlyInThisList: 0) }
        var several = 0
        var counts = [Int](repeating: 0, count: n)
        for group in clusters.members {
            for i in counts.indices { counts[i] = 0 }
            for m in group { counts[m.list] += 1 }
            var present = 0, last = 0
            for (list, c) in counts.enumerated() where c > 0 {
                present += 1
                last = list
                perList[list].people += 1
                if c > 1 {
                    perList[list].registeredMoreThanOnce += 1
                    perList[list].recordsRegisteredMoreThanOnce += c
                }
            }
            if present > 1 { several += 1 } else if present == 1 { perList[last].onlyInThisList += 1 }
        }
        people = clusters.members.count
        inSeveralLists = several
        lists = perList
        pairsToCheck = result.review.count
        withinListDoublesSearched = result.scope != .link
    }
}
