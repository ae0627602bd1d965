import Foundation
import Padan

// The C interface declared in padan.h: opaque handles over Padan's tables and results, errors as
// codes with messages, no Swift type across the boundary.

/// The live handles, so that a stale or made-up pointer gives `PADAN_E_HANDLE` instead of a
/// crash: a handle is looked up here before it is dereferenced.
final class Handles: @unchecked Sendable {
    static let shared = Handles()
    private let lock = NSLock()
    private var live: [UInt: AnyObject] = [:]

    func add(_ object: AnyObject) -> OpaquePointer {
        let pointer = Unmanaged.passRetained(object).toOpaque()
        lock.lock()
        live[UInt(bitPattern: pointer)] = object
        lock.unlock()
        return OpaquePointer(pointer)
    }

    func get<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type) -> T? {
        guard let handle else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return live[UInt(bitPattern: UnsafeRawPointer(handle))] as? T
    }

    /// Removes a live handle of `type` and releases it; false when it is not one.
    func remove<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type) -> Bool {
        guard let handle else { return false }
        let key = UInt(bitPattern: UnsafeRawPointer(handle))
        lock.lock()
        guard live[key] is T else {
            lock.unlock()
            return false
        }
        live[key] = nil
        lock.unlock()
        Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(handle)).release()
        return true
    }
}

final class TableBox {
    let table: Table
    init(_ table: Table) { self.table = table }
}

/// A result with its outputs made once, so reading them back is cheap and needs no lock.
final class ResultBox {
    let links: [UInt8], clusters: [UInt8], summary: [UInt8]
    init(links: [UInt8], clusters: [UInt8], summary: [UInt8]) {
        self.links = links
        self.clusters = clusters
        self.summary = summary
    }
}

let padanOK: Int32 = 0, padanInput: Int32 = 1, padanUsage: Int32 = 2, padanLimit: Int32 = 3
let padanHandle: Int32 = 4, padanInternal: Int32 = 5

/// A copy of `text` the caller frees with `padan_string_free`.
func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
    let out = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
    bytes.withUnsafeBufferPointer { b in
        if let base = b.baseAddress { UnsafeMutableRawPointer(out).copyMemory(from: base, byteCount: bytes.count) }
    }
    out[bytes.count] = 0
    return out
}

/// Runs `body`, turning a thrown error into its code and message.
func guarded(_ message: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: () throws -> Void) -> Int32 {
    do {
        try body()
        return padanOK
    } catch let e as CError {
        message?.pointee = cString(Array(e.message.utf8))
        return e.code
    } catch let e as PadanError {
        message?.pointee = cString(Array(e.description.utf8))
        switch e.kind {
        case .badInput: return padanInput
        case .usage: return padanUsage
        case .limit: return padanLimit
        case .internalError: return padanInternal
        }
    } catch {
        message?.pointee = cString(Array("\(error)".utf8))
        return padanInternal
    }
}

/// The year `padan` takes as its reference date when none is given (today's).
func thisYear() -> Int { Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date()).year! }

struct CError: Error {
    var code: Int32
    var message: String
}

func text(_ pointer: UnsafePointer<CChar>?, _ what: String) throws -> String {
    guard let pointer else { throw CError(code: padanUsage, message: "\(what) is NULL") }
    return String(cString: pointer)
}

func output(_ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
    guard let out else { throw CError(code: padanUsage, message: "the output pointer is NULL") }
    return out
}

/// ``PadanVersion/current`` as a C string, made once and never freed.
nonisolated(unsafe) let versionCString: UnsafeMutablePointer<CChar> = cString(Array(PadanVersion.current.utf8))

@_cdecl("padan_version")
public func padan_version() -> UnsafePointer<CChar> { UnsafePointer(versionCString) }

