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
    /// Every candidate pair summarized by weight and by the rules that reach it (for the error
    /// estimates and the report); `nil` for results not made by ``Linker``.
    public var candidateProfile: CandidateProfile?
    /// Time per stage.
    public var timings: [StageTiming]
    /// Per list, the rows in no link.
    public var unmatched: [[Int]]
}
