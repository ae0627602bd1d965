/// A record of a link run: which input list, which row of its table.
public struct RowRef: Sendable, Hashable, Comparable {
    /// Index of the list in the input order.
    public var list: Int
    /// Row in that list's table.
    public var row: Int

    public static func < (a: RowRef, b: RowRef) -> Bool { (a.list, a.row) < (b.list, b.row) }
}

/// A scored candidate pair.
public struct ScoredPair: Sendable {
    public var left: RowRef
    public var right: RowRef
    /// Total match weight in bits, prior included.
    public var weight: Double
    /// Match probability.
    public var probability: Double
    /// The level of each comparison (index into its level names; `nil` for no evidence).
    public var levels: [Int?]
    /// The weight each comparison contributed (0 for no evidence).
    public var weights: [Double]
    /// The blocking rule that found the pair.
    public var rule: String
}

/// Time spent in one stage.
public struct StageTiming: Codable, Sendable {
    public var stage: String
    public var seconds: Double

    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

/// What a link run produced.
public struct LinkResult: Sendable {
    /// The input tables, in order.
    public var tables: [Table]
    /// Which pairs were looked at.
    public var scope: Linker.Scope = .link
    /// Pairs at or above the link threshold, in candidate order (by blocking rule, then block).
    public var links: [ScoredPair]
    /// Pairs in the review band (between the review threshold and the link threshold).
    public var review: [ScoredPair]
    /// The model used (trained on this input unless one was given).
    public var model: MatchModel
    /// What each blocking rule did.
    public var blocking: [BlockingRuleReport]
    /// Candidate pairs compared.
    public var candidatePairs: Int
    /// Links moved to review by one-to-one resolution (0 when it was not asked for).
    public var displacedByOneToOne = 0
    /// Every candidate pair with its match probability, when ``LinkSettings/keepCandidatePairs``
    /// is set (for judging blocking against truth); empty otherwise.
    public var candidates: [CandidatePair] = []
    /// Time per stage.
    public var timings: [StageTiming]
    /// Per list, the rows in no link.
    public var unmatched: [[Int]]
}

/// A candidate pair found by blocking, with its match probability.
public struct CandidatePair: Sendable {
    public var left: RowRef
    public var right: RowRef
    public var probability: Double
    /// The blocking rule that found the pair.
    public var rule: String
}
