import Foundation

/// The true matches that no blocking rule proposed, estimated from how often the rules catch the
/// same matches: capture–recapture with the blocking rules as the capture occasions.
///
/// Each candidate pair's capture history is the set of rules whose keys it agrees on; weighting
/// each pair by its match probability gives the expected number of true matches caught by exactly
/// k rules, `f_k`. Matches caught by none (`f_0`) are not seen; Chao's estimator for a closed
/// population with heterogeneous capture probabilities (model M_h; Chao 1987, *Biometrics* 43:
/// 783–791) estimates them from the matches caught once and twice:
///
///     f_0 ≈ (K − 1)/K · f_1² / (2 f_2)          (f_1 (f_1 − 1) / 2 · (K − 1)/K when f_2 = 0)
///
/// with K the number of rules. It is a lower bound when capture probabilities vary between
/// matches (which they do: a match with a clean NIK is caught by most rules, one with a mistyped
/// NIK and a misspelt name by one or none), and it is biased low when the rules are positively
/// dependent beyond that. The variance is Chao's asymptotic one.
public struct CaptureRecapture: Codable, Sendable, Equatable {
    /// Blocking rules (capture occasions).
    public var rules: Int
    /// Expected true matches caught by exactly one rule, and by exactly two.
    public var caughtOnce: Double
    public var caughtTwice: Double
    /// Expected true matches caught by k rules, k = 0 (the estimate), 1, 2, ... `rules`.
    public var caughtBy: [Double]
    /// Estimated true matches that no rule proposed.
    public var unseen: Double
    /// Standard deviation of `unseen`.
    public var standardDeviation: Double

    /// Estimates from a profile's capture histories.
    public init(_ profile: CandidateProfile) {
        let k = profile.ruleNames.count
        var by = [Double](repeating: 0, count: k + 1)
        for c in profile.captures {
            let caught = min(k, c.rules.nonzeroBitCount)
            by[caught] += c.tally.expectedMatches
        }
        self.init(rules: k, caughtBy: Array(by.dropFirst()))
    }

    /// Estimates from `caughtBy[j]`: the expected matches caught by exactly j + 1 of `rules` rules.
    public init(rules: Int, caughtBy: [Double]) {
        self.rules = rules
        let f1 = caughtBy.first ?? 0, f2 = caughtBy.count > 1 ? caughtBy[1] : 0
        caughtOnce = f1
        caughtTwice = f2
        let factor = rules > 1 ? Double(rules - 1) / Double(rules) : 0
        if rules < 2 || f1 <= 0 {
            unseen = 0
            standardDeviation = 0
        } else if f2 > 0 {
            unseen = factor * f1 * f1 / (2 * f2)
            let r = f1 / f2
            // Chao (1987), eq. (8), with the (K − 1)/K factor.
            standardDeviation = (f2 * (factor * factor * r * r * r * r / 4 + factor * factor * r * r * r + factor * r * r / 2)).squareRoot()
        } else {
            unseen = factor * f1 * max(0, f1 - 1) / 2
            standardDeviation = unseen.squareRoot()
        }
        self.caughtBy = [unseen] + caughtBy
    }
}
