/// A Fellegi-Sunter model: for each comparison the probability of each level among matches (m)
/// and among non-matches (u), and the prior probability that two random records match.
///
/// A pair's match weight is `log2(λ / (1 − λ)) + Σ log2(m / u)` over its comparisons (a comparison
/// whose level is "null", e.g. a missing value, adds nothing); its match probability is
/// `2^w / (1 + 2^w)`. Saved as `model.json` and reusable with `--model`.
public struct MatchModel: Codable, Sendable, Equatable {
    /// One comparison's parameters.
    public struct Comparison: Codable, Sendable, Equatable {
        /// The comparison's name (e.g. `nik`, `name`).
        public var name: String
        /// Level names, best agreement first; index = level.
        public var levels: [String]
        /// P(level | match), per level.
        public var m: [Double]
        /// P(level | non-match), per level.
        public var u: [Double]
        /// How m was obtained: the training sessions (blocking rules) that estimated it, or
        /// `default` when no session could.
        public var mSource: [String]
        /// How u was obtained (e.g. `random pairs: 2000000`).
        public var uSource: String

        /// The weight (bits of evidence) of `level`.
        public func weight(_ level: Int) -> Double {
            log2(max(m[level], MatchModel.floor) / max(u[level], MatchModel.floor))
        }
    }

    public var comparisons: [Comparison]
    /// Prior probability that two records drawn at random (one from each side) are the same person.
    public var lambda: Double
    /// Warnings from the plausibility checks on the learned parameters.
    public var warnings: [String]

    /// The smallest probability used in a weight, so a level never seen cannot give infinite weight.
    static let floor = 1e-9

    /// The prior weight `log2(λ / (1 − λ))`.
    public var priorWeight: Double { log2(max(lambda, 1e-300) / max(1 - lambda, 1e-300)) }

    /// Match probability of a total weight.
    public static func probability(weight: Double) -> Double {
        let odds = exp2(weight)
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }
}

@inline(__always) func log2(_ x: Double) -> Double { _log2(x) }
@inline(__always) func exp2(_ x: Double) -> Double { _exp2(x) }

#if canImport(Glibc)
import Glibc
@inline(__always) private func _log2(_ x: Double) -> Double { Glibc.log2(x) }
@inline(__always) private func _exp2(_ x: Double) -> Double { Glibc.exp2(x) }
#elseif canImport(Darwin)
import Darwin
@inline(__always) private func _log2(_ x: Double) -> Double { Darwin.log2(x) }
@inline(__always) private func _exp2(_ x: Double) -> Double { Darwin.exp2(x) }
#endif
