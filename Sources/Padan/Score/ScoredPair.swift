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
