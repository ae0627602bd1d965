import Foundation
import Testing
@testable import Padan

@Suite struct ErrorEstimateTests {
    /// Weights (prior excluded) whose probabilities are simple: p = 2^w / (1 + 2^w).
    static func profile(_ weights: [Double], masks: [UInt32], rules: Int = 3) -> CandidateProfile {
        CandidateProfile(weights: weights, prior: 0, agreement: masks, ruleNames: (0 ..< rules).map { "r\($0)" },
                         cutoffs: [0.5, 0.2])
    }

    @Test func chaoEstimatorFromCaughtOnceAndTwice() {
        // f1 = 10, f2 = 5, K = 2, bias-corrected: (1/2) · 10 · 9 / (2 · 6) = 3.75.
        let c = CaptureRecapture(rules: 2, caughtBy: [10, 5])
        #expect(abs(c.unseen - 3.75) < 1e-12)
        #expect(c.caughtBy == [3.75, 10, 5])
        #expect(c.method == .chaoBiasCorrected)
        #expect(c.standardDeviation > 0)
        #expect(c.lower > 0 && c.lower < c.unseen && c.upper > c.unseen)
        // No match caught twice: f1 (f1 − 1) / 2 · (K − 1)/K.
        #expect(abs(CaptureRecapture(rules: 4, caughtBy: [4, 0, 0, 9]).unseen - 0.75 * 4 * 3 / 2) < 1e-12)
        // Nothing caught once, or less than one match: no evidence of unseen matches.
        #expect(CaptureRecapture(rules: 3, caughtBy: [0, 7, 20]).unseen == 0)
        #expect(CaptureRecapture(rules: 3, caughtBy: [0.8, 0, 20]).unseen == 0)
        // One rule cannot estimate anything, and says so.
        let one = CaptureRecapture(rules: 1, caughtBy: [30])
        #expect(one.unseen == 0 && one.method == .notEstimable)
    }

    @Test func chaoDoesNotExplodeWhenFewMatchesAreCaughtTwice() {
        // A small clean list: about one match caught by one rule, a hundredth of one by two. The
        // classic f1² / (2 f2) gives 6/7 · 1.03² / 0.02 ≈ 45 unseen matches; the bias-corrected
        // form stays far below one, and its interval reaches only a few (the data say little).
        let c = CaptureRecapture(rules: 7, caughtBy: [1.03, 0.01, 14, 23, 25, 27, 213])
        #expect(c.unseen < 0.05)
        #expect(c.upper < 5)
        // When f2 is large the two forms agree: f1 = 79, f2 = 176, K = 7.
        let large = CaptureRecapture(rules: 7, caughtBy: [79, 176, 285, 291, 220, 245, 489])
        let classic = 6.0 / 7 * 79 * 79 / (2 * 176)
        #expect(abs(large.unseen - classic) / classic < 0.03)
        #expect(large.lower < large.unseen && large.unseen < large.upper)
    }

    @Test func profileTalliesAreExactAtEachCutoff() {
        // Probabilities 0.5 (w 0), 0.8 (w 2), 0.2 (w −2), 1/9 (w −3), 15/16 (w log2 15).
        let weights: [Double] = [0, 2, -2, -3, Foundation.log2(15.0)]
        let p = CandidateProfile(weights: weights, prior: 0, agreement: [1, 3, 1, 4, 7], ruleNames: ["a", "b", "c"], cutoffs: [0.5, 0.2])
        let half = p.atOrAbove(0.5)!
        #expect(half.pairs == 3)
        let matches: Double = 0.5 + 0.8 + 15.0 / 16, variance: Double = 0.25 + 0.16 + 15.0 / 256
        #expect(abs(half.expectedMatches - matches) < 1e-9)
        #expect(abs(half.variance - variance) < 1e-9)
        #expect(p.atOrAbove(0.2)!.pairs == 4)
        #expect(p.total.pairs == 5)
        #expect(p.histogram.map { $0.pairs }.reduce(0, +) == 5)
        #expect(p.captures.map { $0.rules } == [1, 3, 4, 7])
        #expect(p.captures.first { $0.rules == 1 }!.tally.pairs == 2)
    }

