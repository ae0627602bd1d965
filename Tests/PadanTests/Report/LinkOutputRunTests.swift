import Foundation
import Testing
@testable import Padan

/// The output jobs: early ones beside the calling thread's own work, then late ones; results in
/// job order whatever the threads, and the first job's error (in that order) thrown after every
/// job has finished.
@Suite struct LinkOutputRunTests {
    struct Failure: Error, Equatable { let job: Int }

    @Test(arguments: [1, 2, 4])
    func resultsInJobOrder(threads: Int) throws {
        let early = (0 ..< 5).map { i in { () throws -> [UInt8] in [UInt8(i)] } }
        var thenRan = false
        let results = try LinkOutput.run(early, threads: threads) {
            thenRan = true
            return (5 ..< 8).map { i in { () throws -> [UInt8] in [UInt8(i)] } }
        }
        #expect(thenRan)
        #expect(results.map(\.bytes) == (0 ..< 8).map { [UInt8($0)] })
        #expect(results.allSatisfy { $0.seconds >= 0 })
    }

    @Test(arguments: [1, 2])
    func theFirstErrorInJobOrderAfterAllHaveRun(threads: Int) throws {
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var value = 0
            func add() { lock.withLock { value += 1 } }
        }
        let ran = Count()
        let early: [() throws -> [UInt8]] = (0 ..< 4).map { i in {
            ran.add()
            if i == 1 || i == 3 { throw Failure(job: i) }
            return []
        } }
        #expect(throws: Failure(job: 1)) {
            _ = try LinkOutput.run(early, threads: threads) {
                [{ ran.add(); throw Failure(job: 4) }]
            }
        }
        #expect(ran.value == 5)
    }
}
