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
        for (key, value) in try doc.mapping(allowed: ["columns", "guess_columns", "max_field_bytes", "max_rows", "max_columns", "link"]) {
            switch key {
            case "columns":
                for (role, headers) in try value.mapping(allowed: Set(Role.allCases.map(\.rawValue))) {
                    config.read.mapping.explicit[Role(rawValue: role)!] = try headers.strings()
                }
            case "guess_columns": config.read.mapping.guess = try value.bool()
            case "max_field_bytes": config.read.maxFieldBytes = try value.int(in: 1 ... Int(Int32.max))
            case "max_rows": config.read.maxRows = try value.int(in: 1 ... Int(Int32.max))
            case "max_columns": config.read.maxColumns = try value.int(in: 1 ... 100_000)
            case "link": try parseLink(value, into: &config.link)
            default: break
            }
        }
        return config
    }
}
