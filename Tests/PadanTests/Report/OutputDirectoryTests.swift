import Foundation
import Testing
@testable import Padan

@Suite struct OutputDirectoryTests {
    let dir = TemporaryDirectory()

    /// A run killed with `kill -9` leaves its hidden directory beside the output; the next run into
    /// the same place removes it, but never the directory of a run that is still going on.
    @Test func theNextRunRemovesWhatAKilledRunLeft() throws {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = dir.file(".hasil.padan-tmp-\(finished.processIdentifier)-7")
        let alive = dir.file(".hasil.padan-tmp-\(getpid())-8")
        let other = dir.file(".lain.padan-tmp-\(finished.processIdentifier)-9")
        for path in [dead, alive, other] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) }
        dir.write(".hasil.padan-tmp-\(finished.processIdentifier)-7/links.csv", "partial")
        let output = try OutputDirectory(path: dir.file("hasil"), force: false)
        try output.write("links.csv", Array("left_id\n".utf8))
        try output.commit()
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(FileManager.default.fileExists(atPath: other), "another output's leftovers are not this run's to remove")
        #expect(FileManager.default.fileExists(atPath: dir.file("hasil/links.csv")))
    }
}
