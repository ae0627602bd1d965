/// A blocking rule: records are compared when every one of its fields is present and equal.
public struct BlockingRule: Sendable, Codable, Equatable {
    /// A short name used in reports and in `links.csv`.
    public var name: String
    /// The fields that must agree.
    public var fields: [BlockingField]

    public init(name: String? = nil, _ fields: [BlockingField]) {
        self.fields = fields
        self.name = name ?? fields.map(\.rawValue).joined(separator: "+")
    }
}
