/// A column for comparisons and blocking rules, named in the configuration and built from one or
/// more input columns.
///
/// ```yaml
/// columns:
///   mother_name: NAMA IBU KANDUNG              # one header
///   phone: [NO HP, NO TELP]                    # the first of these headers the list has
///   full_name: NAMA DEPAN + NAMA BELAKANG      # several headers joined in order by a space
/// ```
///
/// Each part is a header (compared after folding case and dropping everything but letters and
/// digits, as for roles) or a role name (`name`, `birth_date`, ...) for the column that carries it.
public struct ColumnSource: Sendable, Equatable {
    /// The name comparisons and blocking rules use.
    public var name: String
    /// The parts joined in order; each part lists alternatives, the first one present is used.
    public var parts: [[String]]

    /// The column `name` joined from `parts`, each a list of alternative headers or roles.
    public init(name: String, parts: [[String]]) {
        self.name = name
        self.parts = parts
    }

    /// The column `header` (or role) under its own name.
    public init(_ header: String) {
        self.init(name: header, parts: [[header]])
    }

    /// Every header or role the column reads (to decide which blocking rules force a comparison).
    var sources: Set<String> {
        Set(parts.flatMap { $0.map(ColumnMapping.normalize) } + [ColumnMapping.normalize(name)])
    }

    /// The input column of `table` for each part (nil: a role the list does not have, which reads
    /// as blank, as standardizing does); throws naming the list when a header is missing.
    func resolve(in table: Table) throws -> [Int?] {
        let normalized = table.columnNames.map(ColumnMapping.normalize)
        return try parts.map { alternatives -> Int? in
            for candidate in alternatives {
                if let role = Role(rawValue: candidate), let index = table.roles[role] { return index }
                let wanted = ColumnMapping.normalize(candidate)
                if let index = normalized.firstIndex(of: wanted) { return index }
            }
            if alternatives.allSatisfy({ Role(rawValue: $0) != nil }) { return nil }
            let list = table.columnNames.map { "'\($0)'" }.joined(separator: ", ")
            throw PadanError(.usage, file: table.path,
                             "column '\(name)' needs \(alternatives.map { "'\($0)'" }.joined(separator: " or ")), which list '\(table.name)' does not have (columns: \(list))")
        }
    }
}
