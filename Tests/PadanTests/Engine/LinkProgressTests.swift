import Foundation
import Testing
@testable import Padan

/// The progress a link reports: every stage announced in order, the metered ones counting up to
/// their total, and the line a terminal shows with the time left.
@Suite struct LinkProgressTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var reports: [LinkProgress] = []
        func add(_ p: LinkProgress) { lock.lock(); reports.append(p); lock.unlock() }
        var all: [LinkProgress] { lock.lock(); defer { lock.unlock() }; return reports }
    }

    @Test(arguments: [Linker.Scope.link, .linkAndDedupe])
    func everyStageIsAnnouncedAndTheMeteredOnesReachTheirTotal(scope: Linker.Scope) throws {
        let tables = try LinkEndToEndTests.read("synth-2k")
        let recorder = Recorder()
        var settings = LinkSettings.indonesianDefault
        settings.threads = 2
        let result = try Linker(settings: settings, progress: { recorder.add($0) }).link(tables, scope: scope)
        let reports = recorder.all
        var order: [String] = []
        for r in reports where order.last != r.stage { order.append(r.stage) }
        // Each stage appears once, as one run of reports.
        #expect(Set(order).count == order.count, "\(order)")
        let expected = ["standardize", "pack records", "block", "compare \(result.candidatePairs) pairs", "score"]
        #expect(expected.allSatisfy(order.contains), "\(order)")
        #expect(order.contains { $0.hasPrefix("train") })
        if scope == .linkAndDedupe {
            #expect(order.contains("train (across lists): u from random pairs") && order.contains("train (within lists): m by EM, prior"), "\(order)")
        }
        for stage in ["standardize", "pack records", "block", "compare \(result.candidatePairs) pairs", "score"] {
            let counted = reports.filter { $0.stage == stage && $0.total > 0 }
            #expect(!counted.isEmpty, "\(stage) reported no share")
            #expect(zip(counted, counted.dropFirst()).allSatisfy { $0.done <= $1.done }, "\(stage) went backwards")
            #expect(counted.last.map { $0.done == $0.total } ?? false, "\(stage) ended at \(counted.last.map { "\($0.done)/\($0.total)" } ?? "-")")
        }
        // Reporting changes nothing.
        let quiet = try Linker(settings: settings).link(tables, scope: scope)
        #expect(quiet.links.map(\.weight) == result.links.map(\.weight))
    }

    @Test func theLineGivesTheShareAndOnceASecondHasPassedTheTimeLeft() {
        let p = LinkProgress(stage: "compare 400 pairs", done: 100, total: 400)
        #expect(p.line(elapsed: 0.5, language: .english) == "padan: compare 400 pairs: 25%...")
        #expect(p.line(elapsed: 3, language: .english) == "padan: compare 400 pairs: 25% (about 9 s left)...")
        #expect(p.line(elapsed: 3) == "padan: compare 400 pairs: 25% (sisa sekitar 9 detik)...")
        let slow = LinkProgress(stage: "write", done: 1, total: 100)
        #expect(slow.line(elapsed: 60, language: .english) == "padan: write: 1% (about 99 min left)...")
        #expect(LinkProgress(stage: "train").line(elapsed: 5) == "padan: train...")
        #expect(LinkProgress(stage: "score", done: 10, total: 10).line(elapsed: 5, language: .english) == "padan: score: 100%...")
    }

    @Test func aMeterCountsFromManyThreadsToItsTotal() {
        let recorder = Recorder()
        let meter = ProgressMeter(stage: "s", total: 100_000) { recorder.add($0) }
        Parallel.forEach(count: 100_000, threads: 4, minChunk: 100, meter: meter) { _ in }
        let reports = recorder.all
        #expect(!reports.isEmpty && zip(reports, reports.dropFirst()).allSatisfy { $0.done < $1.done })
        #expect(reports.last?.done == 100_000)
        // Added in small pieces, it reports every 0.5 %: 200 times, not once per piece.
        let steady = Recorder()
        let small = ProgressMeter(stage: "s", total: 100_000) { steady.add($0) }
        for _ in 0 ..< 1000 { small.add(100) }
        #expect(steady.all.map(\.done) == (1 ... 200).map { $0 * 500 })
    }
}
