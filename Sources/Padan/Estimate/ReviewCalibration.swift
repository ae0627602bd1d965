/// The clerical review as a check on the probabilities, and a correction of the estimates with it.
///
/// The review band (pairs between the review threshold and the link threshold) is where the
/// probabilities matter most and where the model is least sure. When a verifier has decided some
/// of its pairs, the share of them that were matches estimates the band's match rate directly, as
/// a sample from a stratum does: the band's expected matches become the decided matches plus the
/// undecided pairs times that share, in place of Σ p. If the verifier decided every pair (or a
/// random part of them), this estimate is unbiased whatever the model's calibration; if they
/// picked pairs, it is as good as their pick is typical of the band.
public struct ReviewCalibration: Codable, Sendable, Equatable {
    /// Pairs of the band, and Σ p over them.
    public var bandPairs: Int
    public var bandExpectedByModel: Double
    /// Decided pairs of the band, Σ p over them, and how many the verifier found to be matches.
    public var decided: Int
    public var decidedExpectedByModel: Double
    public var decidedMatches: Int

    /// The band's matches estimated from the decisions.
    public var bandMatches: Double {
        guard decided > 0 else { return bandExpectedByModel }
        let rate = Double(decidedMatches) / Double(decided)
        return Double(decidedMatches) + Double(max(0, bandPairs - decided)) * rate
    }

    /// The variance of ``bandMatches``: a proportion's from a sample of `decided` out of
    /// `bandPairs` (with the finite-population correction).
    public var bandMatchesVariance: Double {
        guard decided > 1, bandPairs > decided else { return 0 }
        let rate = Double(decidedMatches) / Double(decided)
        let rest = Double(bandPairs - decided)
        return rest * rest * rate * (1 - rate) / Double(decided - 1) * (1 - Double(decided) / Double(bandPairs))
    }

    /// From the probabilities and decisions of the band's decided pairs (`match`: the same
    /// person), and the band's pairs and Σ p.
    public init(decisions: [(probability: Double, match: Bool)], bandPairs: Int, bandExpectedByModel: Double) {
        self.bandPairs = bandPairs
        self.bandExpectedByModel = bandExpectedByModel
        decided = decisions.count
        decidedExpectedByModel = decisions.reduce(0) { $0 + $1.probability }
        decidedMatches = decisions.filter(\.match).count
    }
}

extension ErrorEstimate {
    /// The estimate with the review band's matches taken from `review` instead of the model:
    /// missed matches among the candidates, recall and F1 change, and the cutoff rows at and above
    /// the threshold in use (whose missed matches include the whole band). Precision does not:
    /// the band holds no links.
    public func correcting(with review: ReviewCalibration) -> ErrorEstimate {
        var e = self
        let delta = review.bandMatches - review.bandExpectedByModel
        e.expectedMissedAmongCandidates = max(0, expectedMissedAmongCandidates + delta)
        e.expectedMatches = e.expectedTrueLinks + e.expectedMissedAmongCandidates + e.expectedMissedByBlocking
        e.blockingLossRate = e.expectedMatches > 0 ? e.expectedMissedByBlocking / e.expectedMatches : 0
        // The intervals: the true links' variance as before, the missed matches' from the review
        // sample and capture–recapture.
        let linksVariance = linkedTally.variance
        (e.precision, e.recall, e.f1) = Self.rates(links: Double(links), truePositives: expectedTrueLinks, truePositiveVariance: linksVariance,
                                                   missed: e.expectedMissedAmongCandidates + e.expectedMissedByBlocking,
                                                   missedSpread: Self.missedSpread(variance: review.bandMatchesVariance, captureRecapture))
        e.cutoffs = cutoffs.map { row in
            guard row.threshold >= threshold else { return row }
            var r = row
            r.expectedMissed = max(0, row.expectedMissed + delta)
            let t = Double(row.links) - row.expectedFalseLinks
            let all = t + r.expectedMissed
            r.recall = all > 0 ? t / all : 1
            let d = Double(row.links) + all
            r.f1 = d > 0 ? 2 * t / d : 1
            return r
        }
        e.review = review
        return e
    }
}

