/// One-to-one between lists: each record in at most one link to each other list.
///
/// Links are taken strongest first (ties: by left, then right record), and a link is kept only if
/// neither of its records already has a kept link to the other's list. The links it displaces are
/// not lost: they move to the review band, where a person can still accept them. Links within a
/// list (duplicates) are left alone.
enum OneToOne {
    static func apply(_ result: inout LinkResult) {
        let order = result.links.indices.sorted {
            let a = result.links[$0], b = result.links[$1]
            if a.weight != b.weight { return a.weight > b.weight }
            return (a.left, a.right) < (b.left, b.right)
        }
        // (record, other list) pairs already taken.
        var taken = Set<UInt64>()
        func key(_ r: RowRef, _ other: Int) -> UInt64 {
            UInt64(r.list) << 48 | UInt64(other) << 32 | UInt64(r.row)
        }
        var keep = [Bool](repeating: true, count: result.links.count)
        for i in order {
            let link = result.links[i]
            guard link.left.list != link.right.list else { continue }
            let a = key(link.left, link.right.list), b = key(link.right, link.left.list)
            if taken.contains(a) || taken.contains(b) {
                keep[i] = false
            } else {
                taken.insert(a)
                taken.insert(b)
            }
        }
        let displaced = result.links.indices.filter { !keep[$0] }.map { result.links[$0] }
        result.links = result.links.indices.filter { keep[$0] }.map { result.links[$0] }
        result.review = (result.review + displaced).sorted {
            $0.probability != $1.probability ? $0.probability > $1.probability : ($0.left, $0.right) < ($1.left, $1.right)
        }
        result.displacedByOneToOne = displaced.count
        result.recomputeUnmatched()
    }
}

extension LinkResult {
    /// Recomputes ``unmatched`` from ``links``.
    mutating func recomputeUnmatched() {
        var linked = tables.map { [Bool](repeating: false, count: $0.rowCount) }
        for link in links {
            linked[link.left.list][link.left.row] = true
            linked[link.right.list][link.right.row] = true
        }
        unmatched = linked.map { flags in flags.indices.filter { !flags[$0] } }
    }
}
