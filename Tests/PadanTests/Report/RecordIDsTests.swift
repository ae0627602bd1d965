import Testing
@testable import Padan

/// Record ids read from the bytes give what ``Table/id(row:)`` and String comparison give.
@Suite struct RecordIDsTests {
    static let ids = ["BDG-000010", "BDG-00002", "bdg-1", "10", "9", "", "Ä-1", "A\u{308}-1", "Z", "NI’MAH", "é", "e\u{301}", "ß"]

    func table(_ ids: [String]?) throws -> Table {
        var columns: [(name: String, values: [String?])] = [(name: "NAMA", values: Array(repeating: "BUDI", count: Self.ids.count))]
        if let ids { columns.insert((name: "ID", values: ids), at: 0) }
        return try Table(name: "daftar", columns: columns)
    }

    @Test(arguments: [true, false])
    func bytesAndOrderAsStrings(withIDColumn: Bool) throws {
        let t = try table(withIDColumn ? Self.ids : nil)
        let ids = RecordIDs(t)
        for a in 0 ..< t.rowCount {
            #expect(ids.string(a) == t.id(row: a))
            var out: [UInt8] = [7]
            ids.append(a, to: &out)
            #expect(out == [7] + Array(t.id(row: a).utf8))
            for b in 0 ..< t.rowCount {
                #expect(ids.precedes(a, b) == (t.id(row: a) < t.id(row: b)), "\(t.id(row: a)) < \(t.id(row: b))")
            }
        }
    }
}
