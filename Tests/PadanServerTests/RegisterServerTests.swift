import Foundation
import Testing
import Padan
import PadanSynth
@testable import PadanServer

/// The register service: keys, limits, errors and the audit log through ``RegisterService``,
/// and the real server (padan-server) started and asked over a socket.
@Suite(.serialized) struct RegisterServerTests {
    final class Fixture: @unchecked Sendable {
        let dir: String
        let register: String
        let lists: [Table]
        let key: String

        init() throws {
            let dir = NSTemporaryDirectory() + "padan-server-test-\(UUID().uuidString.prefix(8))"
            self.dir = dir
            let report = try Synthesizer.write(SynthSettings(rows: 500, overlap: 0.6, dupes: 0.02, seed: 8801), to: dir + "/lists", command: "test")
            var options = ReadOptions()
            options.referenceYear = 2026
            lists = try report.lists.map { try TableReader.read(path: dir + "/lists/" + $0.file, options: options) }
            register = dir + "/r.padan"
            let (reg, _) = try Register.create(at: register, lists: [lists[0]], referenceDate: "2026-06-30")
            try reg.add(lists[1])
            key = try reg.addKey(name: "test")
        }

        deinit { try? FileManager.default.removeItem(atPath: dir) }

        func service(_ limits: RegisterService.Limits = .init()) throws -> RegisterService {
            var limits = limits
            limits.keyRefreshSeconds = 0
            return try RegisterService(register: register, auditLog: dir + "/audit.jsonl", limits: limits, openAPI: try RegisterServer.openAPIDocument())
        }

        func auditLines() -> [[String: Any]] {
            let text = String(decoding: FileManager.default.contents(atPath: dir + "/audit.jsonl") ?? Data(), as: UTF8.self)
            return text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        }
    }

