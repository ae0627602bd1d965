import Foundation

/// The true matches that no blocking rule proposed, estimated from how often the rules catch the
/// same matches: capture–recapture with the blocking rules as the capture occasions.
///
/// Each candidate pair's capture history is the set of rules whose keys it agrees on; weighting
/// each pair by its match probability gives the expected number of true matches caught by exactly
/// k rules, `f_k`. Matches caught by none (`f_0`) are not seen. They are estimated with the
/// bias-corrected form of Chao's estimator for a closed population with heterogeneous capture
/// probabilities (model M_h; Chao 1987, *Biometrics* 43: 783–791; the bias-corrected form, Chao
/// 2005 in *Encyclopedia of Statistical Sciences*, and with the (K − 1)/K factor for K occasions,
/// Chiu, Wang, Walther & Chao 2014, *Biometrics* 70: 671–682):
///
///     f_0 ≈ (K − 1)/K · f_1 (f_1 − 1) / (2 (f_2 + 1))
///
/// with K the number of rules. The classic form f_1² / (2 f_2) divides by f_2, and when few
/// matches are caught by exactly two rules (a small, clean list, where almost every match is caught
/// by most rules) it explodes: a fraction of an expected match caught twice turns one caught once
/// into dozens unseen. The bias-corrected form is finite for every f_2, agrees with the classic one
/// when f_2 is large, and is the one Chao recommends. It is a lower bound when capture probabilities
/// vary between matches (they do: a match with a clean NIK is caught by most rules, one with a
/// mistyped NIK and a misspelt name by one or none), and it is biased low when the rules are
/// positively dependent beyond that.
///
/// **Fallback.** With fewer than two rules there are no recaptures and nothing to estimate from:
/// ``method`` is ``Method/notEstimable`` and `unseen` is 0, which the report and guide state as
/// "not estimated", not as "no loss". With fewer than one expected match caught once, the
/// estimate is below one match whatever f_2 is, and is reported as it is.
///
/// **Interval.** Chao's log-normal interval for f_0 (Chao 1987): `[f_0 / C, f_0 · C]`, C =
/// exp(1.96 √ln(1 + var / f_0²)), with the variance of the bias-corrected form. It is asymmetric,
/// never below 0, and wide when f_2 is small: the data say little then, and the interval says so.
public struct CaptureRecapture: Codable, Sendable, Equatable {
    /// How `unseen` was estimated.
    public enum Method: String, Codable, Sendable {
        /// Bias-corrected Chao (M_h) across two or more rules.
        case chaoBiasCorrected = "chao_bias_corrected"
        /// Fewer than two blocking rules: no recaptures, `unseen` is not estimated (0).
        case notEstimable = "not_estimable"
    }

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
    /// 95 % log-normal interval of `unseen` (Chao 1987).
    public var lower: Double
    public var upper: Double
    public var method: Method

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
        let f1 = max(0, caughtBy.first ?? 0), f2 = max(0, caughtBy.count > 1 ? caughtBy[1] : 0)
        caughtOnce = f1
        caughtTwice = f2
        if rules < 2 {
            method = .notEstimable
            unseen = 0
            standardDeviation = 0
        } else {
            method = .chaoBiasCorrected
            let a = Double(rules - 1) / Double(rules)
            let g = f2 + 1
            // f1 − 1 < 0 (less than one match caught once) means no evidence of unseen matches.
            let h = max(0, f1 - 1)
            unseen = a * f1 * h / (2 * g)
            // The delta-method variance of the bias-corrected form (Chao 2005; as in EstimateS).
            let variance = a * f1 * h / (2 * g)
                + a * a * f1 * (2 * f1 - 1) * (2 * f1 - 1) / (4 * g * g)
                + a * a * f1 * f1 * h * h * f2 / (4 * g * g * g * g)
            standardDeviation = f1 > 1 ? max(0, variance).squareRoot() : 0
        }
        if unseen > 0 {
            let c = (1.959964 * log(1 + pow(standardDeviation / unseen, 2)).squareRoot()).exp
            lower = unseen / c
            upper = unseen * c
        } else {
            lower = 0
            upper = 0
        }
        self.caughtBy = [unseen] + caughtBy
    }
}

private extension Double {
    var exp: Double { Foundation.exp(self) }
}
