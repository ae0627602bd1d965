import CSQLite
import Foundation

/// One connection to an SQLite database, with the few calls the register needs.
///
/// Not shared between threads: each reader or writer opens its own connection (SQLite's WAL mode
/// lets readers go on while one writer writes).
final class SQLiteDatabase {
    let path: String
    private var handle: OpaquePointer?

    /// Opens `path`; `create` makes the file when it does not exist, `readOnly` opens it for reading.
    init(path: String, create: Bool, readOnly: Bool = false) throws {
        self.path = path
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, handle != nil else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "code \(code)"
            sqlite3_close(handle)
            handle = nil
            throw PadanError(.badInput, file: path, "cannot open the register: \(message)")
        }
        // A writer holding the lock makes others wait up to 10 s rather than fail at once.
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs SQL without results (several statements allowed).
    func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? lastError
            sqlite3_free(error)
            throw PadanError(.badInput, file: path, "register: \(message) (in: \(sql.prefix(80)))")
        }
    }

    /// A prepared statement.
    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw PadanError(.badInput, file: path, "register: \(lastError) (in: \(sql.prefix(80)))")
        }
        return Statement(statement, database: self)
    }

    /// The single value of a one-row query (nil when there is no row or it is NULL).
    func scalar(_ sql: String, _ values: [Value] = []) throws -> Value? {
        let s = try prepare(sql)
        try s.bind(values)
        guard try s.step() else { return nil }
        return s.value(0)
    }

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`: the write lock is taken first), committed
    /// when it returns and rolled back when it throws.
    func transaction<R>(_ body: () throws -> R) throws -> R {
        try execute("BEGIN IMMEDIATE")
        do {
            let r = try body()
            try execute("COMMIT")
            return r
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastInsertedRow: Int64 { sqlite3_last_insert_rowid(handle) }
    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// A value bound to or read from a statement.
    enum Value: Equatable {
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
        case null

        var integer: Int64? { if case .integer(let v) = self { return v }; return nil }
        var text: String? { if case .text(let v) = self { return v }; return nil }
    }

    /// A prepared statement: bind, step, read columns, reset.
    final class Statement {
        private let statement: OpaquePointer
        private let database: SQLiteDatabase

        init(_ statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        /// Binds `values` to parameters 1, 2, ... (after a reset).
        func bind(_ values: [Value]) throws {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
            for (i, v) in values.enumerated() { try bind(v, at: Int32(i + 1)) }
        }

        func bind(_ value: Value, at i: Int32) throws {
            let code: Int32
            switch value {
            case .integer(let v): code = sqlite3_bind_int64(statement, i, v)
            case .real(let v): code = sqlite3_bind_double(statement, i, v)
            case .text(let v): code = sqlite3_bind_text(statement, i, v, -1, padan_sqlite_transient())
            case .blob(let v):
                code = v.withUnsafeBytes { sqlite3_bind_blob(statement, i, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count), padan_sqlite_transient()) }
            case .null: code = sqlite3_bind_null(statement, i)
            }
            if code != SQLITE_OK { throw PadanError(.internalError, file: database.path, "register: \(database.lastError)") }
        }

        /// Steps once: true while there is a row.
        @discardableResult
        func step() throws -> Bool {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw PadanError(.badInput, file: database.path, "register: \(database.lastError)")
            }
        }

        /// Binds, steps to the end (for statements without results).
        func run(_ values: [Value]) throws {
            try bind(values)
            while try step() {}
        }

        func int(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
        func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

        func text(_ column: Int32) -> String {
            guard let p = sqlite3_column_text(statement, column) else { return "" }
            return String(cString: p)
        }

        /// The column's bytes, without a copy into a String.
        func withBytes<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            let p = sqlite3_column_blob(statement, column)
            let n = Int(sqlite3_column_bytes(statement, column))
            return try body(UnsafeRawBufferPointer(start: p, count: p == nil ? 0 : n))
        }

        func value(_ column: Int32) -> Value {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(int(column))
            case SQLITE_FLOAT: return .real(double(column))
            case SQLITE_TEXT: return .text(text(column))
            case SQLITE_BLOB: return .blob(withBytes(column) { [UInt8]($0) })
            default: return .null
            }
        }
    }
}
