@testable import Padan

/// Helpers shared by the standardizer tests.
enum StandardizeTest {
    static func nik(_ text: String, kind: NIKStandardizer.Kind = .nik) -> (StandardizedNIK, String) {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        let r = bytes.withUnsafeBufferPointer { NIKStandardizer.standardize($0, kind: kind, into: &out) }
        return (r, String(decoding: out, as: UTF8.self))
    }

    static func date(_ text: String, referenceYear: Int = 2025) -> StandardizedDate {
        Array(text.utf8).withUnsafeBufferPointer { DateStandardizer.standardize($0, referenceYear: referenceYear) }
    }

    static func sex(_ text: String) -> Sex {
        Array(text.utf8).withUnsafeBufferPointer { SexStandardizer.standardize($0) }
    }

    static func place(_ text: String, _ kind: AddressStandardizer.PlaceKind) -> String {
        var out: [UInt8] = []
        var address = AddressStandardizer()
        Array(text.utf8).withUnsafeBufferPointer { address.place($0, kind: kind, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A table with the given role columns (all of the same length).
    static func table(_ columns: [Role: [String]]) -> Table {
        let roles = columns.keys.sorted()
        let count = columns.values.first?.count ?? 0
        return Table(
            name: "test", path: "test.csv", columnNames: roles.map(\.rawValue),
            columns: roles.map { ByteColumn(columns[$0]!) },
            roles: Dictionary(uniqueKeysWithValues: roles.enumerated().map { ($1, $0) }),
            lineNumbers: (0 ..< count).map { Int32($0 + 2) }, ordinals: (0 ..< count).map { Int32($0 + 1) },
            rejected: [], format: SourceFormat(container: "csv"), warnings: [])
    }
}

/// A fixed-seed generator (SplitMix64) for property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