    static func body(_ object: Any) -> [UInt8] { Array(try! JSONSerialization.data(withJSONObject: object)) }
    static func json(_ reply: RegisterService.Reply) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any] ?? [:]
    }

    /// The fields of row `row` of `table`, as a client would send them.
    static func person(_ table: Table, _ row: Int) -> [String: String] {
        var p: [String: String] = [:]
        for (role, key) in [(Role.nik, "nik"), (.name, "name"), (.birthDate, "birth_date"), (.village, "village")] {
            if let v = table.column(role)?.string(row), !v.isEmpty { p[key] = v }
        }
        return p
    }

    @Test func noKeyAWrongKeyOrARevokedKeyGets401AndNoData() throws {
        let f = try Fixture()
        let service = try f.service()
        let request = Self.body(["person": Self.person(f.lists[1], 0)])
        for key in [nil, "", "padan_wrong", f.key + "x"] as [String?] {
            let r = service.handle(method: "POST", path: "/v1/match", apiKey: key, body: request)
            #expect(r.status == 401, "\(key ?? "nil")")
            #expect(Self.json(r)["candidates"] == nil && Self.json(r)["error"] != nil)
            let p = service.handle(method: "GET", path: "/v1/people/1", apiKey: key, body: [])
            #expect(p.status == 401 && Self.json(p)["records"] == nil)
        }
        #expect(service.handle(method: "POST", path: "/v1/match", apiKey: f.key, body: request).status == 200)
        try Register.open(at: f.register).revokeKey(name: "test")
        let revoked = service.handle(method: "POST", path: "/v1/match", apiKey: f.key, body: request)
        #expect(revoked.status == 401 && Self.json(revoked)["candidates"] == nil)
        // Only the one answered lookup is in the audit log.
        #expect(f.auditLines().count == 1)
    }

    @Test func aPersonOfTheRegisterIsFoundWithTheEvidenceAndEveryAnswerIsAudited() throws {
        let f = try Fixture()
        let service = try f.service()
        var answered = 0
        for row in [0, 7, 21, 99] {
            let r = service.handle(method: "POST", path: "/v1/match", apiKey: f.key, body: Self.body(["person": Self.person(f.lists[1], row), "limit": 3]))
            #expect(r.status == 200)
            answered += 1
            let candidates = try #require(Self.json(r)["candidates"] as? [[String: Any]])
            // The record itself is in the register: it is a candidate, near certain (another
            // record of the same person may rank above it: agreement on the birth date counts
            // apart from the NIK's only when the NIKs differ).
            let itself = try #require(candidates.first { $0["list"] as? String == f.lists[1].name && $0["id"] as? String == f.lists[1].id(row: row) }, "\(candidates)")
            #expect((itself["probability"] as? Double ?? 0) > 0.99)
            let top = candidates[0]
            #expect((top["probability"] as? Double ?? 0) >= (itself["probability"] as? Double ?? 1))
            let evidence = try #require(top["explanation"] as? [[String: Any]])
            #expect(evidence.map { $0["comparison"] as? String } == ["nik", "name", "birth_date", "sex", "household", "birth_place"])
            let person = try #require(top["person"] as? Int)
            let p = service.handle(method: "GET", path: "/v1/people/\(person)", apiKey: f.key, body: [])
            #expect(p.status == 200)
            answered += 1
            let records = try #require(Self.json(p)["records"] as? [[String: Any]])
            #expect(records.contains { $0["list"] as? String == f.lists[1].name && $0["line"] as? Int == Int(f.lists[1].lineNumbers[row]) })
        }
        let batch = service.handle(method: "POST", path: "/v1/match", apiKey: f.key,
                                   body: Self.body(["people": [Self.person(f.lists[0], 1), ["name": "NOBODY ATALL", "birth_date": "1901-01-01"]]]))
        #expect(batch.status == 200)
        answered += 2
        let results = try #require(Self.json(batch)["results"] as? [[String: Any]])
        #expect(results.count == 2 && (results[1]["candidates"] as? [Any])?.isEmpty == true)
        #expect(service.handle(method: "GET", path: "/v1/people/999999", apiKey: f.key, body: []).status == 404)
        answered += 1
        let audit = f.auditLines()
        #expect(audit.count == answered)
        #expect(audit.allSatisfy { $0["key"] as? String == "test" && $0["time"] != nil })
        #expect(audit[0]["fields"] as? [String] == ["nik", "name", "birth_date", "village"])
        // The values asked are not in the log.
        let text = String(decoding: FileManager.default.contents(atPath: f.dir + "/audit.jsonl")!, as: UTF8.self)
        #expect(!text.contains(f.lists[1].column(.nik)!.string(0)))
    }

    @Test func oversizedAndMalformedRequestsGetClearErrors() throws {
        let f = try Fixture()
        var limits = RegisterService.Limits()
        limits.maxBodyBytes = 300
        limits.maxBatch = 3
        let service = try f.service(limits)
        let big = service.handle(method: "POST", path: "/v1/match", apiKey: f.key, body: [UInt8](repeating: 32, count: 301))
        #expect(big.status == 413 && (Self.json(big)["error"] as? String)?.contains("at most 300") == true)
        let many = service.handle(method: "POST", path: "/v1/match", apiKey: f.key, body: Self.body(["people": Array(repeating: ["name": "A"], count: 4)]))
        #expect(many.status == 413 && (Self.json(many)["error"] as? String)?.contains("at most 3") == true)
        for (body, words) in [("{", "not a match request"), ("{\"person\": {\"nama\": \"SITI\"}}", "unknown field 'nama'"),
                              ("{\"person\": {\"nik\": 327301}}", "not a match request"), ("{}", "either \"person\""),
                              ("{\"person\": {}}", "gives no field"), ("{\"person\": {\"name\": \"A\"}, \"limit\": 0}", "limit must be")] {
            let r = service.handle(method: "POST", path: "/v1/match", apiKey: f.key, body: Array(body.utf8))
            #expect(r.status == 400, "\(body): \(r.status)")
            #expect((Self.json(r)["error"] as? String)?.contains(words) == true, "\(body): \(Self.json(r))")
        }
        #expect(service.handle(method: "GET", path: "/v1/people/abc", apiKey: f.key, body: []).status == 400)
        #expect(service.handle(method: "GET", path: "/nowhere", apiKey: f.key, body: []).status == 404)
        #expect(f.auditLines().isEmpty)
    }

    @Test func anAdditionIsSeenAfterARefresh() throws {
        let f = try Fixture()
        let service = try f.service()
        let before = try #require(Self.json(service.handle(method: "GET", path: "/health", apiKey: nil, body: []))["records"] as? String)
        #expect(try service.refreshIfChanged() == false)
        let third = try Synthesizer.write(SynthSettings(rows: 200, overlap: 0.5, dupes: 0.02, seed: 8802), to: f.dir + "/more", command: "test")
        try Register.open(at: f.register).add(try TableReader.read(path: f.dir + "/more/" + third.lists[0].file,
                                                                   options: ReadOptions(name: "tahap3")))
        #expect(try service.refreshIfChanged() == true)
        let after = try #require(Self.json(service.handle(method: "GET", path: "/health", apiKey: nil, body: []))["records"] as? String)
        #expect(Int(after)! == Int(before)! + 200)
        let metrics = String(decoding: service.handle(method: "GET", path: "/metrics", apiKey: nil, body: []).body, as: UTF8.self)
        #expect(metrics.contains("padan_requests_total{route=\"health\",status=\"200\"} 2"))
    }

    /// Starts padan-server (built beside the tests) on a free port; returns it and the port.
    static func start(_ f: Fixture, _ extra: [String] = []) throws -> (Process, Int) {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("padan-server")
        let candidates = [executable, Bundle.main.bundleURL.appendingPathComponent("padan-server")]
        let server = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "padan-server is not built beside the tests")
        let process = Process()
        process.executableURL = server
        process.arguments = ["--register", f.register, "--port", "0", "--audit-log", f.dir + "/live-audit.jsonl"] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // "padan-server: serving ... on http://127.0.0.1:PORT"
        var line = ""
        while !line.contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            process.terminate()
            throw PadanError(.internalError, "padan-server did not start: \(line)")
        }
        return (process, port)
    }

    /// padan-server itself, on a free port: the health check, a 401, a match, and the document.
    @Test func theServerAnswersOverHTTP() throws {
        let f = try Fixture()
        let (process, port) = try Self.start(f)
        defer { process.terminate(); process.waitUntilExit() }
        let health = try HTTP.request(port: port, "GET", "/health")
        #expect(health.status == 200 && health.body.contains("\"status\":\"ok\""))
        #expect(try HTTP.request(port: port, "POST", "/v1/match", body: "{\"person\":{\"name\":\"A\"}}").status == 401)
        let person = String(decoding: Self.body(["person": Self.person(f.lists[0], 3)]), as: UTF8.self)
        let match = try HTTP.request(port: port, "POST", "/v1/match", headers: ["Authorization": "Bearer \(f.key)"], body: person)
        #expect(match.status == 200 && match.body.contains("\"candidates\""), "\(match)")
        let document = try HTTP.request(port: port, "GET", "/v1/openapi.yaml")
        #expect(document.status == 200 && document.body.hasPrefix("openapi: 3"))
        let big = try HTTP.request(port: port, "POST", "/v1/match", headers: ["Authorization": "Bearer \(f.key)"],
                                   body: String(repeating: " ", count: (1 << 20) + 10))
        #expect(big.status == 413)
    }
}