    @Test func estimateAddsUpItsParts() {
        // Links: the pairs at or above 0.5. Rule histories: caught once (mask 1 or 4), twice (3), three times (7).
        let weights: [Double] = [0, 2, -2, -3, Foundation.log2(15.0)]
        let masks: [UInt32] = [1, 3, 1, 4, 7]
        let p = Self.profile(weights, masks: masks)
        let linked = p.atOrAbove(0.5)!
        let e = ErrorEstimate(profile: p, links: linked, threshold: 0.5, reviewThreshold: 0.2)
        let probabilities = weights.map { MatchModel.probability(weight: $0) }
        #expect(e.links == 3)
        let falseLinks: Double = 0.5 + 0.2 + 1.0 / 16, missed: Double = 0.2 + 1.0 / 9
        #expect(abs(e.expectedFalseLinks - falseLinks) < 1e-9)
        #expect(abs(e.expectedMissedAmongCandidates - missed) < 1e-9)
        let f1: Double = probabilities[0] + probabilities[2] + probabilities[3], f2: Double = probabilities[1]
        let unseen: Double = (2.0 / 3) * f1 * max(0, f1 - 1) / (2 * (f2 + 1))
        #expect(abs(e.expectedMissedByBlocking - unseen) < 1e-9)
        let all: Double = e.expectedTrueLinks + e.expectedMissedAmongCandidates + e.expectedMissedByBlocking
        #expect(abs(e.expectedMatches - all) < 1e-9)
        #expect(abs(e.precision.value - e.expectedTrueLinks / 3) < 1e-12)
        #expect(abs(e.recall.value - e.expectedTrueLinks / e.expectedMatches) < 1e-12)
        #expect(e.precision.lower < e.precision.value && e.precision.value < e.precision.upper)
        // The cutoff row at the threshold in use agrees with the headline, and its review band
        // holds the one pair between 0.2 and 0.5.
        let row = e.cutoffs.first { $0.threshold == 0.5 }!
        #expect(row.links == 3 && row.reviewPairs == 1)
        #expect(abs(row.expectedFalseLinks - e.expectedFalseLinks) < 1e-9)
        let thresholds = e.cutoffs.map { $0.threshold }
        #expect(thresholds == thresholds.sorted())
        // Fewer links as the threshold rises, never more.
        #expect(zip(e.cutoffs, e.cutoffs.dropFirst()).allSatisfy { $0.links >= $1.links })
    }

    @Test func recallsIntervalReachesFurtherDownWhenBlockingLossIsUncertain() {
        // Many matches caught by one rule and few by two: Chao's interval for the unseen matches is
        // far wider above its estimate than below, and recall's interval follows it the other way.
        let capture = CaptureRecapture(rules: 3, caughtBy: [60, 4, 900])
        #expect(capture.upper - capture.unseen > 2 * (capture.unseen - capture.lower))
        let spread = ErrorEstimate.missedSpread(variance: 25, capture)
        #expect(spread.above > spread.below)
        let (precision, recall, f1) = ErrorEstimate.rates(links: 1000, truePositives: 980, truePositiveVariance: 15,
                                                          missed: 20 + capture.unseen, missedSpread: spread)
        #expect(recall.value - recall.lower > recall.upper - recall.value)
        #expect(f1.value - f1.lower > f1.upper - f1.value)
        // Precision does not depend on the missed matches: symmetric, from Σ p(1 − p) alone.
        let half = 1.959964 * 15.0.squareRoot() / 1000
        #expect(abs((precision.upper - precision.value) - half) < 1e-12 && abs((precision.value - precision.lower) - half) < 1e-12)
        // With no capture–recapture spread the interval is the symmetric normal one.
        let none = CaptureRecapture(rules: 1, caughtBy: [10])
        let (_, symmetric, _) = ErrorEstimate.rates(links: 1000, truePositives: 980, truePositiveVariance: 15, missed: 20,
                                                    missedSpread: ErrorEstimate.missedSpread(variance: 25, none))
        #expect(abs((symmetric.value - symmetric.lower) - (symmetric.upper - symmetric.value)) < 1e-12)
    }

