import Foundation
import Testing
@testable import Padan
import PadanSynth

/// The register against the batch runs it must agree with, on generated lists with their truth.
@Suite struct RegisterTests {
    final class Corpus: @unchecked Sendable {
        let dir: String
        let tables: [Table]
        let truth: EvaluationTruth

        init(lists: Int, rows: Int, seed: UInt64) throws {
            let dir = NSTemporaryDirectory() + "padan-register-\(ProcessInfo.processInfo.processIdentifier)-\(lists)-\(seed)-\(UUID().uuidString.prefix(8))"
            self.dir = dir
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let report = try Synthesizer.write(SynthSettings(rows: rows, overlap: 0.6, dupes: 0.02, seed: seed, lists: lists),
                                               to: dir + "/lists", command: "test")
            var options = ReadOptions()
            options.referenceYear = 2026
            tables = try report.lists.map { try TableReader.read(path: dir + "/lists/" + $0.file, options: options) }
            truth = try EvaluationTruth.load(directory: dir + "/lists")
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }

        func path(_ name: String) -> String { dir + "/" + name }
    }

    static func pairs(_ links: [ScoredPair], _ tables: [Table], acrossOnly: Bool) -> Set<String> {
        Set(links.compactMap { p in
            if acrossOnly && p.left.list == p.right.list { return nil }
            let a = "\(tables[p.left.list].name):\(tables[p.left.list].id(row: p.left.row))"
            let b = "\(tables[p.right.list].name):\(tables[p.right.list].id(row: p.right.row))"
            return min(a, b) + "|" + max(a, b)
        })
    }

    static func crossListF1(_ links: [ScoredPair], _ tables: [Table], truth: EvaluationTruth) -> Double {
        let predicted = links.filter { $0.left.list != $0.right.list }.map { link in
            RecordPair(left: RecordRef(source: tables[link.left.list].name, id: tables[link.left.list].id(row: link.left.row)),
                       right: RecordRef(source: tables[link.right.list].name, id: tables[link.right.list].id(row: link.right.row)))
        }
        return LinkEvaluation(truth: truth, predicted: predicted).crossList.f1
    }

    /// A register made from one list and given a second links the two exactly as `padan link`
    /// does: the first addition trains the model on both, as the batch run trains it.
    @Test func aRegisterOfOneListGivenASecondLinksAsTheBatchRun() throws {
        let corpus = try Corpus(lists: 2, rows: 1500, seed: 7101)
        var settings = LinkSettings.indonesianDefault
        settings.referenceYear = 2026
        let batch = try Linker(settings: settings).link(corpus.tables, scope: .linkAndDedupe)
        let (register, created) = try Register.create(at: corpus.path("r.padan"), lists: [corpus.tables[0]], referenceDate: "2026-06-30")
        #expect(created.retrained && created.committed)
        let change = try register.add(corpus.tables[1])
        #expect(change.retrained)
        let batchPairs = Self.pairs(batch.links, batch.tables, acrossOnly: true)
        #expect(!batchPairs.isEmpty)
        #expect(Self.pairs(change.links, change.result.tables, acrossOnly: true) == batchPairs)
        #expect(try register.integrityProblems().isEmpty)
        let info = try register.info()
        #expect(info.lists.map(\.name) == corpus.tables.map(\.name))
        #expect(info.records == corpus.tables.reduce(0) { $0 + $1.rowCount })
    }