@_cdecl("padan_table_create")
public func padan_table_create(
    _ name: UnsafePointer<CChar>?, _ columns: Int32, _ columnNames: UnsafePointer<UnsafePointer<CChar>?>?, _ rows: Int64,
    _ values: UnsafePointer<UnsafePointer<CChar>?>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let name = try text(name, "the table's name")
        guard let out else { throw CError(code: padanUsage, message: "the output pointer is NULL") }
        guard columns > 0, rows >= 0 else { throw CError(code: padanUsage, message: "\(columns) columns and \(rows) rows: need at least one column and no negative count") }
        guard let columnNames else { throw CError(code: padanUsage, message: "column_names is NULL") }
        guard rows == 0 || values != nil else { throw CError(code: padanUsage, message: "values is NULL") }
        var list: [(name: String, values: [String?])] = []
        list.reserveCapacity(Int(columns))
        for c in 0 ..< Int(columns) {
            let header = try text(columnNames[c], "column_names[\(c)]")
            let column = (0 ..< Int(rows)).map { r in values![c * Int(rows) + r].map { String(cString: $0) } }
            list.append((name: header, values: column))
        }
        var options = ReadOptions()
        options.referenceYear = thisYear()
        out.pointee = Handles.shared.add(TableBox(try Table(name: name, columns: list, options: options)))
    }
}

@_cdecl("padan_table_create_arrow")
public func padan_table_create_arrow(
    _ name: UnsafePointer<CChar>?, _ columns: Int32, _ columnNames: UnsafePointer<UnsafePointer<CChar>?>?, _ rows: Int64,
    _ offsets: UnsafePointer<UnsafePointer<Int32>?>?, _ data: UnsafePointer<UnsafePointer<UInt8>?>?,
    _ validity: UnsafePointer<UnsafePointer<UInt8>?>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let name = try text(name, "the table's name")
        guard let out else { throw CError(code: padanUsage, message: "the output pointer is NULL") }
        guard columns > 0, rows >= 0, rows < Int64(Int32.max) else {
            throw CError(code: padanUsage, message: "\(columns) columns and \(rows) rows: need at least one column, and rows from 0 to 2^31 - 2")
        }
        guard let columnNames else { throw CError(code: padanUsage, message: "column_names is NULL") }
        guard let offsets else { throw CError(code: padanUsage, message: "offsets is NULL") }
        let n = Int(rows)
        var list: [(name: String, values: ByteColumn)] = []
        for c in 0 ..< Int(columns) {
            let header = try text(columnNames[c], "column_names[\(c)]")
            guard let o = offsets[c] else { throw CError(code: padanUsage, message: "offsets[\(c)] is NULL (column '\(header)')") }
            let start = o[0], end = o[n]
            guard start >= 0, end >= start else {
                throw CError(code: padanUsage, message: "column '\(header)': offsets run from \(start) to \(end)")
            }
            for r in 0 ..< n where o[r + 1] < o[r] {
                throw CError(code: padanUsage, message: "column '\(header)': offsets go down at row \(r) (\(o[r]) then \(o[r + 1]))")
            }
            let bytes = data?[c]
            guard end == start || bytes != nil else {
                throw CError(code: padanUsage, message: "data[\(c)] is NULL but column '\(header)' has \(end - start) bytes")
            }
            let valid = validity?[c]
            var column = ByteColumn()
            column.reserve(values: n, bytes: Int(end - start))
            for r in 0 ..< n {
                if let valid, valid[r >> 3] & (1 << UInt8(r & 7)) == 0 {
                    column.append(UnsafeBufferPointer<UInt8>(start: nil, count: 0))
                } else {
                    column.append(UnsafeBufferPointer(start: bytes! + Int(o[r]), count: Int(o[r + 1] - o[r])))
                }
            }
            list.append((name: header, values: column))
        }
        var options = ReadOptions()
        options.referenceYear = thisYear()
        out.pointee = Handles.shared.add(TableBox(try Table(name: name, byteColumns: list, options: options)))
    }
}

@_cdecl("padan_table_read")
public func padan_table_read(
    _ path: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let path = try text(path, "the path")
        guard let out else { throw CError(code: padanUsage, message: "the output pointer is NULL") }
        var options = ReadOptions()
        options.referenceYear = thisYear()
        out.pointee = Handles.shared.add(TableBox(try TableReader.read(path: path, options: options)))
    }
}

@_cdecl("padan_table_rows")
public func padan_table_rows(_ table: OpaquePointer?) -> Int64 {
    Handles.shared.get(table, as: TableBox.self).map { Int64($0.table.rowCount) } ?? -1
}