    @Test func aResultFromTheLinkerCarriesItsProfile() throws {
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: repositoryRoot + "/corpora/synth-2k/" + $0) }
        let result = try Linker().link(tables)
        let profile = try #require(result.candidateProfile)
        #expect(profile.total.pairs == result.candidatePairs)
        #expect(profile.captures.map { $0.tally.pairs }.reduce(0, +) == result.candidatePairs)
        // Every pair agrees at least on the rule that produced it.
        #expect(!profile.captures.contains { $0.rules == 0 })
        let e = try #require(ErrorEstimate(result: result, threshold: 0.5, reviewThreshold: 0.2))
        #expect(e.links == result.links.count)
        #expect(e.precision.value > 0.95 && e.recall.value > 0.95)
    }
}

@Suite struct ReviewCalibrationTests {
    @Test func theBandsMatchesComeFromTheDecisions() {
        // 100 pairs in the band, Σ p 35 by the model; 20 decided (Σ p 7), 16 of them matches.
        let decisions = (0 ..< 20).map { (probability: 0.35, match: $0 < 16) }
        let r = ReviewCalibration(decisions: decisions, bandPairs: 100, bandExpectedByModel: 35)
        #expect(r.decided == 20 && r.decidedMatches == 16 && abs(r.decidedExpectedByModel - 7) < 1e-9)
        #expect(abs(r.bandMatches - (16 + 80 * 0.8)) < 1e-9)
        #expect(r.bandMatchesVariance > 0)
        // Every pair decided: the band's matches are known, with no variance.
        let all = ReviewCalibration(decisions: (0 ..< 10).map { (0.4, $0 < 3) }, bandPairs: 10, bandExpectedByModel: 4)
        #expect(all.bandMatches == 3 && all.bandMatchesVariance == 0)
        // No decisions: the model's own figure.
        #expect(ReviewCalibration(decisions: [], bandPairs: 10, bandExpectedByModel: 4).bandMatches == 4)
    }

    @Test func aReviewedBandCorrectsTheMissedMatchesAndRecall() throws {
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: repositoryRoot + "/corpora/synth-2k/" + $0) }
        var settings = LinkSettings.indonesianDefault
        settings.threshold = 0.99
        let result = try Linker(settings: settings).link(tables)
        let band = result.review.filter { $0.probability < settings.threshold }
        try #require(!band.isEmpty)
        let dir = TemporaryDirectory()
        try LinkOutput.write(result, settings: settings, to: dir.file("hasil"), force: false)
        // The verifier finds every band pair to be the same person.
        var csv = "left_source,left_id,right_source,right_id,decision\n"
        for p in band {
            csv += "\(tables[p.left.list].name),\(tables[p.left.list].id(row: p.left.row)),\(tables[p.right.list].name),\(tables[p.right.list].id(row: p.right.row)),ya\n"
        }
        let sheet = dir.write("review.csv", csv)
        let before = try #require(try ReportData.load(directory: dir.file("hasil")).estimate)
        let calibration = try #require(try HTMLReport.rebuild(directory: dir.file("hasil"), reviewSheet: sheet))
        #expect(calibration.decided == band.count && calibration.decidedMatches == band.count)
        let after = try #require(try ReportData.load(directory: dir.file("hasil")).estimate)
        let modelBand = band.reduce(0.0) { $0 + $1.probability }
        #expect(abs((after.expectedMissedAmongCandidates - before.expectedMissedAmongCandidates) - (Double(band.count) - modelBand)) < 1e-6)
        #expect(after.recall.value < before.recall.value)
        #expect(after.precision.value == before.precision.value)
        let html = try String(contentsOfFile: dir.file("hasil/report.html"), encoding: .utf8)
        #expect(html.contains("id=\"review-calibration\""))
        // Correcting again with the same sheet gives the same estimate, not a double correction.
        try HTMLReport.rebuild(directory: dir.file("hasil"), reviewSheet: sheet)
        #expect(try ReportData.load(directory: dir.file("hasil")).estimate == after)
    }
}
