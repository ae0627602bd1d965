import Testing
@testable import Padan

/// The rules by which a register keeps person ids across an addition.
@Suite struct PersonAssignmentTests {
    @Test func newClustersGetNewIdsInClusterOrder() {
        let a = PersonAssignment(cluster: [0, 1, 1, 2], clusterCount: 3, previous: [0, 0, 0, 0], nextID: 10)
        #expect(a.person == [10, 11, 11, 12])
        #expect(a.created == [10, 11, 12] && a.nextID == 13)
        #expect(a.merges.isEmpty && a.splits.isEmpty)
    }

    @Test func earlierPeopleKeepTheirIdsWhenNewRecordsJoinThem() {
        // Records 0-1 were person 5, record 2 person 3; new records 3 and 4 join them, record 5 is new.
        let a = PersonAssignment(cluster: [1, 1, 0, 0, 1, 2], clusterCount: 3, previous: [5, 5, 3, 0, 0, 0], nextID: 6)
        #expect(a.person == [5, 5, 3, 3, 5, 6])
        #expect(a.created == [6] && a.merges.isEmpty && a.splits.isEmpty)
    }

    @Test func aClusterOfSeveralEarlierPeopleKeepsTheOldestIdAndRecordsTheMerge() {
        let a = PersonAssignment(cluster: [0, 0, 0, 0], clusterCount: 1, previous: [7, 4, 9, 0], nextID: 10)
        #expect(a.person == [4, 4, 4, 4])
        #expect(a.merges == [.init(merged: 7, into: 4), .init(merged: 9, into: 4)])
        #expect(a.splits.isEmpty && a.created.isEmpty && a.nextID == 10)
    }

    @Test func aPersonSplitKeepsTheIdWhereMostRecordsAreAndRecordsTheRest() {
        // Person 2 had records 0, 1, 2; now 1 and 2 are together and 0 is alone.
        let a = PersonAssignment(cluster: [0, 1, 1], clusterCount: 2, previous: [2, 2, 2], nextID: 3)
        #expect(a.person == [3, 2, 2])
        #expect(a.splits == [.init(from: 2, to: 3, records: 1)])
        #expect(a.created == [3] && a.merges.isEmpty)
    }

    @Test func anEvenSplitKeepsTheIdWithTheFirstRecord() {
        let a = PersonAssignment(cluster: [1, 0, 1, 0], clusterCount: 2, previous: [8, 8, 8, 8], nextID: 9)
        #expect(a.person == [8, 9, 8, 9])
        #expect(a.splits == [.init(from: 8, to: 9, records: 2)])
    }

    @Test func recordsMovedToAnotherEarlierPersonAreASplitToThatPerson() {
        // Person 1 (records 0, 1, 2) loses record 2 to person 4 (record 3).
        let a = PersonAssignment(cluster: [0, 0, 1, 1], clusterCount: 2, previous: [1, 1, 1, 4], nextID: 5)
        #expect(a.person == [1, 1, 4, 4])
        #expect(a.splits == [.init(from: 1, to: 4, records: 1)])
        #expect(a.created.isEmpty && a.merges.isEmpty)
    }

    /// Against a plain restatement of the rules on random clusterings: every earlier id either
    /// survives in the cluster holding most of its records, or is merged into the smallest id of
    /// that cluster; no id is given twice; new ids start at nextID.
    @Test func randomClusteringsFollowTheRules() {
        var rng = SplitMix64(seed: 42)
        for _ in 0 ..< 300 {
            let n = Int(rng.next() % 30) + 1, k = Int(rng.next() % UInt64(n)) + 1
            let cluster = (0 ..< n).map { _ in Int(rng.next() % UInt64(k)) }
            let previous = (0 ..< n).map { _ in rng.next() % 3 == 0 ? Int64(0) : Int64(rng.next() % 6) + 1 }
            let a = PersonAssignment(cluster: cluster, clusterCount: k, previous: previous, nextID: 100)
            // One id per cluster, different clusters different ids.
            var idOf: [Int: Int64] = [:]
            for r in 0 ..< n {
                if let id = idOf[cluster[r]] { #expect(id == a.person[r]) } else { idOf[cluster[r]] = a.person[r] }
            }
            #expect(Set(idOf.values).count == idOf.count)
            for id in Set(previous) where id != 0 {
                let rows = (0 ..< n).filter { previous[$0] == id }
                let counts = Dictionary(grouping: rows, by: { cluster[$0] }).mapValues(\.count)
                let most = counts.values.max()!
                let owner = counts.keys.filter { counts[$0] == most }.sorted { a, b in
                    (a == cluster[rows[0]]) != (b == cluster[rows[0]]) ? a == cluster[rows[0]] : a < b
                }[0]
                let survivor = idOf[owner]!
                if survivor == id {
                    #expect(!a.merges.contains { $0.merged == id })
                } else {
                    #expect(a.merges.contains(.init(merged: id, into: survivor)), "\(id) in \(cluster) \(previous)")
                    #expect(survivor < id)
                }
            }
            #expect(a.created.allSatisfy { $0 >= 100 } && a.created == Array(100 ..< a.nextID))
        }
    }
}
