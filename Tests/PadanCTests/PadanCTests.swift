import Foundation
import Testing
@testable import Padan
@testable import PadanC

/// The C interface, called as a C program would: tables from column buffers and from files, a
/// link, its outputs read back, and bad handles and configurations turned into error codes.
@Suite struct PadanCTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static func corpus(_ file: String) -> String { root + "/corpora/synth-2k/" + file }

    /// Calls `body` with C strings for `strings` (NULL for nil), freed after.
    static func withCStrings<R>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>) throws -> R) rethrows -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0)! } }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        return try pointers.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    static func take(_ string: UnsafeMutablePointer<CChar>?) -> String {
        defer { padan_string_free(string) }
        return string.map { String(cString: $0) } ?? ""
    }

    static func read(_ path: String) throws -> OpaquePointer {
        var table: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        let code = path.withCString { padan_table_read($0, &table, &error) }
        #expect(code == 0, "\(take(error))")
        return try #require(table)
    }

    static func link(_ tables: [OpaquePointer?], scope: Int32 = 0, yaml: String? = nil) -> (code: Int32, result: OpaquePointer?, error: String) {
        var result: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        let code = tables.withUnsafeBufferPointer { t in
            if let yaml { return yaml.withCString { padan_link(t.baseAddress, Int32(t.count), scope, $0, &result, &error) } }
            return padan_link(t.baseAddress, Int32(t.count), scope, nil, &result, &error)
        }
        return (code, result, take(error))
    }

    static func output(_ f: (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32,
                       _ result: OpaquePointer?) -> (Int32, String) {
        var out: UnsafeMutablePointer<CChar>?
        let code = f(result, &out, nil)
        return (code, take(out))
    }

    @Test func linksFilesAndColumnBuffersAsTheLibraryDoes() throws {
        let a = try Self.read(Self.corpus("provinsi.csv")), b = try Self.read(Self.corpus("kota.csv"))
        defer { _ = padan_table_free(a); _ = padan_table_free(b) }
        #expect(padan_table_rows(a) == 2000)
        // kota.csv's cells as column buffers, column-major, NULL for blanks.
        let file = try TableReader.read(path: Self.corpus("kota.csv"))
        let rows = file.rowCount
        let names = file.columnNames
        var values: [String?] = []
        for c in names.indices { for r in 0 ..< rows { let v = file.columns[c].string(r); values.append(v.isEmpty ? nil : v) } }
        var made: OpaquePointer?
        let code = try Self.withCStrings(names) { n in
            try Self.withCStrings(values) { v in
                try #require("kota".withCString { padan_table_create($0, Int32(names.count), n, Int64(rows), v, &made, nil) } == 0)
                return 0
            }
        }
        #expect(code == 0)
        defer { _ = padan_table_free(made) }
        let fromFiles = Self.link([a, b]), fromBuffers = Self.link([a, made])
        #expect(fromFiles.code == 0 && fromBuffers.code == 0, "\(fromFiles.error) \(fromBuffers.error)")
        defer { _ = padan_result_free(fromFiles.result); _ = padan_result_free(fromBuffers.result) }
        let links = Self.output(padan_result_links_csv, fromFiles.result).1
        #expect(links == Self.output(padan_result_links_csv, fromBuffers.result).1)
        // The same bytes the library (and so `padan link`) writes.
        var settings = LinkSettings.indonesianDefault
        settings.referenceYear = thisYear()
        var options = ReadOptions()
        options.referenceYear = thisYear()
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: Self.corpus($0), options: options) }
        let expected = try Linker(settings: settings).link(tables, scope: .linkAndDedupe)
        #expect(links == String(decoding: LinkOutput.linksCSV(expected), as: UTF8.self))
        #expect(links.split(separator: "\n").count == expected.links.count + 1)
        let clusters = Self.output(padan_result_clusters_csv, fromFiles.result)
        #expect(clusters.0 == 0 && clusters.1.hasPrefix("source,id,cluster_id"), "\(clusters.1.prefix(80))")
        let summary = Self.output(padan_result_summary_json, fromFiles.result)
        let json = try JSONSerialization.jsonObject(with: Data(summary.1.utf8)) as? [String: Any]
        #expect(json?["links"] as? Int == expected.links.count)
        var described: UnsafeMutablePointer<CChar>?
        #expect(padan_table_describe(made, &described, nil) == 0)
        let description = try JSONSerialization.jsonObject(with: Data(Self.take(described).utf8)) as? [String: Any]
        #expect((description?["roles"] as? [String: String])?["nik"] == "NIK" && description?["rows"] as? Int == rows)
        #expect(String(cString: padan_version()) == PadanVersion.current)
    }

    /// Calls padan_table_create_arrow over `columns` (each its offsets, bytes and validity bits).
    static func createArrow(_ names: [String], rows: Int, name: String = "kota", _ columns: [(offsets: [Int32], data: [UInt8], validity: [UInt8]?)],
                            _ out: inout OpaquePointer?) -> (code: Int32, error: String) {
        var error: UnsafeMutablePointer<CChar>?
        // Copies the callee may read from, alive for the call.
        let offsets = columns.map { c -> UnsafeMutablePointer<Int32> in
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: c.offsets.count); p.initialize(from: c.offsets, count: c.offsets.count); return p
        }
        let data = columns.map { c -> UnsafeMutablePointer<UInt8>? in
            guard !c.data.isEmpty else { return nil }
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c.data.count); p.initialize(from: c.data, count: c.data.count); return p
        }
        let validity = columns.map { c -> UnsafeMutablePointer<UInt8>? in
            guard let v = c.validity else { return nil }
            let p = UnsafeMutablePointer<UInt8>.allocate(capacity: v.count); p.initialize(from: v, count: v.count); return p
        }
        defer { offsets.forEach { $0.deallocate() }; data.forEach { $0?.deallocate() }; validity.forEach { $0?.deallocate() } }
        let o: [UnsafePointer<Int32>?] = offsets.map { UnsafePointer($0) }
        let d: [UnsafePointer<UInt8>?] = data.map { $0.map { UnsafePointer($0) } }
        let v: [UnsafePointer<UInt8>?] = validity.map { $0.map { UnsafePointer($0) } }
        let code = withCStrings(names) { n in
            o.withUnsafeBufferPointer { o in d.withUnsafeBufferPointer { d in v.withUnsafeBufferPointer { v in
                name.withCString { padan_table_create_arrow($0, Int32(names.count), n, Int64(rows), o.baseAddress, d.baseAddress, v.baseAddress, &out, &error) }
            } } }
        }
        return (code, take(error))
    }

    /// A list passed in Arrow's layout (offsets starting above 0 as in a sliced array, nulls by a
    /// validity bitmap) links as the same list read from its file, and bad offsets are codes.
    @Test func arrowBuffersLinkAsTheFileAndBadOffsetsAreRefused() throws {
        let a = try Self.read(Self.corpus("provinsi.csv")), b = try Self.read(Self.corpus("kota.csv"))
        defer { _ = padan_table_free(a); _ = padan_table_free(b) }
        let file = try TableReader.read(path: Self.corpus("kota.csv"))
        let rows = file.rowCount
        var columns: [(offsets: [Int32], data: [UInt8], validity: [UInt8]?)] = []
        for c in file.columns.indices {
            // Three bytes of another value first, so offsets start at 3; blanks as nulls.
            var data: [UInt8] = Array("XYZ".utf8), offsets: [Int32] = [3], validity = [UInt8](repeating: 0, count: (rows + 7) / 8)
            for r in 0 ..< rows {
                let v = file.columns[c][r]
                if v.isEmpty { data += Array("junk".utf8) } else { validity[r >> 3] |= 1 << UInt8(r & 7); data += v }
                offsets.append(Int32(data.count))
            }
            columns.append((offsets, data, validity))
        }
        var made: OpaquePointer?
        let created = Self.createArrow(file.columnNames, rows: rows, columns, &made)
        #expect(created.code == 0, "\(created.error)")
        defer { _ = padan_table_free(made) }
        #expect(padan_table_rows(made) == Int64(rows))
        let fromFiles = Self.link([a, b]), fromArrow = Self.link([a, made])
        #expect(fromFiles.code == 0 && fromArrow.code == 0, "\(fromFiles.error) \(fromArrow.error)")
        defer { _ = padan_result_free(fromFiles.result); _ = padan_result_free(fromArrow.result) }
        let links = Self.output(padan_result_links_csv, fromFiles.result).1
        #expect(links.count > 1000 && links == Self.output(padan_result_links_csv, fromArrow.result).1)

        var bad: OpaquePointer?
        let down = Self.createArrow(["NIK"], rows: 2, [([0, 5, 3], Array("32730".utf8), nil)], &bad)
        #expect(down.code == 2 && down.error.contains("go down") && bad == nil, "\(down)")
        let negative = Self.createArrow(["NIK"], rows: 1, [([-1, 2], Array("32".utf8), nil)], &bad)
        #expect(negative.code == 2 && bad == nil)
        let noData = Self.createArrow(["NIK"], rows: 1, [([0, 2], [], nil)], &bad)
        #expect(noData.code == 2 && noData.error.contains("NULL"), "\(noData)")
        var error: UnsafeMutablePointer<CChar>?
        #expect(padan_table_create_arrow(nil, 1, nil, 1, nil, nil, nil, &bad, &error) == 2)
        padan_string_free(error)
    }

    @Test func byteColumnsMakeTheTableTheirValuesMake() throws {
        let values: [[String?]] = [["3273010101800001", nil, "3273014101850002"], ["BUDI SANTOSO", "SITI AMINAH", "AGUS"]]
        let names = ["NIK", "NAMA"]
        let fromValues = try Table(name: "t", columns: zip(names, values).map { (name: $0, values: $1) })
        let fromBytes = try Table(name: "t", byteColumns: zip(names, values).map { (name: $0, values: ByteColumn($1.map { $0 ?? "" })) })
        #expect(fromValues.columns == fromBytes.columns && fromValues.roles == fromBytes.roles && fromValues.rowCount == 3)
        let column = try ByteColumn(bytes: Array("ABCDE".utf8), offsets: [0, 2, 5])
        #expect(column.count == 2 && column.string(1) == "CDE")
        #expect(throws: PadanError.self) { try ByteColumn(bytes: Array("ABC".utf8), offsets: [0, 2, 5]) }
        #expect(throws: PadanError.self) { try ByteColumn(bytes: Array("ABC".utf8), offsets: [1, 3]) }
        #expect(throws: PadanError.self) { try ByteColumn(bytes: Array("ABC".utf8), offsets: [0, 2, 1, 3]) }
        #expect(throws: PadanError.self) { try Table(name: "t", byteColumns: [(name: "NIK", values: ByteColumn(["1"])), (name: "NAMA", values: ByteColumn([String]()))]) }
    }

    @Test func badHandlesAndConfigurationsGiveCodesNotCrashes() throws {
        let a = try Self.read(Self.corpus("provinsi.csv"))
        // A made-up pointer, and a table passed as a result.
        let bogus = OpaquePointer(bitPattern: 0xDEAD_BEE0)
        #expect(padan_table_rows(bogus) == -1)
        #expect(Self.output(padan_result_links_csv, bogus).0 == 4)
        #expect(Self.output(padan_result_links_csv, a).0 == 4)
        #expect(padan_result_free(a) == 4)
        #expect(Self.link([a, bogus]).code == 4)
        // A bad configuration and a bad scope: usage errors with a message.
        let bad = Self.link([a, a], yaml: "link:\n  threshold: 7\n")
        #expect(bad.code == 2 && !bad.error.isEmpty, "\(bad)")
        #expect(Self.link([a, a], scope: 9).code == 2)
        #expect(Self.link([]).code == 2)
        // Not a list.
        var table: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        let missing = "/nonexistent/list.csv".withCString { padan_table_read($0, &table, &error) }
        #expect(missing == 1 && Self.take(error).contains("no such file"))
        #expect(padan_table_read(nil, &table, nil) == 2)
        let uneven = Self.withCStrings(["NIK", "NAMA"]) { n in
            Self.withCStrings(["1", "2", "A", nil]) { v in "x".withCString { padan_table_create($0, 2, n, 2, v, nil, nil) } }
        }
        #expect(uneven == 2)
        // Freed once; the second time it is no longer a handle.
        #expect(padan_table_free(a) == 0)
        #expect(padan_table_free(a) == 4)
        #expect(padan_table_rows(a) == -1)
        padan_string_free(nil)
    }

    @Test func oneTableUsedByTwoThreadsAtOnce() throws {
        let a = try Self.read(Self.corpus("provinsi.csv")), b = try Self.read(Self.corpus("kota.csv"))
        defer { _ = padan_table_free(a); _ = padan_table_free(b) }
        let outputs = Parallel.map(count: 2, threads: 2, minChunk: 1) { range in
            range.map { _ -> String in
                let run = Self.link([a, b], scope: 1)
                defer { _ = padan_result_free(run.result) }
                return Self.output(padan_result_links_csv, run.result).1
            }
        }.flatMap { $0 }
        #expect(outputs.count == 2 && outputs[0] == outputs[1] && !outputs[0].isEmpty)
    }
}
