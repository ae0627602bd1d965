import Foundation

/// A blocking key derived from any column (after folding its text to uppercase ASCII letters and
/// digits separated by single spaces): the whole value, a prefix or suffix, a phonetic code, the
/// first word, or the year of a date.
///
/// In configuration files: `postcode`, `prefix(surname, 3)`, `suffix(phone, 4)`,
/// `phonetic(surname)`, `first_token(address)`, `year(date_of_birth)`.
public struct ColumnKey: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// How the key is derived from the value.
    public enum Transform: Sendable, Codable, Equatable, Hashable {
        /// The whole folded value.
        case value
        /// The first `n` letters and digits, spaces and punctuation skipped (values shorter than
        /// `n` are used whole).
        case prefix(Int)
        /// The last `n` letters and digits, spaces and punctuation skipped (`0812-3456-789` and
        /// `+62 812 3456 789` end alike).
        case suffix(Int)
        /// The Soundex codes of the words.
        case phonetic
        /// The first word.
        case firstToken
        /// The year of the value read as a date.
        case year
    }

    /// The column: a header, a role or a column defined in ``LinkSettings/columns``.
    public var column: String
    /// How the key is derived from the value.
    public var transform: Transform

    /// The key `transform` derives from `column`.
    public init(_ column: String, _ transform: Transform = .value) {
        self.column = column
        self.transform = transform
    }

    /// The key as written in configuration files.
    public var description: String {
        switch transform {
        case .value: return column
        case .prefix(let n): return "prefix(\(column), \(n))"
        case .suffix(let n): return "suffix(\(column), \(n))"
        case .phonetic: return "phonetic(\(column))"
        case .firstToken: return "first_token(\(column))"
        case .year: return "year(\(column))"
        }
    }

    /// Parses the configuration form (see the type's summary); nil when it is not one.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let open = t.firstIndex(of: "("), t.hasSuffix(")") else {
            guard !t.isEmpty, !t.contains(where: { $0 == "(" || $0 == ")" || $0 == "," }) else { return nil }
            self.init(t)
            return
        }
        let function = String(t[..<open]).trimmingCharacters(in: .whitespaces)
        let arguments = t[t.index(after: open) ..< t.index(before: t.endIndex)]
            .split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let column = arguments.first, !column.isEmpty else { return nil }
        func count() -> Int? {
            guard arguments.count == 2, let n = Int(arguments[1]), n >= 1, n <= 64 else { return nil }
            return n
        }
        switch function {
        case "prefix": guard let n = count() else { return nil }; self.init(column, .prefix(n))
        case "suffix": guard let n = count() else { return nil }; self.init(column, .suffix(n))
        case "phonetic" where arguments.count == 1: self.init(column, .phonetic)
        case "first_token" where arguments.count == 1: self.init(column, .firstToken)
        case "year" where arguments.count == 1: self.init(column, .year)
        default: return nil
        }
    }
}
