import Foundation
import Padan

/// The register's HTTP API, apart from any server framework: a request (method, path, API key,
/// body) in, a status and a JSON body out. ``RegisterServer`` puts it on Hummingbird; tests call
/// it directly.
///
/// Every `/v1/` endpoint but the OpenAPI document needs a key in force (`Authorization: Bearer
/// KEY` or `X-API-Key: KEY`); every answered lookup is written to the audit log.
public final class RegisterService: @unchecked Sendable {
    public struct Limits: Sendable {
        /// Largest request body, in bytes (413 above it).
        public var maxBodyBytes = 1 << 20
        /// Most people in one batch (413 above it).
        public var maxBatch = 100
        /// Most candidates per person.
        public var maxLimit = 50
        /// A batch that runs longer than this stops and answers 503.
        public var maxSeconds = 10.0
        /// Keys are read from the register again after this many seconds (a revoked key stops
        /// working within it).
        public var keyRefreshSeconds = 1.0
        public init() {}
    }

    public struct Reply: Sendable {
        public var status: Int
        public var body: [UInt8]
        public var contentType = "application/json"
    }

    let registerPath: String
    let limits: Limits
    let audit: AuditLog
    private let lock = NSLock()
    private var index: RegisterIndex
    private var keys: [String: String] = [:]
    private var keysRead = Date.distantPast
    private let keyConnection: Register
    private var counts: [String: Int] = [:]
    private var seconds: [String: Double] = [:]
    private let openAPI: [UInt8]

    /// Opens the register at `path` (read-only) and builds its index.
    public init(register path: String, auditLog: String, limits: Limits = Limits(), openAPI: [UInt8]) throws {
        registerPath = path
        self.limits = limits
        keyConnection = try Register.open(at: path, readOnly: true)
        index = try RegisterIndex(keyConnection)
        audit = try AuditLog(path: auditLog)
        self.openAPI = openAPI
    }

    /// Builds the index again when the register has changed (an addition), and swaps it in
    /// whole: lookups go on against the old one meanwhile. Returns whether it changed.
    @discardableResult
    public func refreshIfChanged() throws -> Bool {
        let reader = try Register.open(at: registerPath, readOnly: true)
        guard try reader.generation() != lock.withLock({ index.generation }) else { return false }
        let fresh = try RegisterIndex(reader)
        lock.withLock { index = fresh }
        return true
    }

    /// Answers one request.
    public func handle(method: String, path: String, apiKey: String?, body: [UInt8]) -> Reply {
        let started = Date()
        let route = Self.route(method: method, path: path)
        let reply: Reply
        do {
            reply = try answer(route: route, method: method, path: path, apiKey: apiKey, body: body)
        } catch let e as ServiceError {
            reply = Self.error(e.status, e.message)
        } catch let e as PadanError {
            reply = Self.error(400, e.description)
        } catch {
            reply = Self.error(500, "internal error: \(error)")
        }
        let key = "\(route) \(reply.status)"
        lock.withLock {
            counts[key, default: 0] += 1
            seconds[route, default: 0] += Date().timeIntervalSince(started)
        }
        return reply
    }

    struct ServiceError: Error {
        var status: Int
        var message: String
    }

    static func route(method: String, path: String) -> String {
        switch (method, path) {
        case ("GET", "/health"): return "health"
        case ("GET", "/metrics"): return "metrics"
        case ("GET", "/v1/openapi.yaml"): return "openapi"
        case ("POST", "/v1/match"): return "match"
        case ("GET", _) where path.hasPrefix("/v1/people/"): return "people"
        default: return "other"
        }
    }

