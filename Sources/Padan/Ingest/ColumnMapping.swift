/// How header names are mapped to roles: explicit choices first, then guesses from the headers
/// Indonesian exports use.
///
/// Header names are compared after folding case and dropping everything but letters and digits,
/// so `NO. KK`, `no_kk` and `NoKK` are the same header.
public struct ColumnMapping: Sendable, Equatable {
    /// Explicit choices: for a role, the header names (any one of which) that carry it.
    public var explicit: [Role: [String]]
    /// Whether roles not chosen explicitly are guessed from the headers.
    public var guess: Bool

    /// A mapping with the given explicit choices that guesses the rest.
    public init(explicit: [Role: [String]] = [:], guess: Bool = true) {
        self.explicit = explicit
        self.guess = guess
    }

    /// Folds case and drops every byte that is not an ASCII letter or digit.
    public static func normalize(_ header: String) -> String {
        String(String.UnicodeScalarView(header.unicodeScalars.compactMap { s -> Unicode.Scalar? in
            switch s.value {
            case 0x30...0x39, 0x41...0x5A: return s
            case 0x61...0x7A: return Unicode.Scalar(s.value - 32)
            default: return nil
            }
        }))
    }

    /// Resolves roles for `headers`. Throws when an explicitly named header is missing.
    ///
    /// Explicit choices first; then, for the other roles, headers the vocabulary knows exactly
    /// (in the vocabulary's order of preference), then headers known by their leading words,
    /// left to right (see ``HeaderVocabulary``).
    func resolve(headers: [String], file: String, line: Int = 1) throws -> [Role: Int] {
        let normalized = headers.map(Self.normalize)
        let keys = headers.map(HeaderVocabulary.key)
        var roles: [Role: Int] = [:]
        var taken = Set<Int>()
        for role in Role.allCases {
            guard let names = explicit[role], !names.isEmpty else { continue }
            let wanted = Set(names.map(Self.normalize))
            let wantedKeys = Set(names.map(HeaderVocabulary.key))
            guard let index = normalized.indices.first(where: { wanted.contains(normalized[$0]) })
                ?? keys.indices.first(where: { wantedKeys.contains(keys[$0]) })
            else {
                let list = headers.map { "'\($0)'" }.joined(separator: ", ")
                throw PadanError(
                    .usage, file: file, line: line,
                    "column \(names.map { "'\($0)'" }.joined(separator: " or ")) given for role "
                        + "\(role.rawValue) is not in the header (columns: \(list))")
            }
            if taken.contains(index) {
                throw PadanError(.usage, file: file, line: line,
                                 "column '\(headers[index])' is given for two roles")
            }
            roles[role] = index
            taken.insert(index)
        }
        guard guess else { return roles }
        for (role, names) in HeaderVocabulary.roleKeys where roles[role] == nil {
            for name in names {
                if let index = keys.indices.first(where: { keys[$0] == name && !taken.contains($0) }) {
                    roles[role] = index
                    taken.insert(index)
                    break
                }
            }
        }
        for index in headers.indices where !taken.contains(index) {
            guard let m = HeaderVocabulary.match(headers[index]), m.leading,
                  case .role(let role) = m.meaning, roles[role] == nil else { continue }
            roles[role] = index
            taken.insert(index)
        }
        return roles
    }

    /// The columns of `headers` that hold combined values (``HeaderVocabulary/Combined``), first
    /// of each kind, among those not in `taken`. Only when guessing.
    func combinedColumns(headers: [String], taken: Set<Int>) -> [HeaderVocabulary.Combined: Int] {
        guard guess else { return [:] }
        var found: [HeaderVocabulary.Combined: Int] = [:]
        for index in headers.indices where !taken.contains(index) {
            guard let m = HeaderVocabulary.match(headers[index]), case .combined(let c) = m.meaning,
                  found[c] == nil else { continue }
            found[c] = index
        }
        return found
    }
}
