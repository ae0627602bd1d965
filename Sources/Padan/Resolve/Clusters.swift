/// Records grouped into people: connected components of the links, with a guard against chains.
///
/// Links are joined strongest first (union-find). A join that would make a group larger than
/// `maxSize` is refused, so a chain of weak links (A~B~C~... each link plausible, the ends
/// different people) is cut at its weakest links instead of merging everyone; every refused link
/// is reported. A cluster's id is derived from its members (the hash of its smallest member's list
/// name and id), so it is the same in every rerun on the same input, for any thread count.
public struct Clusters: Sendable {
    /// For each list, for each row, the index of its cluster in ``members``.
    public let clusterOf: [[Int]]
    /// Each cluster's members, ordered by (list, row); clusters ordered by their first member.
    public let members: [[RowRef]]
    /// Each cluster's stable id.
    public let ids: [String]
    /// Links refused because they would have made a cluster larger than the bound.
    public let refusedLinks: [ScoredPair]
    /// The size bound used.
    public let maxSize: Int

    /// Clusters of the records of `tables` from `links`, no cluster larger than `maxSize`.
    public init(links: [ScoredPair], tables: [Table], maxSize: Int = 20) {
        let offsets = tables.reduce(into: [0]) { $0.append($0.last! + $1.rowCount) }
        let (clusterOfRecord, sizes, refused) = Self.components(links, offsets: offsets, maxSize: maxSize)
        var members = sizes.map { n -> [RowRef] in
            var group: [RowRef] = []
            group.reserveCapacity(n)
            return group
        }
        var clusterOf: [[Int]] = []
        for (list, table) in tables.enumerated() {
            clusterOf.append(Array(clusterOfRecord[offsets[list] ..< offsets[list] + table.rowCount]))
            for row in 0 ..< table.rowCount { members[clusterOfRecord[offsets[list] + row]].append(RowRef(list: list, row: row)) }
        }
        ids = Self.ids(members, tables: tables)
        self.clusterOf = clusterOf
        self.members = members
        self.refusedLinks = refused
        self.maxSize = maxSize
    }

    /// The clusters of the records (numbered through `offsets`, list by list) joined by `links`,
    /// strongest first, no cluster larger than `maxSize`: each record's cluster (numbered in
    /// order of their first record), each cluster's size, and the links refused by the bound.
    static func components(_ links: [ScoredPair], offsets: [Int], maxSize: Int) -> (cluster: [Int], sizes: [Int], refused: [ScoredPair]) {
        let total = offsets.last!
        var parent = Array(0 ..< total)
        var size = [Int](repeating: 1, count: total)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        // Strongest first; ties broken by the pair's position, so the order is fully determined.
        // (The keys taken out first: a comparison that copied two ScoredPairs retained and
        // released their arrays.)
        let keys = links.map { (weight: $0.weight, left: $0.left, right: $0.right) }
        let order = keys.indices.sorted {
            let a = keys[$0], b = keys[$1]
            if a.weight != b.weight { return a.weight > b.weight }
            return (a.left, a.right) < (b.left, b.right)
        }
        var refused: [ScoredPair] = []
        for i in order {
            let key = keys[i]
            let a = find(offsets[key.left.list] + key.left.row)
            let b = find(offsets[key.right.list] + key.right.row)
            if a == b { continue }
            if size[a] + size[b] > maxSize {
                refused.append(links[i])
                continue
            }
            let (big, small) = size[a] >= size[b] ? (a, b) : (b, a)
            parent[small] = big
            size[big] += size[small]
        }
        // Clusters numbered in order of their first member, (list, row): one pass finds each
        // record's cluster, a second fills the members, each array made at its final size.
        var number = [Int](repeating: -1, count: total)
        var clusterOfRecord = [Int](repeating: 0, count: total)
        var sizes: [Int] = []
        for r in 0 ..< total {
            let root = find(r)
            if number[root] < 0 {
                number[root] = sizes.count
                sizes.append(0)
            }
            clusterOfRecord[r] = number[root]
            sizes[number[root]] += 1
        }
        return (clusterOfRecord, sizes, refused)
    }

    /// Each cluster's id: "C" and 16 hex digits of the xxHash3 of its smallest member's list name,
    /// the unit separator (U+001F) and id, smallest by (list name, id) as strings compare.
    static func ids(_ members: [[RowRef]], tables: [Table]) -> [String] {
        let names = tables.map { Array($0.name.utf8) }
        // Members are in list order; the smallest list name need not be the first list's.
        let nameRank = tables.indices.map { i in tables.indices.filter { tables[$0].name < tables[i].name }.count }
        // ``Table/id(row:)`` from each list's id column or ordinals, looked up once (calling it
        // through the table copied the table per member).
        let ids = tables.map(RecordIDs.init)
        var key: [UInt8] = []
        let digits = Array("0123456789abcdef".utf8)
        return members.map { group in
            var first = group[0]
            for m in group.dropFirst() {
                let rank = nameRank[m.list], best = nameRank[first.list]
                guard rank <= best else { continue }
                if rank < best || Self.idPrecedes(ids, m, first) { first = m }
            }
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: names[first.list])
            key.append(0x1F)
            ids[first.list].append(first.row, to: &key)
            return id(key: key, digits: digits)
        }
    }

    /// The id of a cluster whose first member (smallest list name, then smallest id) is record
    /// `record` of list `list`: for an engine that finds the clusters itself (the Spark path).
    package static func id(list: String, record: String) -> String {
        id(key: Array(list.utf8) + [0x1F] + Array(record.utf8), digits: Array("0123456789abcdef".utf8))
    }

    /// "C" and the 16 hex digits of the hash of `key` (list name, 0x1F, record id).
    private static func id(key: [UInt8], digits: [UInt8]) -> String {
        var hash = XXH3.hash(key)
        var hex = [UInt8](repeating: 48, count: 17)
        hex[0] = 67  // C
        for i in stride(from: 16, to: 0, by: -1) {
            hex[i] = digits[Int(hash & 15)]
            hash >>= 4
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `a`'s id sorts before `b`'s (two records of lists with the same name rank, so of
    /// one list, or of two lists named alike).
    private static func idPrecedes(_ ids: [RecordIDs], _ a: RowRef, _ b: RowRef) -> Bool {
        if a.list == b.list { return ids[a.list].precedes(a.row, b.row) }
        return ids[a.list].string(a.row) < ids[b.list].string(b.row)
    }

    /// Number of clusters of each size (size → count), sizes ascending.
    public var sizeHistogram: [(size: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for group in members { counts[group.count, default: 0] += 1 }
        return counts.map { (size: $0.key, count: $0.value) }.sorted { $0.size < $1.size }
    }
}