    private func answer(route: String, method: String, path: String, apiKey: String?, body: [UInt8]) throws -> Reply {
        switch route {
        case "health":
            let i = lock.withLock { index }
            return try Self.json(200, ["status": "ok", "records": String(i.records), "generation": String(i.generation)])
        case "metrics":
            return Reply(status: 200, body: Array(metrics().utf8), contentType: "text/plain; version=0.0.4")
        case "openapi":
            return Reply(status: 200, body: openAPI, contentType: "application/yaml")
        case "match", "people":
            break
        default:
            throw ServiceError(status: 404, message: "no such endpoint: \(method) \(path)")
        }
        let keyName = try authorize(apiKey)
        let i = lock.withLock { index }
        if route == "people" {
            let text = String(path.dropFirst("/v1/people/".count))
            guard let id = Int64(text), id > 0 else { throw ServiceError(status: 400, message: "a person id is a positive whole number, got '\(text)'") }
            let (current, records) = i.person(id)
            try audit.write(key: keyName, endpoint: "people", fields: ["person"], answered: records.count)
            if records.isEmpty { throw ServiceError(status: 404, message: "no person \(id)") }
            return try Self.encode(200, PersonReply(person: current, asked: id, records: records))
        }
        if body.count > limits.maxBodyBytes {
            throw ServiceError(status: 413, message: "the body is \(body.count) bytes; at most \(limits.maxBodyBytes)")
        }
        let request: MatchRequest
        do {
            request = try JSONDecoder().decode(MatchRequest.self, from: Data(body))
        } catch {
            throw ServiceError(status: 400, message: "the body is not a match request: \(Self.describe(error))")
        }
        let limit = request.limit ?? 10
        guard (1 ... limits.maxLimit).contains(limit) else {
            throw ServiceError(status: 400, message: "limit must be between 1 and \(limits.maxLimit)")
        }
        switch (request.person, request.people) {
        case (let person?, nil):
            let candidates = try i.match(person, limit: limit)
            try audit.write(key: keyName, endpoint: "match", fields: person.fields.map(\.0.rawValue), answered: candidates.count)
            return try Self.encode(200, MatchReply(candidates: candidates))
        case (nil, let people?):
            if people.count > limits.maxBatch {
                throw ServiceError(status: 413, message: "a batch of \(people.count) people; at most \(limits.maxBatch)")
            }
            let deadline = Date().addingTimeInterval(limits.maxSeconds)
            var results: [MatchReply] = []
            for person in people {
                if Date() > deadline { throw ServiceError(status: 503, message: "the batch took longer than \(limits.maxSeconds) s; send fewer people") }
                results.append(MatchReply(candidates: try i.match(person, limit: limit)))
            }
            for (p, r) in zip(people, results) {
                try audit.write(key: keyName, endpoint: "match-batch", fields: p.fields.map(\.0.rawValue), answered: r.candidates.count)
            }
            return try Self.encode(200, BatchReply(results: results))
        default:
            throw ServiceError(status: 400, message: "give either \"person\" (one) or \"people\" (a batch), not both or neither")
        }
    }

    /// The name of the key in force that `apiKey` is; 401 otherwise. Keys are read again from
    /// the register at most once a second, so a revoked key stops working within a second.
    private func authorize(_ apiKey: String?) throws -> String {
        guard let apiKey, !apiKey.isEmpty else { throw ServiceError(status: 401, message: "an API key is needed (Authorization: Bearer KEY)") }
        let digest = Register.keyDigest(apiKey)
        let name: String? = try lock.withLock {
            if Date().timeIntervalSince(keysRead) >= limits.keyRefreshSeconds {
                keys = try keyConnection.activeKeyDigests()
                keysRead = Date()
            }
            return keys[digest]
        }
        guard let name else { throw ServiceError(status: 401, message: "the API key is not valid (wrong or revoked)") }
        return name
    }

    /// Prometheus text: requests by route and status, seconds by route, records indexed.
    func metrics() -> String {
        let (c, s, i) = lock.withLock { (counts, seconds, index) }
        var out = "# TYPE padan_requests_total counter\n"
        for (k, v) in c.sorted(by: { $0.key < $1.key }) {
            let parts = k.split(separator: " ")
            out += "padan_requests_total{route=\"\(parts[0])\",status=\"\(parts[1])\"} \(v)\n"
        }
        out += "# TYPE padan_request_seconds_total counter\n"
        for (k, v) in s.sorted(by: { $0.key < $1.key }) { out += "padan_request_seconds_total{route=\"\(k)\"} \(v)\n" }
        out += "# TYPE padan_register_records gauge\npadan_register_records \(i.records)\n"
        out += "# TYPE padan_register_generation gauge\npadan_register_generation \(i.generation)\n"
        return out
    }

    struct MatchRequest: Decodable {
        var person: PersonQuery?
        var people: [PersonQuery]?
        var limit: Int?
    }

    struct MatchReply: Encodable { var candidates: [MatchCandidate] }
    struct BatchReply: Encodable { var results: [MatchReply] }
    struct PersonReply: Encodable { var person: Int64; var asked: Int64; var records: [RegisterRecord] }

    static func encode<T: Encodable>(_ status: Int, _ value: T) throws -> Reply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Reply(status: status, body: Array(try encoder.encode(value)))
    }

    static func json(_ status: Int, _ value: [String: String]) throws -> Reply { try encode(status, value) }

    static func error(_ status: Int, _ message: String) -> Reply {
        (try? encode(status, ["error": message])) ?? Reply(status: status, body: Array("{}".utf8))
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.keyNotFound(_, let c):
            let where_ = c.codingPath.map(\.stringValue).joined(separator: ".")
            return (where_.isEmpty ? "" : where_ + ": ") + c.debugDescription
        case DecodingError.dataCorrupted(let c): return c.debugDescription + ((c.underlyingError.map { " (\($0.localizedDescription))" }) ?? "")
        default: return "\(error)"
        }
    }
}
