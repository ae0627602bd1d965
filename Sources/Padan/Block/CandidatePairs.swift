/// Candidate record pairs produced by blocking, in a deterministic order.
///
/// Records are numbered globally across all input lists (list 0's rows first, then list 1's...),
/// and each pair has `left < right`. `rule[i]` is the first blocking rule that produced pair `i`;
/// a pair that several rules would produce is produced once, by the first of them.
struct CandidatePairs: Sendable {
    var left: [UInt32] = []
    var right: [UInt32] = []
    var rule: [UInt8] = []

    var count: Int { left.count }

    mutating func append(contentsOf other: CandidatePairs) {
        left += other.left
        right += other.right
        rule += other.rule
    }
}

/// What one blocking rule did, for the summary.
public struct BlockingRuleReport: Codable, Sendable, Equatable {
    /// The rule's name.
    public var rule: String
    /// Records that had a key under the rule (all key fields present).
    public var recordsWithKey: Int
    /// Blocks (distinct keys) with at least one allowed pair.
    public var blocks: Int
    /// New pairs this rule produced (pairs an earlier rule already produced are not counted).
    public var pairs: Int
    /// Pairs the rule would produce counting those an earlier rule already produced.
    public var pairsIncludingEarlierRules: Int
    /// Blocks skipped because they would produce more pairs than the bound.
    public var oversizedBlocks: Int
    /// Pairs those skipped blocks would have produced.
    public var oversizedPairs: Int
    /// A few of the skipped blocks: their key value and size, for the person tuning the rules.
    public var oversizedExamples: [String]
}