/// What `padan_table_describe` returns.
struct TableDescription: Encodable {
    struct Rejected: Encodable { var line: Int; var reason: String }
    var name: String
    var rows: Int
    var columns: [String]
    var roles: [String: String]
    var rejected: [Rejected]
    var warnings: [String]
    var header: String
}

@_cdecl("padan_table_describe")
public func padan_table_describe(
    _ table: OpaquePointer?, _ json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let out = try output(json)
        guard let t = Handles.shared.get(table, as: TableBox.self)?.table else { throw CError(code: padanHandle, message: "not a table handle") }
        let description = TableDescription(
            name: t.name, rows: t.rowCount, columns: t.columnNames,
            roles: Dictionary(uniqueKeysWithValues: t.roles.map { ($0.key.rawValue, t.columnNames[$0.value]) }),
            rejected: t.rejected.map { .init(line: $0.line, reason: $0.reason) }, warnings: t.warnings, header: t.headerDescription)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        out.pointee = cString(Array(try encoder.encode(description)))
    }
}

@_cdecl("padan_table_free")
public func padan_table_free(_ table: OpaquePointer?) -> Int32 {
    Handles.shared.remove(table, as: TableBox.self) ? padanOK : padanHandle
}

@_cdecl("padan_link")
public func padan_link(
    _ tables: UnsafePointer<OpaquePointer?>?, _ count: Int32, _ scope: Int32, _ configYAML: UnsafePointer<CChar>?,
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        guard let out else { throw CError(code: padanUsage, message: "the output pointer is NULL") }
        guard let tables, count > 0 else { throw CError(code: padanUsage, message: "no tables") }
        let lists = try (0 ..< Int(count)).map { i -> Table in
            guard let box = Handles.shared.get(tables[i], as: TableBox.self) else {
                throw CError(code: padanHandle, message: "tables[\(i)] is not a table handle")
            }
            return box.table
        }
        let scopes: [Int32: Linker.Scope] = [0: .linkAndDedupe, 1: .link, 2: .dedupe]
        guard let kind = scopes[scope] else { throw CError(code: padanUsage, message: "scope \(scope) is not one of 0 (link and dedupe), 1 (link), 2 (dedupe)") }
        let yaml = configYAML.map { String(cString: $0) } ?? ""
        let configuration = yaml.isEmpty ? Configuration() : try Configuration.parse(yaml, file: "config")
        var settings = configuration.link
        // As `padan link`: the configuration's reference year, else this year.
        if !configuration.referenceYearGiven { settings.referenceYear = thisYear() }
        let result = try Linker(settings: settings).link(lists, scope: kind == .linkAndDedupe && lists.count == 1 ? .dedupe : kind)
        let clusters = Clusters(result: result, maxSize: settings.maxClusterSize)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let summary = try encoder.encode(LinkSummary(result: result, settings: settings, clusters: clusters))
        out.pointee = Handles.shared.add(ResultBox(
            links: LinkOutput.linksCSV(result), clusters: LinkOutput.clustersCSV(clusters, result: result),
            summary: Array(summary)))
    }
}

func resultOutput(_ result: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                  _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ part: (ResultBox) -> [UInt8]) -> Int32 {
    guarded(error) {
        let out = try output(out)
        guard let box = Handles.shared.get(result, as: ResultBox.self) else { throw CError(code: padanHandle, message: "not a result handle") }
        out.pointee = cString(part(box))
    }
}

@_cdecl("padan_result_links_csv")
public func padan_result_links_csv(_ result: OpaquePointer?, _ csv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                   _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    resultOutput(result, csv, error) { $0.links }
}

@_cdecl("padan_result_clusters_csv")
public func padan_result_clusters_csv(_ result: OpaquePointer?, _ csv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                      _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    resultOutput(result, csv, error) { $0.clusters }
}

@_cdecl("padan_result_summary_json")
public func padan_result_summary_json(_ result: OpaquePointer?, _ json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                      _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    resultOutput(result, json, error) { $0.summary }
}

@_cdecl("padan_result_free")
public func padan_result_free(_ result: OpaquePointer?) -> Int32 {
    Handles.shared.remove(result, as: ResultBox.self) ? padanOK : padanHandle
}

@_cdecl("padan_string_free")
public func padan_string_free(_ string: UnsafeMutablePointer<CChar>?) {
    string?.deallocate()
}
