import Foundation
import Testing

/// scripts/check-stages, which CI runs: it passes on the sources as they are and fails when a stage
/// names a type of a later stage.
@Suite struct StageFlowTests {
    func run(_ directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [repositoryRoot + "/scripts/check-stages", directory]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func theSourcesFlowOneWay() throws {
        let r = try run(repositoryRoot + "/Sources/Padan")
        #expect(r.status == 0, "\(r.output)")
    }

    @Test func aBackwardReferenceFails() throws {
        let dir = TemporaryDirectory()
        let copy = dir.file("Padan")
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Sources/Padan", toPath: copy)
        // Block reaching forward into Score's model.
        _ = FileManager.default.createFile(atPath: copy + "/Block/Backward.swift",
                                           contents: Data("// a comment naming MatchModel is fine\nfunc peek(_ m: MatchModel) {}\n".utf8))
        let r = try run(copy)
        #expect(r.status == 1)
        #expect(r.output.contains("Block uses MatchModel from the later stage Score"))
        #expect(!r.output.contains("Backward.swift:1:"))
    }
}
