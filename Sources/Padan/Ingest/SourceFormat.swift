/// What the reader found out about an input file.
public struct SourceFormat: Sendable, Equatable, Codable {
    /// `csv` (any delimited text), `xlsx`, `ods` (OpenDocument), `html` (an HTML table, often
    /// saved as `.xls`), or `memory` (columns given to ``Table/init(name:columns:options:)``).
    public var container: String
    /// `utf-8`, `utf-8+windows-1252` (some fields were not UTF-8 and were decoded as Windows-1252),
    /// `utf-16` (transcoded), or `xlsx`.
    public var encoding: String
    /// The field delimiter, for delimited text.
    public var delimiter: String?
    /// Whether the file started with a byte-order mark.
    public var byteOrderMark: Bool
    /// `lf`, `crlf`, `cr` or `mixed`, for delimited text.
    public var lineEndings: String?
    /// The sheet read, for workbooks.
    public var sheet: String?
    /// The workbook's other sheets, each with why it was not read (`'Rekap' (its header scored
    /// lower)`, `'Arsip' (hidden)`, `'Sheet3' (empty)`).
    public var otherSheets: [String]
    /// Why the sheet read is not simply the first, when it is not.
    public var sheetNote: String?
    /// How many fields were decoded as Windows-1252 because they were not valid UTF-8.
    public var windows1252Fields: Int
    /// Blank lines (or rows with every field empty) skipped.
    public var blankLines: Int
    /// The line(s) (or sheet rows) of the header: two for a two-row header.
    public var headerLines: [Int]
    /// Whether the header was found below the first non-blank row (`false`: it is the first row,
    /// or it was given).
    public var headerDetected: Bool
    /// Non-blank rows above the header (titles, the office's name), skipped.
    public var rowsAboveHeader: Int
    /// The first of them, as text (cells joined by spaces): usually the list's title.
    public var title: String?
    /// Column-numbering rows ("(1) (2) (3)") right below the header, skipped.
    public var numberingRows: Int

    init(container: String) {
        self.container = container
        encoding = container == "xlsx" ? "xlsx" : "utf-8"
        delimiter = nil
        byteOrderMark = false
        lineEndings = nil
        sheet = nil
        otherSheets = []
        sheetNote = nil
        windows1252Fields = 0
        blankLines = 0
        headerLines = []
        headerDetected = false
        rowsAboveHeader = 0
        title = nil
        numberingRows = 0
    }
}
