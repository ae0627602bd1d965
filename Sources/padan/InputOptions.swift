import ArgumentParser
import Foundation
import Padan

/// Options shared by every command that reads input lists.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A YAML configuration file (column roles, limits); flags override it.", valueName: "FILE"))
    var config: String?

    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Map a role to a header: ROLE=HEADER (repeatable). Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "ROLE=HEADER"))
    var columns: [String] = []

    @Option(name: .customLong("sheet"), help: ArgumentHelp(
        "Worksheet to read from a workbook (default: the first). Once for every list, or once per list in order; FILE.xlsx:SHEET gives one file's sheet.",
        valueName: "NAME"))
    var sheets: [String] = []

    @Option(name: .customLong("header-row"), help: ArgumentHelp(
        "The header's row (or two adjacent rows, N-M, for a two-row header); found among the first 30 rows when not given. Once for every list, or once per list in order.",
        valueName: "N"))
    var headerRows: [String] = []

    @Flag(help: "Leave out rows hidden in a workbook (by hand or by a filter), as rejected rows.")
    var skipHiddenRows = false

    @Option(help: ArgumentHelp("Field delimiter (default: detected among , ; tab |). Use 'tab' for tab.", valueName: "CHAR"))
    var delimiter: String?

    @Option(help: "Reject rows with a field longer than this many bytes (default 1048576).")
    var maxFieldBytes: Int?

    @Option(help: "Fail when a file has more data rows than this.")
    var maxRows: Int?

    @Option(help: ArgumentHelp("The date ages, two-digit years and NIK birth dates are read against, YYYY-MM-DD (default: today); recorded in the outputs.", valueName: "DATE"))
    var referenceDate: String?

    func validate() throws {
        _ = try flagOptions(ReadOptions())
        _ = try headerRowRanges()
    }

    /// A list argument as path and sheet: `kota.xlsx:Penerima` names a sheet when no file has the
    /// whole name but one has the part before the last colon.
    static func split(_ argument: String) -> (path: String, sheet: String?) {
        guard !FileManager.default.fileExists(atPath: argument), let colon = argument.lastIndex(of: ":") else {
            return (argument, nil)
        }
        let path = String(argument[..<colon]), sheet = String(argument[argument.index(after: colon)...])
        guard !sheet.isEmpty, FileManager.default.fileExists(atPath: path) else { return (argument, nil) }
        return (path, sheet)
    }

    private func headerRowRanges() throws -> [ClosedRange<Int>] {
        try headerRows.map { text in
            guard let rows = Configuration.headerRows(text) else {
                throw ValidationError("--header-row takes a row number (4) or two adjacent rows (4-5), got '\(text)'")
            }
            return rows
        }
    }

    /// The read options for list `index` of `count` (the configuration's `files:` entry for it,
    /// then its `--header-row`).
    func readOptions(_ configuration: Configuration, file: String, index: Int, count: Int) throws -> ReadOptions {
        let (path, fileSheet) = Self.split(file)
        var options = configuration.readOptions(forFile: path)
        if let sheet = try Self.forList(sheets, flag: "--sheet", index: index, count: count) { options.sheet = sheet }
        if let fileSheet { options.sheet = fileSheet }
        if skipHiddenRows { options.skipHiddenRows = true }
        if let rows = try Self.forList(try headerRowRanges(), flag: "--header-row", index: index, count: count) {
            options.headerRows = rows
        }
        return options
    }

    /// A flag given once for every list or once per list: list `index`'s value, or `nil` when the
    /// flag was not given.
    private static func forList<T>(_ values: [T], flag: String, index: Int, count: Int) throws -> T? {
        if values.isEmpty { return nil }
        if values.count == 1 { return values[0] }
        guard values.count == count else {
            throw PadanError(.usage, "\(flag) was given \(values.count) times for \(count) lists (give it once, or once per list)")
        }
        return values[index]
    }

    /// A register's configuration (its YAML text, "" for the defaults) with the flags applied on
    /// top; `--config` is refused, since a register keeps the configuration it was made with.
    func configuration(register: Register) throws -> Configuration {
        if config != nil {
            throw PadanError(.usage, file: register.path, "a register links with the configuration it was made with; --config cannot change it")
        }
        var configuration = register.configurationText.isEmpty ? Configuration() : try Configuration.parse(register.configurationText, file: register.path)
        configuration.read = try flagOptions(configuration.read)
        return configuration
    }

    /// The configuration file's settings (if any) with the flags applied on top.
    func configuration() throws -> Configuration {
        var configuration = try config.map { try Configuration.load(path: $0) } ?? Configuration()
        configuration.read = try flagOptions(configuration.read)
        return configuration
    }


    private func flagOptions(_ base: ReadOptions) throws -> ReadOptions {
        var options = base
        if sheets.count == 1 { options.sheet = sheets[0] }
        if let maxFieldBytes { options.maxFieldBytes = maxFieldBytes }
        if let maxRows { options.maxRows = maxRows }
        var fromFlags: [Role: [String]] = [:]
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
            fromFlags[role, default: []].append(header)
        }
        for (role, headers) in fromFlags { options.mapping.explicit[role] = headers }
        if let delimiter {
            switch delimiter {
            case "tab", "\\t", "\t": options.delimiter = 9
            case _ where delimiter.utf8.count == 1: options.delimiter = delimiter.utf8.first
            default: throw ValidationError("--delimiter takes one character or 'tab', got '\(delimiter)'")
            }
        }
        if let m = maxFieldBytes, m < 1 { throw ValidationError("--max-field-bytes must be at least 1") }
        if let m = maxRows, m < 1 { throw ValidationError("--max-rows must be at least 1") }
        return options
    }
}

extension InputOptions {
    /// The reference date: `--reference-date`, else the configuration's `reference_year` (as
    /// 31 December of it), else today.
    func referenceDate(_ configuration: Configuration) throws -> (text: String, year: Int) {
        if let referenceDate {
            let parts = referenceDate.split(separator: "-").map { Int($0) }
            guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], (1900 ... 2200).contains(y),
                  (1 ... 12).contains(m), (1 ... 31).contains(d) else {
                throw PadanError(.usage, "--reference-date takes a date as YYYY-MM-DD, got '\(referenceDate)'")
            }
            return (referenceDate, y)
        }
        if configuration.referenceYearGiven {
            return ("\(configuration.link.referenceYear)-12-31", configuration.link.referenceYear)
        }
        let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        let text = String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!)
        return (text, today.year!)
    }
}
