/// One-to-one between lists: each record in at most one link to each other list.
///
/// Links are taken strongest first (ties: by left, then right record), and a link is kept only if
/// neither of its records already has a kept link to the other's list. The links it displaces are
/// not lost: they move to the review band, where a person can still accept them. Links within a
/// list (duplicates) are left alone.
enum OneToOne {
    /// The links kept (in their original order) and those displaced.
    static func split(_ links: [ScoredPair]) -> (kept: [ScoredPair], displaced: [ScoredPair]) {
        let order = links.indices.sorted {
            let a = links[$0], b = links[$1]
            if a.weight != b.weight { return a.weight > b.weight }
            return (a.left, a.right) < (b.left, b.right)
        }
        // (record, other list) pairs already taken.
        var taken = Set<UInt64>()
        func key(_ r: RowRef, _ other: Int) -> UInt64 {
            UInt64(r.list) << 48 | UInt64(other) << 32 | UInt64(r.row)
        }
        var keep = [Bool](repeating: true, count: links.count)
        for i in order {
            let link = links[i]
            guard link.left.list != link.right.list else { continue }
            let a = key(link.left, link.right.list), b = key(link.right, link.left.list)
            if taken.contains(a) || taken.contains(b) {
                keep[i] = false
            } else {
                taken.insert(a)
                taken.insert(b)
            }
        }
        return (links.indices.filter { keep[$0] }.map { links[$0] }, links.indices.filter { !keep[$0] }.map { links[$0] })
    }
}
