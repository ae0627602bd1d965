/// A blocking rule: records are compared when every one of its fields and column keys is present
/// and equal.
///
/// ```swift
/// BlockingRule([.nikPrefix12])                                   // built-in standardized fields
/// BlockingRule(columns: [ColumnKey("postcode"), ColumnKey("surname", .prefix(2))])
/// ```
public struct BlockingRule: Sendable, Codable, Equatable {
    /// A short name used in reports and in `links.csv`.
    public var name: String
    /// The built-in standardized fields that must agree.
    public var fields: [BlockingField]
    /// Keys derived from any column that must agree.
    public var columns: [ColumnKey]

    /// A rule on built-in `fields` and column keys `columns`, named `name` or after its keys.
    public init(name: String? = nil, _ fields: [BlockingField], columns: [ColumnKey] = []) {
        self.fields = fields
        self.columns = columns
        self.name = name ?? (fields.map(\.rawValue) + columns.map(\.description)).joined(separator: "+")
    }

    /// A rule on column keys only.
    public init(name: String? = nil, columns: [ColumnKey]) {
        self.init(name: name, [], columns: columns)
    }
}
