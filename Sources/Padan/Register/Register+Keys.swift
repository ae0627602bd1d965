import Foundation

/// The keys that let a client of `padan serve` ask the register anything: made here, stored as
/// their SHA-256 only, revocable.
extension Register {
    /// One key as the register lists it (never the key itself).
    public struct APIKey: Sendable, Codable, Equatable {
        public var name: String
        public var created: String
        public var revoked: String?
    }

    /// Makes a key called `name` and returns it: the only time it is shown.
    public func addKey(name: String) throws -> String {
        guard !name.isEmpty, name.count <= 100 else { throw PadanError(.usage, "a key's name is 1 to 100 characters") }
        var random = SystemRandomNumberGenerator()
        let key = "padan_" + (0 ..< 24).map { _ in String(format: "%02x", UInt8.random(in: 0 ... 255, using: &random)) }.joined()
        try database.transaction {
            if try database.scalar("SELECT count(*) FROM api_keys WHERE name = ?", [.text(name)])?.integer ?? 0 > 0 {
                throw PadanError(.usage, file: path, "a key named '\(name)' exists (revoke it, or choose another name)")
            }
            try database.prepare("INSERT INTO api_keys(name, sha256, created) VALUES (?, ?, ?)")
                .run([.text(name), .text(Self.keyDigest(key)), .text(Self.timestamp())])
        }
        return key
    }

    /// Revokes the key called `name`; from then on it opens nothing.
    public func revokeKey(name: String) throws {
        try database.transaction {
            guard try database.scalar("SELECT count(*) FROM api_keys WHERE name = ? AND revoked IS NULL", [.text(name)])?.integer ?? 0 > 0 else {
                throw PadanError(.usage, file: path, "no key named '\(name)' that is not revoked")
            }
            try database.prepare("UPDATE api_keys SET revoked = ? WHERE name = ?").run([.text(Self.timestamp()), .text(name)])
        }
    }

    /// Every key, revoked ones included.
    public func keys() throws -> [APIKey] {
        let s = try database.prepare("SELECT name, created, revoked FROM api_keys ORDER BY id")
        var out: [APIKey] = []
        while try s.step() { out.append(APIKey(name: s.text(0), created: s.text(1), revoked: s.isNull(2) ? nil : s.text(2))) }
        return out
    }

    /// The SHA-256 (hex) of each key in force, with its name.
    public func activeKeyDigests() throws -> [String: String] {
        let s = try database.prepare("SELECT sha256, name FROM api_keys WHERE revoked IS NULL")
        var out: [String: String] = [:]
        while try s.step() { out[s.text(0)] = s.text(1) }
        return out
    }

    /// The digest a key is stored as.
    public static func keyDigest(_ key: String) -> String {
        var hash = SHA256Digest()
        hash.update(Array(key.utf8))
        return SHA256Digest.hex(hash.finalize())
    }
}

extension Register {
    /// A number that changes with every addition (to see whether an index is out of date).
    public func generation() throws -> Int64 {
        Int64(try database.scalar("SELECT value FROM meta WHERE key = 'generation'")?.text ?? "") ?? 0
    }
}
