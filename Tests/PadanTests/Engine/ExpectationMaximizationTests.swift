import Testing
@testable import Padan

@Suite struct ExpectationMaximizationTests {
    /// Two comparisons with two levels (agree, disagree). Data drawn exactly from a known model:
    /// EM started elsewhere must find the generating m and λ again.
    @Test func recoversTheGeneratingModel() {
        let trueM = [[0.9, 0.1], [0.8, 0.2]], u = [[0.05, 0.95], [0.1, 0.9]]
        let lambda = 0.3
        var patterns: [[UInt8]] = [], counts: [Double] = []
        for a in 0 ..< 2 {
            for b in 0 ..< 2 {
                let p = lambda * trueM[0][a] * trueM[1][b] + (1 - lambda) * u[0][a] * u[1][b]
                patterns.append([UInt8(a), UInt8(b)])
                counts.append(p * 1_000_000)
            }
        }
        // A third comparison is needed for identifiability with two binary comparisons; instead hold
        // comparison 1 fixed at its true m and learn comparison 0 and λ.
        let em = ExpectationMaximization(patterns: patterns, counts: counts)
        let r = em.run(m: [[0.5, 0.5], trueM[1]], u: u, lambda: 0.1, trainable: [0])
        #expect(abs(r.lambda - lambda) < 1e-3)
        #expect(abs(r.m[0][0] - 0.9) < 1e-3)
        #expect(r.m[1] == trueM[1])
    }

    @Test func nullLevelsAddNoEvidence() {
        let em = ExpectationMaximization(patterns: [[0, ExpectationMaximization.nullLevel]], counts: [10])
        let r = em.run(m: [[0.9, 0.1], [0.9, 0.1]], u: [[0.1, 0.9], [0.1, 0.9]], lambda: 0.5, trainable: [0, 1])
        #expect(r.m[1] == [0.9, 0.1])
    }

    @Test func patternsAreCountedInFirstSeenOrder() {
        let em = ExpectationMaximization.patterns(levels: [0, 1, 2, 2, 0, 1, 255, 0], comparisonCount: 2) { $0 != 3 }
        #expect(em.patterns == [[0, 1], [2, 2]])
        #expect(em.counts == [2, 1])
    }
}
