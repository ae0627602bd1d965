import ArgumentParser
import Padan

/// Options shared by every command that reads input lists.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Map a role to a header: ROLE=HEADER (repeatable). Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "ROLE=HEADER"))
    var columns: [String] = []

    @Option(help: "Worksheet to read from an .xlsx workbook (default: the first).")
    var sheet: String?

    @Option(help: ArgumentHelp("Field delimiter (default: detected among , ; tab |). Use 'tab' for tab.", valueName: "CHAR"))
    var delimiter: String?

    @Option(help: "Reject rows with a field longer than this many bytes.")
    var maxFieldBytes: Int = 1 << 20

    @Option(help: "Fail when a file has more data rows than this.")
    var maxRows: Int?

    func validate() throws {
        _ = try readOptions()
    }

    func readOptions() throws -> ReadOptions {
        var options = ReadOptions(sheet: sheet, maxFieldBytes: maxFieldBytes, maxRows: maxRows)
        for spec in columns {
            guard let eq = spec.firstIndex(of: "=") else {
                throw ValidationError("--column takes ROLE=HEADER, got '\(spec)'")
            }
            let name = String(spec[..<eq]).trimmingCharacters(in: .whitespaces).lowercased()
            guard let role = Role(rawValue: name) else {
                throw ValidationError("unknown role '\(name)' in --column; roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let header = String(spec[spec.index(after: eq)...])
            guard !header.isEmpty else { throw ValidationError("--column \(name)= needs a header name") }
            options.mapping.explicit[role, default: []].append(header)
        }
        if let delimiter {
            switch delimiter {
            case "tab", "\\t", "\t": options.delimiter = 9
            case _ where delimiter.utf8.count == 1: options.delimiter = delimiter.utf8.first
            default: throw ValidationError("--delimiter takes one character or 'tab', got '\(delimiter)'")
            }
        }
        if maxFieldBytes < 1 { throw ValidationError("--max-field-bytes must be at least 1") }
        return options
    }
}
