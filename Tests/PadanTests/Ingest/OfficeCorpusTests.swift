import Foundation
import Testing
@testable import Padan

/// Reads every file of `corpora/office/` (made by `corpora/office/make_office_corpus.py`, one
/// office habit per file) and checks it against `manifest.json`: rows, rejected rows and their
/// reasons, the column → role mapping and the header's rows; or, for a file that cannot be read
/// right, the clear error that refuses it.
@Suite struct OfficeCorpusTests {
    struct Manifest: Decodable {
        struct Options: Decodable {
            let headerRows: String?
            let columns: [String: String]?
        }

        struct Entry: Decodable {
            let file: String
            let habit: String
            let rows: Int?
            let rejected: Int?
            let roles: [String: String]?
            let headerLines: [Int]?
            let rejectedReasons: [String: Int]?
            let firstName: String?
            let sheet: String?
            let warning: String?
            let error: String?
            let options: Options?
        }

        let files: [Entry]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora/office")

    static let manifest: Manifest = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try! JSONDecoder().decode(Manifest.self, from: data)
    }()

    @Test func theCorpusHasAtLeastTwentyFiveHabitsAndEveryFileIsInTheManifest() throws {
        #expect(Self.manifest.files.count >= 25)
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { !$0.hasSuffix(".json") && !$0.hasSuffix(".py") && !$0.hasSuffix(".md") }
        #expect(Set(onDisk) == Set(Self.manifest.files.map(\.file)))
    }

    @Test(arguments: manifest.files.map(\.file))
    func fileIsReadAsTheManifestSays(file: String) throws {
        let entry = try #require(Self.manifest.files.first { $0.file == file })
        var options = ReadOptions()
        if let rows = entry.options?.headerRows { options.headerRows = Configuration.headerRows(rows) }
        for (role, header) in entry.options?.columns ?? [:] { options.mapping.explicit[try #require(Role(rawValue: role))] = [header] }
        let path = Self.folder.appendingPathComponent(file).path
        if let expected = entry.error {
            do {
                let table = try TableReader.read(path: path, options: options)
                Issue.record("\(file) (\(entry.habit)) was read (\(table.rowCount) rows) but should be refused with '\(expected)'")
            } catch let error as PadanError {
                #expect(error.description.contains(expected), "\(file): \(error)")
                #expect(error.file == path)
                #expect(error.kind == .badInput)
            }
            return
        }
        let table = try TableReader.read(path: path, options: options)
        let context = "\(file) (\(entry.habit)): \(table.rejected.map { "\($0.line): \($0.reason)" })"
        #expect(table.rowCount == entry.rows, "\(context)")
        #expect(table.rejected.count == entry.rejected, "\(context)")
        var roles: [String: String] = [:]
        for (role, index) in table.roles { roles[role.rawValue] = table.columnNames[index] }
        #expect(roles == entry.roles, "\(file)")
        #expect(table.format.headerLines == entry.headerLines, "\(file)")
        for (reason, count) in entry.rejectedReasons ?? [:] {
            #expect(table.rejected.filter { $0.reason.contains(reason) }.count == count, "\(context): '\(reason)'")
        }
        if let name = entry.firstName { #expect(table.value(.name, row: 0) == name, "\(file)") }
        if let sheet = entry.sheet { #expect(table.format.sheet == sheet, "\(file): \(table.format.otherSheets)") }
        if let warning = entry.warning { #expect(table.warnings.contains { $0.contains(warning) }, "\(file): \(table.warnings)") }
        // Every row of the file is somewhere: read, rejected, blank, above the header or in it.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        if table.format.container == "csv" && !bytes.contains(UInt8(ascii: "\"")) {
            let total = bytes.filter { $0 == 10 }.count
            let accounted = table.rowCount + table.rejected.count + table.format.blankLines + table.format.rowsAboveHeader
                + table.format.headerLines.count + table.format.numberingRows
            #expect(accounted == total, "\(file): every line accounted for")
        }
    }
}