extension RegisterServerTests {
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// With a certificate and key, the service speaks HTTPS only (checked with openssl and curl,
    /// which scripts/test installs).
    @Test func withACertificateTheServerSpeaksHTTPS() throws {
        let f = try Fixture()
        let cert = f.dir + "/cert.pem", key = f.dir + "/key.pem"
        let made = try Self.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                            "-days", "1", "-subj", "/CN=127.0.0.1"])
        #expect(made.status == 0, "openssl could not make a certificate")
        let (process, port) = try Self.start(f, ["--tls-certificate", cert, "--tls-key", key])
        defer { process.terminate(); process.waitUntilExit() }
        let secure = try Self.run("curl", ["-s", "--cacert", cert, "https://127.0.0.1:\(port)/health"])
        #expect(secure.status == 0 && secure.out.contains("\"status\":\"ok\""), "\(secure)")
        let plain = try Self.run("curl", ["-s", "--max-time", "5", "http://127.0.0.1:\(port)/health"])
        #expect(!plain.out.contains("\"status\":\"ok\""))
        let unkeyed = try Self.run("curl", ["-s", "--cacert", cert, "-X", "POST", "-d", "{}", "https://127.0.0.1:\(port)/v1/match"])
        #expect(unkeyed.out.contains("API key is needed"), "\(unkeyed)")
    }

    @Test func aCertificateThatIsNotOneIsAClearError() throws {
        let f = try Fixture()
        let junk = f.dir + "/junk.pem"
        FileManager.default.createFile(atPath: junk, contents: Data("not a certificate".utf8))
        #expect(throws: PadanError.self) { _ = try RegisterServer.tlsConfiguration(.init(certificate: junk, key: junk)) }
    }
}

/// A minimal HTTP/1.1 client over a socket (one request per connection), so the tests need no
/// HTTP client library.
enum HTTP {
    struct Reply { var status: Int; var body: String }

    static func request(port: Int, _ method: String, _ path: String, headers: [String: String] = [:], body: String = "") throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw PadanError(.internalError, "socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw PadanError(.internalError, "connect to \(port) failed") }
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: \(body.utf8.count)\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        text += "\r\n" + body
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }  // the server may answer 413 and close before reading it all
            sent += n
        }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            reply += buffer[0 ..< n]
        }
        let all = String(decoding: reply, as: UTF8.self)
        let status = all.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let bodyText = all.range(of: "\r\n\r\n").map { String(all[$0.upperBound...]) } ?? ""
        return Reply(status: status, body: bodyText)
    }
}
