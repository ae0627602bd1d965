import Testing
@testable import Padan

/// The name's phonetic key ignores where the words are split: NURHAYATI and NUR HAYATI are one key
/// for blocking (`name_phonetic`) and agree at the `phonetic` level; a different name or another
/// order is still another key.
@Suite struct JoinedNameKeyTests {
    static let names = [
        "NUR HAYATI", "NURHAYATI",            // 0, 1: joined
        "ABDUL LATIF", "ABDULLATIF",          // 2, 3: a letter doubled across the space
        "SOEKARNO PUTRA", "SUKARNOPUTRA",     // 4, 5: old spelling, and joined
        "NUR HAYATO", "HAYATI NUR",           // 6, 7: another name; another order
        "UJANG ASEP SAEPUDIN", "UJANGASEP SAEPUDIN", // 8, 9: two of three tokens joined
    ]

    static func data() throws -> (CompareData, StandardizedTable) {
        let n = names.count
        let table = try Table(name: "daftar", columns: [
            (name: "NIK", values: [String?](repeating: nil, count: n)),
            (name: "NAMA LENGKAP", values: names),
            (name: "TGL LAHIR", values: [String?](repeating: "17-08-1980", count: n)),
        ])
        let s = StandardizedTable(table: table, threads: 1)
        return (try CompareData.build([s], tables: [table], columns: [], referenceYear: 2025, threads: 1), s)
    }

    /// Plain reference: the phonetic key's tokens run together, a letter doubled across a removed
    /// space written once.
    static func referenceKey(_ phonetic: String) -> [UInt8] {
        var out: [UInt8] = []
        for token in phonetic.split(separator: " ") {
            var bytes = Array(token.utf8)
            if let last = out.last, bytes.first == last { bytes.removeFirst() }
            out += bytes
        }
        return out
    }

    @Test func keyIsTheReferenceKeysHash() throws {
        let (data, s) = try Self.data()
        for i in Self.names.indices {
            let phonetic = String(decoding: s.namePhonetic.bytes[s.namePhonetic.range(i)], as: UTF8.self)
            let expected = XXH3.hash(Self.referenceKey(phonetic))
            #expect(data.records[i].phonetic == (expected == 0 ? 1 : expected), "\(Self.names[i]) (\(phonetic))")
        }
    }

    @Test func joinedAndSplitNamesShareTheKeyOthersDoNot() throws {
        let (data, _) = try Self.data()
        let r = data.records
        for (a, b) in [(0, 1), (2, 3), (4, 5), (8, 9)] { #expect(r[a].phonetic == r[b].phonetic, "\(Self.names[a]) / \(Self.names[b])") }
        for (a, b) in [(0, 6), (0, 7), (0, 2), (8, 4)] { #expect(r[a].phonetic != r[b].phonetic, "\(Self.names[a]) / \(Self.names[b])") }

        // The blocking rule on the phonetic name and birth date puts them in one block...
        let keys = BlockingKeys.keys(BlockingRule([.namePhonetic, .birthDate]), ruleIndex: 0, data: data, threads: 1)
        #expect(keys[0] == keys[1] && keys[8] == keys[9] && keys[0] != keys[6])
        // ...and the name comparison calls them the same name, folded.
        let comparer = Comparer(LinkSettings.indonesianDefault.comparisons, data: data)
        let k = try #require(LinkSettings.indonesianDefault.comparisons.firstIndex { $0.name == "name" })
        var levels = [UInt8](repeating: 0, count: LinkSettings.indonesianDefault.comparisons.count)
        for (a, b, level) in [(0, 1, IndonesianLevel.Name.phonetic), (2, 3, .phonetic), (8, 9, .phonetic), (0, 7, .reordered)] {
            levels.withUnsafeMutableBufferPointer { _ = comparer.levels(data, a, b, into: $0) }
            #expect(levels[k] == level.rawValue, "\(Self.names[a]) / \(Self.names[b]): level \(levels[k])")
        }
    }
}
