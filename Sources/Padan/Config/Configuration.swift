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
/// header_row: 4      # the header's row (or "4-5" for a two-row header); found when not given
/// sheet: "*"         # a workbook's sheet; "*" stacks every sheet that is a list
/// skip_hidden_rows: false
/// files:              # settings for one file, by its name or path
///   kota.xlsx: {header_row: 3, sheet: Penerima}
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
    /// Whether the file set `link.reference_year` (a command's `--reference-date` then does not
    /// default to today).
    public var referenceYearGiven = false
    /// Settings for single files (`files:`), by file name or path.
    public var files: [String: FileSettings] = [:]

    /// What `files:` can set for one file.
    public struct FileSettings: Sendable, Equatable {
        /// The header's row or rows.
        public var headerRows: ClosedRange<Int>?
        /// The worksheet.
        public var sheet: String?

        public init(headerRows: ClosedRange<Int>? = nil, sheet: String? = nil) {
            self.headerRows = headerRows
            self.sheet = sheet
        }
    }

    /// The read options for the file at `path`: ``read`` with the `files:` entry for the path
    /// (or for its last component) applied.
    public func readOptions(forFile path: String) -> ReadOptions {
        var options = read
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let entry = files[path] ?? files[base] else { return options }
        if let h = entry.headerRows { options.headerRows = h }
        if let s = entry.sheet { options.sheet = s }
        return options
    }

    /// `4` or `"4-5"` as header rows; nil when the text is neither.
    public static func headerRows(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1 ... 2).contains(parts.count), let a = Int(parts[0]), a >= 1 else { return nil }
        if parts.count == 1 { return a ... a }
        guard let b = Int(parts[1]), b == a + 1 else { return nil }
        return a ... b
    }

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
        let entries = try doc.mapping(allowed: ["columns", "guess_columns", "max_field_bytes", "max_rows", "max_columns", "header_row",
                                                "sheet", "skip_hidden_rows", "files", "link"])
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
            case "header_row": config.read.headerRows = try headerRows(value)
            case "sheet": config.read.sheet = try value.string()
            case "skip_hidden_rows": config.read.skipHiddenRows = try value.bool()
            case "files":
                for (file, entry) in try value.mapping(allowed: nil) {
                    var settings = FileSettings()
                    for (k, v) in try entry.mapping(allowed: ["header_row", "sheet"]) {
                        if k == "header_row" { settings.headerRows = try headerRows(v) } else { settings.sheet = try v.string() }
                    }
                    config.files[file] = settings
                }
            case "link":
                config.link.columns = columns
                try parseLink(value, into: &config.link)
                config.referenceYearGiven = (try value.mapping(allowed: linkKeys)).contains { $0.key == "reference_year" }
            default: break
            }
        }
        config.link.columns = columns
        let used = Set(config.link.usedColumns.map(\.name))
        if let unused = columns.first(where: { !used.contains($0.name) && Role(rawValue: $0.name) == nil }) {
            throw doc.fail("columns.\(unused.name): no comparison or blocking rule uses this column (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        config.read.referenceYear = config.link.referenceYear
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

    private static func headerRows(_ doc: YAMLDocument) throws -> ClosedRange<Int> {
        guard let rows = headerRows(try doc.string()) else {
            throw doc.fail("expected a row number (4) or two adjacent rows (\"4-5\")")
        }
        return rows
    }
}
