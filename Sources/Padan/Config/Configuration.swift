import Foundation

/// Settings read from a YAML file (`--config FILE`).
///
/// ```yaml
/// columns:            # role: header, or a list of headers any of which carries the role
///   nik: NO_NIK
///   name: [NAMA, NAMA_ART]
///   phone: NO HP       # any other name defines a column comparisons and blocking rules can use
///   full_name: NAMA DEPAN + NAMA BELAKANG   # joined in order
/// guess_columns: true # guess roles not listed from the headers (default true)
/// max_field_bytes: 1048576
/// max_rows: 2000000
/// link:               # see `padan config --print-default` for every key
///   threshold: 0.5
///   blocking:
///     - [nik_prefix12]
///     - {name: name+dob, fields: [name_phonetic, birth_date]}
///   comparisons: [nik, name, birth_date, sex, household, birth_place]
/// ```
///
/// Unknown keys, unknown roles and out-of-range values are errors naming the file and line.
public struct Configuration: Sendable, Equatable {
    /// How to read the input lists.
    public var read: ReadOptions
    /// How to link them.
    public var link: LinkSettings

    public init(read: ReadOptions = ReadOptions(), link: LinkSettings = .indonesianDefault) {
        self.read = read
        self.link = link
    }

    /// Reads a configuration file.
    public static func load(path: String) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PadanError(.usage, file: path, "the configuration file cannot be read")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "config") throws -> Configuration {
        let doc = try YAMLDocument.parse(text, file: file)
        var config = Configuration()
        var columns: [ColumnSource] = []
        let entries = try doc.mapping(allowed: ["columns", "guess_columns", "max_field_bytes", "max_rows", "max_columns", "link"])
        // Columns first: the link section's comparisons and rules may only name defined columns.
        for (key, value) in entries.sorted(by: { ($0.key == "columns" ? 0 : 1) < ($1.key == "columns" ? 0 : 1) }) {
            switch key {
            case "columns":
                guard let entries = value.node.mapping else { throw value.fail("expected a mapping of roles and columns to headers") }
                for (k, v) in entries {
                    guard let name = k.string else { throw value.fail("keys must be text") }
                    let headers = YAMLDocument(file: value.file, node: v, path: "columns.\(name)")
                    if let role = Role(rawValue: name) {
                        let values = try headers.strings()
                        if values.count == 1, values[0].contains(" + ") {
                            // A role built from several columns, joined when linking.
                            columns.append(try column(name, headers))
                        } else {
                            config.read.mapping.explicit[role] = values
                        }
                    } else {
                        columns.append(try column(name, headers))
                    }
                }
            case "guess_columns": config.read.mapping.guess = try value.bool()
            case "max_field_bytes": config.read.maxFieldBytes = try value.int(in: 1 ... Int(Int32.max))
            case "max_rows": config.read.maxRows = try value.int(in: 1 ... Int(Int32.max))
            case "max_columns": config.read.maxColumns = try value.int(in: 1 ... 100_000)
            case "link":
                config.link.columns = columns
                try parseLink(value, into: &config.link)
            default: break
            }
        }
        config.link.columns = columns
        let used = Set(config.link.usedColumns.map(\.name))
        if let unused = columns.first(where: { !used.contains($0.name) && Role(rawValue: $0.name) == nil }) {
            throw doc.fail("columns.\(unused.name): no comparison or blocking rule uses this column (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return config
    }

    /// A named column: `HEADER`, `[HEADER, OTHER]` (the first present), or `A + B` (joined).
    private static func column(_ name: String, _ doc: YAMLDocument) throws -> ColumnSource {
        let values = try doc.strings()
        if values.count == 1, values[0].contains(" + ") {
            let parts = values[0].components(separatedBy: " + ").map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.contains(where: \.isEmpty) { throw doc.fail("an empty part in '\(values[0])'") }
            return ColumnSource(name: name, parts: parts.map { [$0] })
        }
        if values.isEmpty { throw doc.fail("no header given") }
        return ColumnSource(name: name, parts: [values])
    }
}
