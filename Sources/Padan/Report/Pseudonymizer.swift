import Foundation

/// Replaces NIK and KK numbers in outputs with keyed pseudonyms, so results can be shared between
/// offices without the identity numbers, while the same number still gets the same pseudonym in
/// every office that holds the key.
///
/// The pseudonym is `P` + the first 20 hex digits of HMAC-SHA256(key, the number's digits): only
/// the digits count, so `'3273 0101 …` and `3273.0101…` agree. The key comes from a file or an
/// environment variable, never from the command line (where it would show in process lists and
/// shell history), and must be at least 16 bytes.
public struct Pseudonymizer: Sendable {
    private let key: [UInt8]

    /// A pseudonymizer with `key` (at least 16 bytes).
    public init(key: [UInt8]) throws {
        guard key.count >= 16 else {
            throw PadanError(.usage, "the pseudonymization key must be at least 16 bytes (it has \(key.count))")
        }
        self.key = key
    }

    /// Reads the key from a file (surrounding white space ignored).
    public static func keyFile(_ path: String) throws -> Pseudonymizer {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PadanError(.usage, file: path, "the pseudonymization key file cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingSpaces()
        do { return try Pseudonymizer(key: Array(text.utf8)) } catch let e as PadanError {
            throw PadanError(.usage, file: path, e.message)
        }
    }

    /// The pseudonym of a NIK or KK value ("" when it has no digits).
    public func pseudonym<C: Collection>(_ value: C) -> String where C.Element == UInt8 {
        let digits = value.filter { $0 >= 48 && $0 <= 57 }
        guard !digits.isEmpty else { return "" }
        let mac = SHA256Digest.hmac(key: key, data: digits)
        return "P" + SHA256Digest.hex(mac.prefix(10))
    }

    /// Whether a free-form field looks like an identity number (10 or more digits): rejected rows
    /// are pseudonymized field by field, since their columns may be shifted.
    static func looksLikeNumber(_ value: String) -> Bool {
        value.utf8.reduce(0) { $0 + ($1 >= 48 && $1 <= 57 ? 1 : 0) } >= 10
    }
}
