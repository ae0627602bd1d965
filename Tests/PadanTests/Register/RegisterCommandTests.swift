import Foundation
import Testing
@testable import Padan

/// `padan register` and `padan match` from the command line: the crash test, refusals, errors.
@Suite(.serialized) struct RegisterCommandTests {
    let dir = TemporaryDirectory()

    func synth(rows: Int, seed: Int) throws -> String {
        let out = dir.file("lists")
        let r = try PadanProcess.run(["synth", "--rows", "\(rows)", "--seed", "\(seed)", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    /// The register's state as export writes it, with the times of addition taken out (they
    /// differ between two runs of the same addition).
    func state(_ register: String) throws -> String {
        let info = try PadanProcess.run(["register", "info", register, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let parsed = try JSONDecoder().decode(RegisterInfo.self, from: Data(info.stdout.utf8))
        let out = dir.file("export-\(UUID().uuidString)")
        let r = try PadanProcess.run(["register", "export", register, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        var text = ""
        for file in ["records.csv", "links.csv", "changes.csv"] {
            text += String(decoding: FileManager.default.contents(atPath: out + "/" + file) ?? Data(), as: UTF8.self)
        }
        for list in parsed.lists { text = text.replacingOccurrences(of: list.added, with: "T") }
        try? FileManager.default.removeItem(atPath: out)
        return text
    }

    /// `kill -9` at random moments of an addition, 50 times: the register always opens, passes
    /// its integrity check, and holds exactly the state before or the state after.
    @Test func anAdditionKilledAtAnyMomentLeavesBeforeOrAfter() throws {
        let lists = try synth(rows: 400, seed: 31)
        let base = dir.file("base.padan")
        let created = try PadanProcess.run(["register", "create", base, "--from", lists + "/provinsi.csv", "--reference-date", "2026-06-30"])
        #expect(created.status == 0, "\(created.stderr)")
        let before = try state(base)
        let reference = dir.file("reference.padan")
        try FileManager.default.copyItem(atPath: base, toPath: reference)
        let started = Date()
        let added = try PadanProcess.run(["register", "add", reference, lists + "/kota.csv"])
        let duration = Date().timeIntervalSince(started)
        #expect(added.status == 0, "\(added.stderr)")
        let after = try state(reference)
        #expect(before != after)
        var rng = SplitMix64(seed: 2026)
        var outcomes = ["before": 0, "after": 0]
        for trial in 0 ..< 50 {
            let path = dir.file("trial-\(trial).padan")
            try FileManager.default.copyItem(atPath: base, toPath: path)
            let process = Process()
            process.executableURL = PadanProcess.executable
            process.arguments = ["register", "add", path, lists + "/kota.csv"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Moments spread over the whole run and a little past it, every other trial in its
            // last quarter, where the addition writes.
            let u = Double(rng.next() % 10_000) / 10_000
            let delay = trial % 2 == 0 ? duration * 1.1 * u : duration * (0.75 + 0.3 * u)
            usleep(useconds_t(delay * 1e6))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let check = try PadanProcess.run(["register", "check", path])
            #expect(check.status == 0, "trial \(trial) after \(delay) s: \(check.stdout) \(check.stderr)")
            let now = try state(path)
            if now == before { outcomes["before"]! += 1 } else if now == after { outcomes["after"]! += 1 } else {
                Issue.record("trial \(trial) after \(delay) s: the register is neither before nor after the addition")
            }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        #expect(outcomes["before"]! + outcomes["after"]! == 50)
        #expect(outcomes["before"]! > 0, "\(outcomes)")
        print("register crash test: \(outcomes["before"]!) kills left the state before, \(outcomes["after"]!) the state after (an addition takes \(duration) s)")
    }

    @Test func refusalsAndErrorsNameTheFile() throws {
        let lists = try synth(rows: 300, seed: 32)
        let reg = dir.file("r.padan")
        #expect(try PadanProcess.run(["register", "create", reg, "--from", lists + "/provinsi.csv", "--reference-date", "2026-06-30"]).status == 0)
        let again = try PadanProcess.run(["register", "add", reg, lists + "/provinsi.csv"])
        #expect(again.status == 1 && again.stderr.contains("already added to the register, as list 'provinsi'"), "\(again.stderr)")
        let exists = try PadanProcess.run(["register", "create", reg, "--from", lists + "/kota.csv"])
        #expect(exists.status == 1 && exists.stderr.contains("a file is already there"), "\(exists.stderr)")
        let config = try PadanProcess.run(["register", "add", reg, lists + "/kota.csv", "--config", dir.write("c.yaml", "link:\n  threshold: 0.9\n")])
        #expect(config.status == 1 && config.stderr.contains("--config cannot change it"), "\(config.stderr)")
        // match writes its files and leaves the register as it was.
        let before = try state(reg)
        let match = try PadanProcess.run(["match", lists + "/kota.csv", "--register", reg, "--out", dir.file("cek")])
        #expect(match.status == 0, "\(match.stderr)")
        for file in ["people.csv", "links.csv", "review.csv", "unmatched_kota.csv", "changes.csv", "rejected.csv", "summary.json",
                     "hasil.xlsx", "review.xlsx"] {
            #expect(FileManager.default.fileExists(atPath: dir.file("cek/" + file)), "\(file)")
        }
        #expect(try state(reg) == before)
        // The workbook opens, and its "only in kota" sheet holds exactly the records of people
        // new to the register, as summary.json counts them.
        let summary = try JSONDecoder().decode(RegisterOutput.Summary.self, from: Data(contentsOf: URL(fileURLWithPath: dir.file("cek/summary.json"))))
        var options = ReadOptions()
        options.layout = .plain
        options.mapping.guess = false
        options.sheet = "Hanya di kota"
        let only = try TableReader.read(path: dir.file("cek/hasil.xlsx"), options: options)
        #expect(only.rowCount == summary.newPeopleRecords && summary.newPeopleRecords > 0, "\(only.rowCount) rows, \(summary.newPeopleRecords) new")
        options.sheet = "Di kedua daftar"
        let both = try TableReader.read(path: dir.file("cek/hasil.xlsx"), options: options)
        #expect(both.rowCount > 0 && both.rowCount <= summary.links)
        let lookup = try PadanProcess.run(["register", "lookup", reg, "--person", "1"])
        #expect(lookup.status == 0 && lookup.stdout.contains("\"list\" : \"provinsi\""), "\(lookup.stdout)")
        // Not a register; a register of a newer format.
        let text = dir.write("not.padan", "NIK,NAMA\n")
        let notRegister = try PadanProcess.run(["register", "info", text])
        #expect(notRegister.status == 1 && notRegister.stderr.contains("not a Padan register"), "\(notRegister.stderr)")
        let newer = dir.file("newer.padan")
        try FileManager.default.copyItem(atPath: reg, toPath: newer)
        try SQLiteDatabase(path: newer, create: false).execute("PRAGMA user_version = 99")
        let refused = try PadanProcess.run(["register", "info", newer])
        #expect(refused.status == 1 && refused.stderr.contains("format 99") && refused.stderr.contains("upgrade Padan"), "\(refused.stderr)")
    }
}
