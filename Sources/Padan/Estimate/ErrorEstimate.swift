import Foundation

/// How many of the links are wrong and how many matches were missed, estimated without labels
/// from the match probabilities, with capture–recapture across the blocking rules for the matches
/// no rule proposed.
///
/// ```swift
/// let result = try Linker().link([provinsi, kota])
/// if let estimate = ErrorEstimate(result: result, threshold: 0.5, reviewThreshold: 0.2) {
///     print(estimate.expectedFalseLinks, estimate.precision.value, estimate.recall.value)
/// }
/// ```
///
/// - Among the links, each link is a true match with its probability p: the expected number of
///   false links is Σ (1 − p).
/// - Among the candidate pairs that are not links, the expected number of true matches is Σ p.
/// - Matches that blocking never proposed are estimated by ``CaptureRecapture``.
///
/// Precision = true links / links; recall = true links / all true matches (the three parts
/// above); F1 their harmonic mean. The intervals are 95 % intervals, by the delta method, of the
/// Poisson-binomial variance Σ p(1 − p) and of capture–recapture's asymmetric log-normal interval
/// (so recall's interval reaches further down than up when few matches were caught twice): they say how much
/// chance alone moves the counts when the probabilities are right, and nothing about a model that
/// is wrong. Everything depends on calibrated probabilities; `Guides/Report.md` says how that was
/// checked.
public struct ErrorEstimate: Codable, Sendable, Equatable {
    /// An estimate with its 95 % interval.
    public struct Interval: Codable, Sendable, Equatable {
        public var value: Double
        public var lower: Double
        public var upper: Double
    }

    /// One row of the cutoff table: what a link threshold of `threshold` would give (pairs at or
    /// above it, before any one-to-one resolution).
    public struct Cutoff: Codable, Sendable, Equatable {
        public var threshold: Double
        public var links: Int
        public var expectedFalseLinks: Double
        /// Expected true matches not linked: candidates below the threshold and the unseen ones.
        public var expectedMissed: Double
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Pairs between the review threshold and this threshold (0 when it is at or below the
        /// review threshold).
        public var reviewPairs: Int
    }

    /// The link threshold the estimate is for.
    public var threshold: Double
    /// Links (after one-to-one resolution, when it was asked for).
    public var links: Int
    /// Σ (1 − p) over the links.
    public var expectedFalseLinks: Double
    /// Σ p over the links.
    public var expectedTrueLinks: Double
    /// Σ p over the candidate pairs that are not links.
    public var expectedMissedAmongCandidates: Double
    /// Estimated true matches that no blocking rule proposed.
    public var expectedMissedByBlocking: Double
    /// Expected true matches in all: true links + both kinds of missed.
    public var expectedMatches: Double
    /// Share of the true matches that no rule proposed (the estimated blocking loss).
    public var blockingLossRate: Double
    public var precision: Interval
    public var recall: Interval
    public var f1: Interval
    /// The capture–recapture estimate behind ``expectedMissedByBlocking``.
    public var captureRecapture: CaptureRecapture
    /// The cutoff table, thresholds ascending.
    public var cutoffs: [Cutoff]
    /// The threshold of the table at which the expected errors (false links + missed matches)
    /// are fewest.
    public var fewestErrorsThreshold: Double
    /// The links' tally (pairs, Σ p, Σ p(1 − p)), to estimate again from.
    public var linkedTally: CandidateProfile.Tally
    /// The clerical decisions the estimate was corrected with (``correcting(with:)``), if any.
    public var review: ReviewCalibration?

    /// The estimate for `result`'s links at `threshold` (the one they were made with), or `nil`
    /// when the result carries no ``CandidateProfile``.
    public init?(result: LinkResult, threshold: Double, reviewThreshold: Double) {
        guard let profile = result.candidateProfile else { return nil }
        var linked = CandidateProfile.Tally()
        for link in result.links { linked.add(link.probability) }
        self.init(profile: profile, links: linked, threshold: threshold, reviewThreshold: reviewThreshold)
    }

