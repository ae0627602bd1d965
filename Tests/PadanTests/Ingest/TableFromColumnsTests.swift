import Foundation
import Testing
@testable import Padan

/// Tables built from columns in memory are read as a file with those rows would be.
@Suite struct TableFromColumnsTests {
    /// A file's cells, as a DataFrame would hold them: the header and each row's fields.
    static func columns(of path: String) throws -> [(name: String, values: [String?])] {
        let file = try TableReader.read(path: path)
        // Only the columns the file has (not those split or joined from them).
        let original = file.columnNames.indices.filter { !file.columnNames[$0].hasPrefix("(") }
        return original.map { c in (name: file.columnNames[c], values: (0 ..< file.rowCount).map { file.columns[c].string($0) }) }
    }

    @Test func aListInMemoryReadsAndLinksAsItsFileDoes() throws {
        let paths = ["provinsi.csv", "kota.csv"].map { repositoryRoot + "/corpora/synth-2k/" + $0 }
        let files = try paths.map { try TableReader.read(path: $0) }
        let memory = try zip(["provinsi", "kota"], paths).map { try Table(name: $0, columns: try Self.columns(of: $1)) }
        for (f, m) in zip(files, memory) {
            #expect(m.rowCount == f.rowCount)
            #expect(m.roles == f.roles)
            #expect((0 ..< m.rowCount).allSatisfy { m.id(row: $0) == f.id(row: $0) })
            #expect(m.format.container == "memory" && m.format.headerLines == [1])
        }
        let a = try Linker().link(files, scope: .linkAndDedupe), b = try Linker().link(memory, scope: .linkAndDedupe)
        #expect(a.links.count > 1000)
        #expect(a.links.map(\.left) == b.links.map(\.left) && a.links.map(\.right) == b.links.map(\.right))
        #expect(a.links.map(\.weight) == b.links.map(\.weight))
    }

    @Test func blanksRejectedRowsAndBadShapes() throws {
        let table = try Table(name: "desa", columns: [
            (name: "NIK", values: ["3273010101800001", "3273014101850002", nil, ""]),
            (name: "NAMA LENGKAP", values: ["BUDI SANTOSO", "SITI AMINAH", "JUMLAH", "AGUS"]),
            (name: "TGL LAHIR", values: ["01-01-1980", nil, "", "1985-02-03"]),
        ])
        #expect(table.name == "desa" && table.roles[.nik] == 0 && table.roles[.name] == 1)
        // The totals row is not a person: rejected with its row (header row 1, values from row 2).
        #expect(table.rejected.map(\.line) == [4], "\(table.rejected)")
        #expect(table.rowCount == 3)
        #expect(table.value(.birthDate, row: 1) == "")
        #expect(throws: PadanError.self) {
            try Table(name: "x", columns: [(name: "NIK", values: ["1"]), (name: "NAMA", values: [])])
        }
        #expect(throws: PadanError.self) { try Table(name: "x", columns: []) }
        do {
            _ = try Table(name: "x", columns: [(name: "NIK", values: ["1", "2"]), (name: "NAMA", values: ["A"])])
        } catch let e as PadanError {
            #expect(e.description.contains("'NAMA' has 1 values where 'NIK' has 2"), "\(e)")
        }
    }
}
