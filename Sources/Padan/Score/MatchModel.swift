import Foundation

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
        /// What each level means, from the comparison's definition (absent in model files written
        /// before levels were explained).
        public var explanations: [String]? = nil
        /// For the Indonesian name: P(level | non-match) among pairs whose NIKs share region and
        /// birth date (sex included) but not the serial, measured on the list's own NIK
        /// neighbourhoods. Names follow sex and birth cohort, so two people born the same day of
        /// the same sex agree on a name far more often than two random people; a pair whose NIKs
        /// or birth-date columns say the two share birth date and sex is weighed with this u
        /// (absent: the ordinary u, as in model files written before it was measured).
        public var uGivenNIKPrefix: [Double]? = nil
        /// For the NIK: P(level | non-match) among pairs born on the same day in one district or
        /// closer, measured on the candidates of a birth date + district blocking rule whose names
        /// differ (nearly all different people). Two neighbours born the same day have NIKs that
        /// differ only in the serial, so one typo more makes one or two edits outside it: far more
        /// often than between random people, whose rate is the ordinary u. Such a pair's NIK at
        /// `one_edit` or `two_edits` is weighed with this u (by the chain rule, P(NIK | same day,
        /// nearby) beside the birth date's and the home's own weights); the other levels keep the
        /// ordinary u, since blocking counts them in full or nearly all pairs there are matches.
        /// Absent: the ordinary u.
        public var uGivenSameDayNearby: [Double]? = nil
        /// For the NIK: m and u of the serial levels (`one_edit_in_serial`, `serial_differs`)
        /// split by the size of the pair's NIK neighbourhood, the records of every list that
        /// carry the two NIKs' common first 12 digits, in the classes of
        /// ``MatchModel/neighbourhoodClass(_:)``: `mByPrefixCount[level][class]`, summing over the
        /// classes to the level's m (and u). An empty array for a level not split.
        ///
        /// Two records whose NIKs differ only in the serial are one person with a typo or two
        /// people born the same day of one sex in one district. Which is far likelier depends on
        /// how many such people the lists hold: with the two records alone in their
        /// neighbourhood they are mostly one person, with two more they are mostly neighbours,
        /// since different people's pairs grow with the square of the neighbourhood and one
        /// person's with its size. A frequency scale clamped to 1/8 ... 8 could not follow that.
        /// Absent: the level's u scaled by the prefix's frequency.
        public var mByPrefixCount: [[Double]]? = nil
        /// For the NIK: u of the serial levels split by neighbourhood size, as
        /// ``mByPrefixCount`` splits m (both present or both absent).
        public var uByPrefixCount: [[Double]]? = nil

        /// The weight (bits of evidence) of `level`.
        public func weight(_ level: Int) -> Double {
            log2(max(m[level], MatchModel.floor) / max(u[level], MatchModel.floor))
        }
    }

    public var comparisons: [Comparison]
    /// Prior probability that two records drawn at random (one from each side) are the same person.
    public var lambda: Double
    /// Prior probability that two records of the same list are the same person, when the model
    /// was trained on pairs both across and within lists (`link` finding doubles too). Doubles
    /// within a list are far rarer than people on two lists (a few percent of a list against half
    /// of it), so one prior for both would give within-list pairs too much weight and cross-list
    /// pairs too little. `nil`: ``lambda`` for every pair.
    public var lambdaWithin: Double?
    /// The comparisons' parameters for pairs of records from one list, when the model was trained
    /// on pairs both across and within lists (``comparisons`` are then the across-list ones).
    /// Each kind is trained on its own pairs, exactly as `link` and `dedupe` alone would train
    /// it: doubles within a list are made otherwise than people on two lists (the same office
    /// proposing a family twice, often with another family card and no birth date), and two
    /// records of one list agree otherwise by chance (one office, one street). `nil`:
    /// ``comparisons`` for every pair.
    public var comparisonsWithin: [Comparison]?
    /// Warnings from the plausibility checks on the learned parameters.
    public var warnings: [String]

    /// Whether a comparison's neighbourhood split, if any, has a row per level, each empty or
    /// with a value per class, and m and u alike.
    static func splitIsWellFormed(_ c: Comparison) -> Bool {
        switch (c.mByPrefixCount, c.uByPrefixCount) {
        case (nil, nil): return true
        case let (m?, u?):
            let classes = neighbourhoodClassBounds.count + 1
            return m.count == c.levels.count && u.count == c.levels.count
                && m.indices.allSatisfy { m[$0].count == u[$0].count && (m[$0].isEmpty || m[$0].count == classes) }
        default: return false
        }
    }

    /// The neighbourhood classes of ``Comparison/mByPrefixCount``: 2 records (the pair alone), 3,
    /// 4, 5, 6–7, 8–11, 12–19, 20 or more.
    static let neighbourhoodClassBounds: [Int32] = [3, 4, 5, 6, 8, 12, 20]

    /// The class of a NIK neighbourhood of `count` records (the pair's two included).
    @inline(__always)
    static func neighbourhoodClass(_ count: Int32) -> Int {
        var c = 0
        while c < neighbourhoodClassBounds.count && count >= neighbourhoodClassBounds[c] { c += 1 }
        return c
    }

    /// The smallest probability used in a weight, so a level never seen cannot give infinite weight.
    static let floor = 1e-9

    /// The prior weight `log2(λ / (1 − λ))`.
    public var priorWeight: Double { Self.weight(prior: lambda) }

    /// The prior weight of a pair within one list (``lambdaWithin``, else ``lambda``).
    public var priorWeightWithin: Double { Self.weight(prior: lambdaWithin ?? lambda) }

    static func weight(prior: Double) -> Double { log2(max(prior, 1e-300) / max(1 - prior, 1e-300)) }

    /// Reads a `model.json` written by an earlier run.
    public static func load(path: String) throws -> MatchModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PadanError(.usage, file: path, "the model file cannot be read")
        }
        return try decode(data, file: path)
    }

    /// A model from the text of a `model.json` (`file` names it in errors).
    package static func decode(_ data: Data, file path: String) throws -> MatchModel {
        do {
            let model = try JSONDecoder().decode(MatchModel.self, from: data)
            for c in model.comparisons + (model.comparisonsWithin ?? [])
                where c.m.count != c.levels.count || c.u.count != c.levels.count || (c.uGivenNIKPrefix.map { $0.count != c.levels.count } ?? false) || (c.uGivenSameDayNearby.map { $0.count != c.levels.count } ?? false)
            {
                throw PadanError(.usage, file: path, "comparison '\(c.name)' has \(c.levels.count) levels but \(c.m.count) m, \(c.u.count) u and \(c.uGivenNIKPrefix?.count ?? c.levels.count) name-given-NIK u values")
            }
            for c in model.comparisons + (model.comparisonsWithin ?? []) where !Self.splitIsWellFormed(c) {
                throw PadanError(.usage, file: path, "comparison '\(c.name)': mByPrefixCount and uByPrefixCount need a row per level (\(c.levels.count)), each empty or with \(neighbourhoodClassBounds.count + 1) values, m and u alike")
            }
            if let within = model.comparisonsWithin, within.map(\.name) != model.comparisons.map(\.name) || zip(within, model.comparisons).contains(where: { $0.levels != $1.levels }) {
                throw PadanError(.usage, file: path, "the within-list comparisons (\(within.map(\.name).joined(separator: ", "))) are not the across-list ones (\(model.comparisons.map(\.name).joined(separator: ", ")))")
            }
            guard model.lambda > 0 && model.lambda < 1, (model.lambdaWithin ?? 0.5) > 0 && (model.lambdaWithin ?? 0.5) < 1 else {
                throw PadanError(.usage, file: path, "lambda must be between 0 and 1")
            }
            return model
        } catch let e as PadanError {
            throw e
        } catch {
            throw PadanError(.usage, file: path, "not a model file: \(error)")
        }
    }

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
