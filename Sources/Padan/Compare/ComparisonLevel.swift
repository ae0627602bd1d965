/// One level of a comparison: its name (written in `links.csv`, `review.csv` and `model.json`),
/// what it means in words, and the m probability that training starts from.
///
/// A comparison's levels are ordered from the strongest agreement to disagreement; the hot loop
/// writes a level's index (a `UInt8`) per pair, and its meaning lives here alone.
public struct ComparisonLevel: Sendable, Equatable, Codable {
    /// A short identifier, e.g. `exact`, `one_substitution`, `jaro_winkler_0.92`.
    public var name: String
    /// What the level means, for the person reading an explanation.
    public var explanation: String
    /// P(level | match) where EM starts, and the value used when no session can learn it.
    public var startingM: Double

    /// A level called `name`, meaning `explanation`, whose m training starts from `startingM`.
    public init(_ name: String, _ explanation: String, m startingM: Double) {
        self.name = name
        self.explanation = explanation
        self.startingM = startingM
    }
}

extension ComparisonLevel {
    /// The level written for a pair where either value is missing: no evidence, not disagreement.
    static let null: UInt8 = 255
}
