/// How the CSV outputs are written.
public enum CSVDialect: String, Sendable, Codable, CaseIterable {
    /// RFC 4180: UTF-8 without a byte-order mark, `,` between fields, `.` in numbers. For tools
    /// (pandas, R, DuckDB, Padan itself).
    case standard = "rfc4180"
    /// For Excel on an Indonesian Windows PC: a UTF-8 byte-order mark, `;` between fields, `,` in
    /// numbers, and NIK and KK as `="…"` so their 16 digits stay text.
    case excel
}
