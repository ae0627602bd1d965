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
        let order = links.indices.sorted {
            let a = links[$0], b = links[$1]
            if a.weight != b.weight { return a.weight > b.weight }
            return (a.left, a.right) < (b.left, b.right)
        }
        var refused: [ScoredPair] = []
        for i in order {
            let link = links[i]
            let a = find(offsets[link.left.list] + link.left.row)
            let b = find(offsets[link.right.list] + link.right.row)
            if a == b { continue }
            if size[a] + size[b] > maxSize {
                refused.append(link)
                continue
            }
            let (big, small) = size[a] >= size[b] ? (a, b) : (b, a)
            parent[small] = big
            size[big] += size[small]
        }
        var index: [Int: Int] = [:]
        var members: [[RowRef]] = []
        var clusterOf = tables.map { [Int](repeating: 0, count: $0.rowCount) }
        for (list, table) in tables.enumerated() {
            for row in 0 ..< table.rowCount {
                let root = find(offsets[list] + row)
                let c: Int
                if let known = index[root] {
                    c = known
                } else {
                    c = members.count
                    index[root] = c
                    members.append([])
                }
                members[c].append(RowRef(list: list, row: row))
                clusterOf[list][row] = c
            }
        }
        ids = members.map { group in
            let first = group.map { (tables[$0.list].name, tables[$0.list].id(row: $0.row)) }.min { $0 < $1 }!
            let hash = XXH3.hash(Array((first.0 + "\u{1F}" + first.1).utf8))
            let hex = String(hash, radix: 16)
            return "C" + String(repeating: "0", count: 16 - hex.count) + hex
        }
        self.clusterOf = clusterOf
        self.members = members
        self.refusedLinks = refused
        self.maxSize = maxSize
    }

    /// Number of clusters of each size (size → count), sizes ascending.
    public var sizeHistogram: [(size: Int, count: Int)] {
        Dictionary(grouping: members, by: \.count).map { ($0.key, $0.value.count) }.sorted { $0.size < $1.size }
    }
}