    /// The estimate for links whose tally is `links`, among the candidates of `profile`.
    public init(profile: CandidateProfile, links linked: CandidateProfile.Tally, threshold: Double, reviewThreshold: Double) {
        self.threshold = threshold
        let capture = CaptureRecapture(profile)
        captureRecapture = capture
        links = linked.pairs
        linkedTally = linked
        expectedTrueLinks = linked.expectedMatches
        expectedFalseLinks = Double(linked.pairs) - linked.expectedMatches
        expectedMissedAmongCandidates = max(0, profile.total.expectedMatches - linked.expectedMatches)
        expectedMissedByBlocking = capture.unseen
        expectedMatches = expectedTrueLinks + expectedMissedAmongCandidates + expectedMissedByBlocking
        blockingLossRate = expectedMatches > 0 ? capture.unseen / expectedMatches : 0
        (precision, recall, f1) = Self.rates(links: Double(linked.pairs), truePositives: linked.expectedMatches,
                                             truePositiveVariance: linked.variance,
                                             missed: expectedMissedAmongCandidates + capture.unseen,
                                             missedSpread: Self.missedSpread(variance: profile.total.variance - linked.variance, capture))
        let review = profile.atOrAbove(reviewThreshold)
        cutoffs = profile.cutoffs.indices.map { i in
            let above = profile.atOrAbove[i]
            let missed = max(0, profile.total.expectedMatches - above.expectedMatches) + capture.unseen
            let t = profile.cutoffs[i]
            let (p, r, f) = Self.rates(links: Double(above.pairs), truePositives: above.expectedMatches, truePositiveVariance: 0,
                                       missed: missed, missedSpread: (0, 0))
            let band = t > reviewThreshold ? max(0, (review?.pairs ?? 0) - above.pairs) : 0
            return Cutoff(threshold: t, links: above.pairs, expectedFalseLinks: Double(above.pairs) - above.expectedMatches,
                          expectedMissed: missed, precision: p.value, recall: r.value, f1: f.value, reviewPairs: band)
        }
        fewestErrorsThreshold = cutoffs.min {
            ($0.expectedFalseLinks + $0.expectedMissed, abs($0.threshold - 0.5)) < ($1.expectedFalseLinks + $1.expectedMissed, abs($1.threshold - 0.5))
        }?.threshold ?? threshold
    }

    /// The 95 % half-widths of the missed matches below and above their estimate: a normal part
    /// of variance `variance` (the candidates' Poisson-binomial, or the review sample's) and
    /// capture–recapture's log-normal interval, which is asymmetric (far wider above), added in
    /// quadrature on each side.
    static func missedSpread(variance: Double, _ capture: CaptureRecapture) -> (below: Double, above: Double) {
        let normal = 1.959964 * max(0, variance).squareRoot()
        let below = capture.unseen - capture.lower, above = capture.upper - capture.unseen
        return ((normal * normal + below * below).squareRoot(), (normal * normal + above * above).squareRoot())
    }

    /// Precision, recall and F1 with 95 % delta-method intervals, clamped to [0, 1]. The missed
    /// matches' part is asymmetric (`missedSpread`): more missed matches than estimated lower
    /// recall and F1, so the lower bounds take the spread above.
    static func rates(links l: Double, truePositives t: Double, truePositiveVariance vt: Double,
                      missed m: Double, missedSpread spread: (below: Double, above: Double)) -> (Interval, Interval, Interval) {
        let z = 1.959964
        let tHalf = z * max(0, vt).squareRoot()
        // `dt`, `dm`: the rate's change per true link and per missed match (it falls with m).
        func interval(_ value: Double, dt: Double, dm: Double) -> Interval {
            let fromT = dt * tHalf
            let down = (fromT * fromT + pow(dm * spread.above, 2)).squareRoot()
            let up = (fromT * fromT + pow(dm * spread.below, 2)).squareRoot()
            return Interval(value: value, lower: max(0, value - down), upper: min(1, value + up))
        }
        let precision = l > 0 ? interval(t / l, dt: 1 / l, dm: 0) : Interval(value: 1, lower: 1, upper: 1)
        let all = t + m
        let recall = all > 0 ? interval(t / all, dt: m / (all * all), dm: t / (all * all)) : Interval(value: 1, lower: 1, upper: 1)
        let d = l + t + m
        let f1 = d > 0 ? interval(2 * t / d, dt: 2 * (l + m) / (d * d), dm: 2 * t / (d * d)) : Interval(value: 1, lower: 1, upper: 1)
        return (precision, recall, f1)
    }
}
