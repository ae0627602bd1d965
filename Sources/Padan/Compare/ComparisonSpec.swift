/// A comparison as configured: its kind and the thresholds of its similarity bands.
public struct ComparisonSpec: Sendable, Codable, Equatable {
    public var kind: ComparisonKind
    /// Similarity at or above which a name is `similar_high` (default 0.94).
    public var highSimilarity: Double
    /// Similarity at or above which a name is `similar_medium`, or a birth place `similar`
    /// (default 0.85).
    public var mediumSimilarity: Double

    public init(_ kind: ComparisonKind, highSimilarity: Double = 0.94, mediumSimilarity: Double = 0.85) {
        self.kind = kind
        self.highSimilarity = highSimilarity
        self.mediumSimilarity = mediumSimilarity
    }
}
