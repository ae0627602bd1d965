import Foundation
import Testing
@testable import Padan

/// A tiny truth: list a (a1..a4), list b (b1..b4).
/// Entities: X = a1, b1, b2 (b2 a duplicate of b1); Y = a2, b3; Z = a3; W = a4, b4.
private func tinyTruth() throws -> (String, EvaluationTruth) {
    let dir = NSTemporaryDirectory() + "padan-eval-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir + "/truth", withIntermediateDirectories: true)
    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }
    try write("truth/entities.csv", """
        source,id,entity_id
        a,a1,X
        a,a2,Y
        a,a3,Z
        a,a4,W
        b,b1,X
        b,b2,X
        b,b3,Y
        b,b4,W

        """)
    try write("truth/links.csv", """
        left_source,left_id,right_source,right_id
        a,a1,b,b1
        a,a1,b,b2
        a,a2,b,b3
        a,a4,b,b4

        """)
    try write("truth/duplicates.csv", """
        source,id_a,id_b
        b,b1,b2

        """)
    try write("a.csv", "ID,NIK,NAMA\na1,3273010101800001,SITI AMINAH\na2,3273010101800002,ASEP\na3,,EUIS\na4,3204050202900003,DEDE\n")
    try write("b.csv", "ID;NIK;NAMA\nb1;3273010101800001;SITI AMINAH\nb2;;SITI A.\nb3;3273010101800002;ASEP S\nb4;3204050202900003;DEDE\n")
    return (dir, try EvaluationTruth.load(directory: dir))
}

private func pair(_ a: String, _ b: String) -> RecordPair {
    RecordPair(left: RecordRef(source: String(a.prefix(1)), id: a), right: RecordRef(source: String(b.prefix(1)), id: b))
}

@Suite struct EvaluationTests {
    @Test func linkScoresOnAHandMadeCase() throws {
        let (_, truth) = try tinyTruth()
        #expect(truth.linkCount == 4 && truth.duplicateCount == 1)
        // Right: a1-b1, a2-b3. Wrong: a3-b4. Repeated: a1-b1 (reversed). Missed: a1-b2, a4-b4.
        let e = LinkEvaluation(truth: truth, predicted: [pair("a1", "b1"), pair("a2", "b3"), pair("a3", "b4"), pair("b1", "a1")])
        #expect(e.crossList == PairScores(truePositives: 2, falsePositives: 1, falseNegatives: 2))
        #expect(abs(e.crossList.precision - 2.0 / 3) < 1e-12)
        #expect(e.crossList.recall == 0.5)
        #expect(abs(e.crossList.f1 - 4.0 / 7) < 1e-12)
        #expect(e.withinList == nil)
        #expect(e.falsePositiveSample == [pair("a3", "b4")])
        #expect(Set(e.falseNegativeSample) == [pair("a1", "b2"), pair("a4", "b4")])
    }

    @Test func withinListPairsAndUnknownRecords() throws {
        let (_, truth) = try tinyTruth()
        let e = LinkEvaluation(truth: truth, predicted: [pair("b1", "b2"), pair("a1", "a2"), pair("a1", "b9")])
        #expect(e.withinList == PairScores(truePositives: 1, falsePositives: 1, falseNegatives: 0))
        #expect(e.crossList == PairScores(truePositives: 0, falsePositives: 1, falseNegatives: 4))
        #expect(e.unknownRecordPairs == 1)
    }

    @Test func readsLinksWithAndWithoutSources() throws {
        let (dir, truth) = try tinyTruth()
        try "left_id,right_id,weight\na1,b1,12.5\na4,b4,3\n".write(toFile: dir + "/l.csv", atomically: true, encoding: .utf8)
        let pairs = try Evaluation.readPairs(path: dir + "/l.csv", truth: truth)
        #expect(pairs == [pair("a1", "b1"), pair("a4", "b4")])
        try "right_source,right_id,left_source,left_id\nb,b3,a,a2\n".write(toFile: dir + "/m.csv", atomically: true, encoding: .utf8)
        #expect(try Evaluation.readPairs(path: dir + "/m.csv", truth: truth) == [pair("a2", "b3")])
    }

    @Test func clusterScoresOnAHandMadeCase() throws {
        let (_, truth) = try tinyTruth()
        // Clusters: {a1, b1} {b2} {a2, b3, a3} {a4}; b4 missing (a singleton).
        let assignment: [(RecordRef, String)] = [
            (RecordRef(source: "a", id: "a1"), "1"), (RecordRef(source: "b", id: "b1"), "1"),
            (RecordRef(source: "b", id: "b2"), "2"),
            (RecordRef(source: "a", id: "a2"), "3"), (RecordRef(source: "b", id: "b3"), "3"), (RecordRef(source: "a", id: "a3"), "3"),
            (RecordRef(source: "a", id: "a4"), "4"), (RecordRef(source: "c", id: "zz"), "9"),
        ]
        let e = ClusterEvaluation(truth: truth, assignment: assignment)
        // Predicted pairs: 1 + 0 + 3 + 0 = 4; true pairs: X 3 + Y 1 + W 1 = 5; together: a1b1, a2b3 = 2.
        #expect(e.pairwise == PairScores(truePositives: 2, falsePositives: 2, falseNegatives: 3))
        #expect(e.entitiesSplit == 2)   // X (clusters 1, 2) and W (cluster 4 and b4 alone)
        #expect(e.clustersMerged == 1)  // cluster 3 holds Y and Z
        #expect(e.entities == 4 && e.clusters == 5)
        #expect(e.unknownRecords == 1 && e.missingRecords == 1)
    }

    @Test func blockingScoresOnAHandMadeCase() throws {
        let (_, truth) = try tinyTruth()
        let cross = BlockingEvaluation(truth: truth, candidates: [pair("a1", "b1"), pair("a1", "b2"), pair("a2", "b4"), pair("b1", "a1")])
        #expect(cross.candidatePairs == 3 && cross.truePairsFound == 2 && cross.truePairs == 4)
        #expect(cross.pairsCompleteness == 0.5)
        #expect(cross.comparisonSpace == 16)
        #expect(abs(cross.reductionRatio - (1 - 3.0 / 16)) < 1e-12)
        let both = BlockingEvaluation(truth: truth, candidates: [pair("a1", "b1"), pair("b1", "b2")])
        #expect(both.truePairs == 5 && both.truePairsFound == 2)
        #expect(both.comparisonSpace == 16 + 6 + 6)
    }

    @Test func lookupShowsKeyFieldsOfBothRecords() throws {
        let (dir, truth) = try tinyTruth()
        let lookup = try RecordLookup(directory: dir, sources: truth.sources)
        let b2 = lookup.fields(RecordRef(source: "b", id: "b2"))
        #expect(b2?[RecordLookup.roles.firstIndex(of: .name)!] == "SITI A.")
        #expect(lookup.fields(RecordRef(source: "b", id: "nope")) == nil)
    }

    @Test func truthWithAPairOfUnknownRecordsIsRejected() throws {
        let (dir, _) = try tinyTruth()
        try "source,id_a,id_b\nb,b1,b7\n".write(toFile: dir + "/truth/duplicates.csv", atomically: true, encoding: .utf8)
        #expect(throws: PadanError.self) { try EvaluationTruth.load(directory: dir) }
    }
}