    /// A → add B → add C: the people of A keep their ids (but for recorded merges and splits),
    /// and the three-list links are as good as a batch link of A, B and C.
    @Test func threeListsAddedOneByOneKeepIdsAndMeetTheBatchRun() throws {
        let corpus = try Corpus(lists: 3, rows: 1500, seed: 7102)
        let t = corpus.tables
        var settings = LinkSettings.indonesianDefault
        settings.referenceYear = 2026
        let batch = try Linker(settings: settings).link(t, scope: .linkAndDedupe)
        let (register, _) = try Register.create(at: corpus.path("r.padan"), lists: [t[0]], referenceDate: "2026-06-30")
        let afterB = try register.add(t[1])
        let idsAfterB = afterB.person
        let afterC = try register.add(t[2])
        #expect(!afterC.retrained, "the model trained at the first addition links the third list")
        var changed = 0
        let explained = Set(afterC.merges.map(\.merged)).union(afterC.splits.map(\.from))
        for g in idsAfterB.indices where afterC.person[g] != idsAfterB[g] {
            changed += 1
            #expect(explained.contains(idsAfterB[g]), "record \(g) moved from \(idsAfterB[g]) to \(afterC.person[g]) without a recorded change")
        }
        #expect(changed <= afterC.merges.count * 20 + afterC.splits.reduce(0) { $0 + $1.records })
        // Every link the register holds, as one result over the three lists.
        let held = try RegisterSnapshot.load(register.database)
        let incremental = Self.crossListF1(held.links, held.tables, truth: corpus.truth)
        let batchF1 = Self.crossListF1(batch.links, batch.tables, truth: corpus.truth)
        #expect(incremental >= batchF1 - 0.005, "incremental \(incremental) against batch \(batchF1)")
        #expect(try register.integrityProblems().isEmpty)
        // The person of a record found by NIK holds that record.
        let nik = t[2].column(.nik)!.string(0)
        let found = try register.lookup(nik: nik)
        #expect(!found.isEmpty)
        for record in found { #expect(try register.person(record.person).contains(record)) }
    }

    @Test func matchStoresNothingAndAddingTheSameFileTwiceIsRefused() throws {
        let corpus = try Corpus(lists: 2, rows: 600, seed: 7103)
        let (register, _) = try Register.create(at: corpus.path("r.padan"), lists: [corpus.tables[0]], referenceDate: "2026-06-30")
        let before = try register.info()
        let matched = try register.match(corpus.tables[1])
        #expect(!matched.committed && !matched.links.isEmpty)
        let after = try register.info()
        #expect(after.records == before.records && after.lists.count == 1 && after.updated == before.updated)
        try register.add(corpus.tables[1])
        #expect(throws: PadanError.self) { try register.add(corpus.tables[1]) }
        #expect(throws: PadanError.self) { try register.add(corpus.tables[0]) }
        #expect(try register.info().records == before.records + corpus.tables[1].rowCount)
        // A register is never replaced by create.
        #expect(throws: PadanError.self) { _ = try Register.create(at: corpus.path("r.padan"), lists: [corpus.tables[1]], referenceDate: "2026-06-30") }
    }

    /// Readers go on while an addition writes (WAL): each lookup sees the register before or after.
    @Test func readersSeeBeforeOrAfterWhileAnAdditionRuns() throws {
        let corpus = try Corpus(lists: 2, rows: 800, seed: 7104)
        let path = corpus.path("r.padan")
        _ = try Register.create(at: path, lists: [corpus.tables[0]], referenceDate: "2026-06-30")
        let before = corpus.tables[0].rowCount, after = before + corpus.tables[1].rowCount
        let second = corpus.tables[1]
        let done = DispatchSemaphore(value: 0)
        let failure = LockedBox<String?>(nil)
        DispatchQueue.global().async {
            do { try Register.open(at: path).add(second) } catch { failure.set("\(error)") }
            done.signal()
        }
        let reader = try Register.open(at: path, readOnly: true)
        var seen = Set<Int>()
        var finished = false
        while !finished {
            finished = done.wait(timeout: .now()) == .success
            let n = try reader.info().records
            #expect(n == before || n == after)
            seen.insert(n)
        }
        #expect(failure.get() == nil, "\(failure.get() ?? "")")
        #expect(try reader.info().records == after)
        #expect(seen.contains(before))
    }
}

final class LockedBox<T>: @unchecked Sendable {
    private var value: T
    private let lock = NSLock()
    init(_ value: T) { self.value = value }
    func set(_ v: T) { lock.withLock { value = v } }
    func get() -> T { lock.withLock { value } }
}

extension RegisterTests {
    /// The workbooks of an addition are made from a view of it: the added list whole, and the
    /// held records its links and review pairs reach, with every pair moved to the view's rows.
    @Test func theViewOfAnAdditionHoldsItsPairsAndTheRecordsTheyJoin() throws {
        let corpus = try Corpus(lists: 3, rows: 500, seed: 7105)
        let (register, _) = try Register.create(at: corpus.path("r.padan"), lists: Array(corpus.tables[0 ..< 2]), referenceDate: "2026-06-30")
        let change = try register.add(corpus.tables[2])
        let view = RegisterOutput.view(change)
        let added = try #require(view.tables.last)
        #expect(added.rowCount == corpus.tables[2].rowCount && view.tables.count <= 3)
        #expect(view.links.count == change.links.count && view.review.count == change.review.count)
        // The same pairs, by list name and record id.
        func named(_ pairs: [ScoredPair], _ tables: [Table]) -> Set<String> { Self.pairs(pairs, tables, acrossOnly: false) }
        #expect(named(view.links, view.tables) == named(change.links, change.result.tables))
        #expect(named(view.review, view.tables) == named(change.review, change.result.tables))
        // Every held record in the view is in one of its pairs.
        for (l, t) in view.tables.dropLast().enumerated() {
            let used = Set((view.links + view.review).flatMap { [$0.left, $0.right] }.filter { $0.list == l }.map(\.row))
            #expect(used == Set(0 ..< t.rowCount))
        }
    }
}
