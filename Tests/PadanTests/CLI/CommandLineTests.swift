import Foundation
import Testing
@testable import Padan

/// The command line's own promises: its version, its exit codes, and suggestions for misspellings.
@Suite struct CommandLineTests {
    let dir = TemporaryDirectory()

    @Test func versionIsPrinted() throws {
        let r = try PadanProcess.run(["--version"])
        #expect(r.status == 0 && r.stdout == PadanVersion.current + "\n")
    }

    /// The README promises 1 for every usage mistake; the argument parser's own code would be 64.
    @Test func usageMistakesExitWithOne() throws {
        for arguments in [["link"], ["link", "a.csv", "b.csv"], ["inspect", "--no-such-flag", "x"], ["link", "--threshold", "x", "a", "b", "--out", "o"]] {
            let r = try PadanProcess.run(arguments)
            #expect(r.status == 1, "\(arguments): \(r.status) \(r.stderr)")
            #expect(!r.stderr.isEmpty)
        }
    }

    @Test func misspeltCommandsAndKeysGetASuggestion() throws {
        let command = try PadanProcess.run(["lnik", "a.csv", "b.csv"])
        #expect(command.status == 1)
        #expect(command.stderr.contains("unknown command 'lnik' (did you mean 'link'?)"))
        let far = try PadanProcess.run(["zzzz"])
        #expect(far.status == 1 && !far.stderr.contains("did you mean"))
        let config = dir.write("salah.yaml", "link:\n  treshold: 0.9\n")
        let check = try PadanProcess.run(["config", "--check", config])
        #expect(check.status == 1)
        #expect(check.stderr.contains("salah.yaml:2: link.treshold: unknown key (did you mean 'threshold'?)"), "\(check.stderr)")
    }

    @Test func suggestionsAreCloseOrNothing() {
        #expect(Suggestion.closest(to: "dedup", among: ["link", "dedupe"]) == "dedupe")
        #expect(Suggestion.closest(to: "ab", among: ["link", "xy"]) == nil)
        #expect(Suggestion.closest(to: "blocking", among: ["blocking_rules", "blockng"]) == "blockng")
    }
}
