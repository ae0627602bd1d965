/// Turns scored pairs into decisions: links at or above the threshold, the review band below it,
/// one-to-one between lists when asked for, and the records left in no link.
struct Resolution {
    var links: [ScoredPair] = []
    var review: [ScoredPair] = []
    /// Links moved to review by one-to-one.
    var displacedByOneToOne = 0
    /// Per list, the rows in no link.
    var unmatched: [[Int]] = []

    /// Resolves `scored` (pairs at or above the review threshold, in candidate order).
    init(_ scored: [ScoredPair], threshold: Double, oneToOne: Bool, listSizes: [Int]) {
        for pair in scored {
            if pair.probability >= threshold { links.append(pair) } else { review.append(pair) }
        }
        if oneToOne {
            let (kept, displaced) = OneToOne.split(links)
            links = kept
            review = (review + displaced).sorted {
                $0.probability != $1.probability ? $0.probability > $1.probability : ($0.left, $0.right) < ($1.left, $1.right)
            }
            displacedByOneToOne = displaced.count
        }
        unmatched = Self.unmatched(links, listSizes: listSizes)
    }

    /// Per list, the rows in none of `links`.
    static func unmatched(_ links: [ScoredPair], listSizes: [Int]) -> [[Int]] {
        var linked = listSizes.map { [Bool](repeating: false, count: $0) }
        for link in links {
            linked[link.left.list][link.left.row] = true
            linked[link.right.list][link.right.row] = true
        }
        return linked.map { flags in flags.indices.filter { !flags[$0] } }
    }
}
