/// Person ids for the clusters of a register after an addition, keeping every existing id.
///
/// Each cluster of records is one person. A person who existed before keeps their id in the
/// cluster that holds most of their records (ties: the cluster with their first record). A
/// cluster that holds the records of several earlier people is a **merge**: it keeps the
/// smallest (oldest) id and the others are recorded as merged into it. Records of an earlier
/// person left in a cluster that does not keep their id are a **split**: that cluster gets a new
/// id, recorded with where its records came from. A cluster of new records only is a new person.
/// No id is reused and none changes otherwise.
struct PersonAssignment: Equatable {
    /// The person id of each record (all records, in the order given).
    var person: [Int64]
    /// Ids merged away: `merged` is now part of `into`.
    var merges: [Merge]
    /// Records of an earlier person that became (part of) a new person.
    var splits: [Split]
    /// New people: clusters without any earlier person's id.
    var created: [Int64]
    /// The next unused id.
    var nextID: Int64

    struct Merge: Equatable {
        var merged: Int64
        var into: Int64
    }

    struct Split: Equatable {
        var from: Int64
        var to: Int64
        var records: Int
    }

    /// `cluster[r]`: record r's cluster (0 ..< clusterCount); `previous[r]`: its person id before
    /// the addition, 0 for a new record; `nextID`: the first id not used yet.
    init(cluster: [Int], clusterCount: Int, previous: [Int64], nextID: Int64) {
        precondition(cluster.count == previous.count)
        precondition(previous.allSatisfy { $0 >= 0 && $0 < nextID })
        // Ids are dense (1 ..< nextID), so arrays indexed by id: most earlier people have all
        // their records in one cluster, and only those spread over several are counted apart.
        let ids = Int(nextID)
        var firstCluster = [Int](repeating: -1, count: ids)
        var spread = [Bool](repeating: false, count: ids)
        for r in cluster.indices where previous[r] != 0 {
            let id = Int(previous[r])
            if firstCluster[id] < 0 { firstCluster[id] = cluster[r] } else if firstCluster[id] != cluster[r] { spread[id] = true }
        }
        var owner = firstCluster
        var counts: [Int: [Int: Int]] = [:]
        for r in cluster.indices where previous[r] != 0 && spread[Int(previous[r])] {
            counts[Int(previous[r]), default: [:]][cluster[r], default: 0] += 1
        }
        for (id, perCluster) in counts {
            let first = firstCluster[id]
            owner[id] = perCluster.max { a, b in
                if a.value != b.value { return a.value < b.value }
                // Equal counts: the first record's cluster wins, then the lower cluster number.
                if (a.key == first) != (b.key == first) { return b.key == first }
                return a.key > b.key
            }!.key
        }
        // Ids in ascending order: the first to claim a cluster is its smallest, later ones merge into it.
        var idOfCluster = [Int64](repeating: 0, count: clusterCount)
        var mergedInto = [Int64](repeating: 0, count: ids)
        var merges: [Merge] = [], created: [Int64] = []
        for id in 1 ..< max(ids, 1) where owner[id] >= 0 {
            let c = owner[id]
            if idOfCluster[c] == 0 {
                idOfCluster[c] = Int64(id)
            } else {
                merges.append(Merge(merged: Int64(id), into: idOfCluster[c]))
                mergedInto[id] = idOfCluster[c]
            }
        }
        var next = nextID
        for c in 0 ..< clusterCount where idOfCluster[c] == 0 {
            idOfCluster[c] = next
            created.append(next)
            next += 1
        }
        var moved: [Int64: [Int64: Int]] = [:]  // to → from → records
        var person = [Int64](repeating: 0, count: cluster.count)
        for r in cluster.indices {
            let id = idOfCluster[cluster[r]]
            person[r] = id
            let before = previous[r]
            if before != 0 && before != id && mergedInto[Int(before)] != id {
                moved[id, default: [:]][before, default: 0] += 1
            }
        }
        var splits: [Split] = []
        for (to, froms) in moved {
            for (from, n) in froms { splits.append(Split(from: from, to: to, records: n)) }
        }
        splits.sort { ($0.to, $0.from) < ($1.to, $1.from) }
        merges.sort { ($0.into, $0.merged) < ($1.into, $1.merged) }
        self.person = person
        self.merges = merges
        self.splits = splits
        self.created = created
        self.nextID = next
    }
}
