import Foundation

/// Settings read from a YAML file (`--config FILE`).
///
/// ```yaml
/// columns:            # role: header, or a list of headers any of which carries the role
///   nik: NO_NIK
///   name: [NAMA, NAMA_ART]
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
        for (key, value) in try doc.mapping(allowed: ["columns", "guess_columns", "max_field_bytes", "max_rows", "max_columns", "header_row", "sheet",
                                                   "skip_hidden_rows", "files", "link"]) {
            switch key {
            case "columns":
                for (role, headers) in try value.mapping(allowed: Set(Role.allCases.map(\.rawValue))) {
                    config.read.mapping.explicit[Role(rawValue: role)!] = try headers.strings()
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
            case "link": try parseLink(value, into: &config.link)
            default: break
            }
        }
        config.read.referenceYear = config.link.referenceYear
        return config
    }

    private static func headerRows(_ doc: YAMLDocument) throws -> ClosedRange<Int> {
        guard let rows = headerRows(try doc.string()) else {
            throw doc.fail("expected a row number (4) or two adjacent rows (\"4-5\")")
        }
        return rows
    }
}
