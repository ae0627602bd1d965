extension Table {
    /// Where the header was found, as a phrase: `header on line 4 (found; 3 rows above it: 'DAFTAR ...')`.
    public var headerDescription: String {
        let f = format
        let unit = f.container == "csv" ? "line" : "row"
        var text: String
        switch f.headerLines.count {
        case 0: text = "no header"
        case 1: text = "header on \(unit) \(f.headerLines[0])"
        default: text = "two-row header on \(unit)s \(f.headerLines.map(String.init).joined(separator: "-"))"
        }
        var details: [String] = []
        if f.headerDetected { details.append("found among the first rows") }
        if f.rowsAboveHeader > 0 {
            var above = "\(f.rowsAboveHeader) row\(f.rowsAboveHeader == 1 ? "" : "s") above it skipped"
            if let title = f.title, !title.isEmpty { above += ", the first: '\(title.prefix(80))'" }
            details.append(above)
        }
        if f.numberingRows > 0 { details.append("\(f.numberingRows) column-numbering row skipped") }
        if !details.isEmpty { text += " (" + details.joined(separator: "; ") + ")" }
        if let sheet = f.sheet {
            text += ", sheet '\(sheet)'"
            if let note = f.sheetNote { text += " (\(note))" }
            if !f.otherSheets.isEmpty { text += "; other sheets: " + f.otherSheets.joined(separator: ", ") }
        }
        return text
    }

    /// Warnings about missing identity roles: without a NIK column or a name column a list links
    /// on much less evidence, and a person should know before trusting the result.
    public var missingIdentityWarnings: [String] {
        var out: [String] = []
        if roles[.nik] == nil { out.append("no NIK column was found; this list is linked without NIKs") }
        if roles[.name] == nil { out.append("no name column was found; this list is linked without names") }
        return out
    }

    /// What was read and how, in a few lines for a person: rows, header, the column → role
    /// mapping, what was split or joined, and the warnings.
    public var readDescription: String {
        var out = "\(path) (list '\(name)'): \(rowCount + rejected.count) rows read (\(rowCount) records, "
            + "\(rejected.count) rejected); \(headerDescription)\n"
        let mapping = roles.sorted { $0.key < $1.key }.map { "\(columnNames[$0.value]) → \($0.key.rawValue)" }
        out += "  columns: " + (mapping.isEmpty ? "none recognized" : mapping.joined(separator: ", ")) + "\n"
        for note in notes { out += "  note: \(note)\n" }
        for warning in missingIdentityWarnings + warnings { out += "  warning: \(warning)\n" }
        return out
    }
}
