import Foundation

/// The register's tables, and the format check every open makes.
///
/// The format's version is SQLite's `user_version`. A file of a newer format is refused (with
/// the version that wrote it); a file of an older one is upgraded here, step by step, in one
/// transaction, when it is opened for writing (opened read-only, it is read as it is).
///
/// - 1: the first format.
/// - 2: adds `packed`, each list's records packed for comparing (``PackedCache``); a format-1
///   register gets the empty table, filled by its next addition.
enum RegisterSchema {
    static let tables = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE lists(
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, file TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
            added TEXT NOT NULL, rows INTEGER NOT NULL, rejected INTEGER NOT NULL,
            columns TEXT NOT NULL, roles TEXT NOT NULL, format TEXT NOT NULL);
        CREATE TABLE people(
            id INTEGER PRIMARY KEY, created_by INTEGER NOT NULL REFERENCES lists(id),
            merged_into INTEGER REFERENCES people(id), merged_by INTEGER REFERENCES lists(id));
        CREATE TABLE records(
            id INTEGER PRIMARY KEY, list INTEGER NOT NULL REFERENCES lists(id), row INTEGER NOT NULL,
            line INTEGER NOT NULL, ordinal INTEGER NOT NULL, person INTEGER NOT NULL REFERENCES people(id),
            nik TEXT, cells BLOB NOT NULL, UNIQUE(list, row));
        CREATE INDEX records_person ON records(person);
        CREATE INDEX records_nik ON records(nik);
        CREATE TABLE links(
            a INTEGER NOT NULL REFERENCES records(id), b INTEGER NOT NULL REFERENCES records(id),
            weight REAL NOT NULL, probability REAL NOT NULL, rule TEXT NOT NULL, list INTEGER NOT NULL,
            PRIMARY KEY(a, b)) WITHOUT ROWID;
        CREATE TABLE api_keys(
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL, revoked TEXT);
        CREATE TABLE events(
            id INTEGER PRIMARY KEY, list INTEGER NOT NULL REFERENCES lists(id), kind TEXT NOT NULL,
            person INTEGER, other INTEGER, records INTEGER, detail TEXT NOT NULL, at TEXT NOT NULL);
        """ + packedTable

    /// Format 2's table.
    static let packedTable = """

        CREATE TABLE packed(
            list INTEGER NOT NULL REFERENCES lists(id), chunk INTEGER NOT NULL, build TEXT NOT NULL,
            count INTEGER NOT NULL, checksum INTEGER NOT NULL, data BLOB NOT NULL, UNIQUE(list, chunk));
        """

    /// Makes the tables in an empty database.
    static func create(_ db: SQLiteDatabase, configuration: String, referenceDate: String) throws {
        try db.execute("PRAGMA journal_mode = WAL")
        try db.transaction {
            try db.execute(tables)
            let meta = try db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
            let now = Register.timestamp()
            for (k, v) in [("padan_version", PadanVersion.current), ("created", now), ("updated", now),
                           ("configuration", configuration), ("reference_date", referenceDate), ("generation", "0"),
                           ("model_kinds", "none")] {
                try meta.run([.text(k), .text(v)])
            }
            try db.execute("PRAGMA user_version = \(Register.formatVersion)")
        }
    }

    static func version(_ db: SQLiteDatabase) throws -> Int64 {
        try db.scalar("PRAGMA user_version")?.integer ?? 0
    }

    /// Throws unless `db` is a register of the current format, or an older one it upgrades
    /// (unless `readOnly`: then it is read as it is).
    static func check(_ db: SQLiteDatabase, readOnly: Bool = false) throws {
        let version: Int64
        do { version = try Self.version(db) } catch {
            throw PadanError(.badInput, file: db.path, "not a Padan register (not an SQLite database)")
        }
        let hasMeta = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")?.integer ?? 0
        if version == 0 || hasMeta == 0 {
            throw PadanError(.badInput, file: db.path, "not a Padan register (an SQLite database without the register's tables)")
        }
        if version > Register.formatVersion {
            let by = (try? db.scalar("SELECT value FROM meta WHERE key = 'padan_version'")?.text) ?? nil
            throw PadanError(.usage, file: db.path, "the register is of format \(version), written by Padan \(by ?? "?"); this Padan (\(PadanVersion.current)) reads format \(Register.formatVersion) and older: upgrade Padan")
        }
        if version < Register.formatVersion && !readOnly {
            try db.transaction {
                // Checked again under the write lock: another process may have upgraded it meanwhile.
                let now = try Self.version(db)
                if now < 2 { try db.execute(packedTable) }
                try db.execute("PRAGMA user_version = \(Register.formatVersion)")
            }
        }
    }
}
