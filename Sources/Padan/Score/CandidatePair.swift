/// A candidate pair found by blocking, with its match probability.
public struct CandidatePair: Sendable {
    public var left: RowRef
    public var right: RowRef
    public var probability: Double
    /// The blocking rule that found the pair.
    public var rule: String
}
