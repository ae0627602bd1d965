import Testing
@testable import Padan

/// Every level of every comparator for any column, reached by a pair that should reach it, and the
/// fast paths against plain reference implementations.
@Suite struct ColumnComparerTests {
    /// A table of one column `v` whose rows are `values`.
    static func table(_ values: [String]) -> Table {
        Table(name: "t", path: "t.csv", columnNames: ["v"], columns: [ByteColumn(values)], roles: [:],
              lineNumbers: values.indices.map { Int32($0 + 2) }, ordinals: values.indices.map { Int32($0 + 1) },
              rejected: [], format: SourceFormat(container: "csv"), warnings: [])
    }

    /// The level names `comparator` gives the pairs (values[2k], values[2k+1]); "null" for none.
    static func levels(_ comparator: Comparator, _ pairs: [(String, String)]) throws -> [String] {
        let values = pairs.flatMap { [$0.0, $0.1] }
        let column = try ColumnValues.build(ColumnSource("v"), tables: [table(values)], referenceYear: 2025)
        let comparison = Comparison(name: "v", column: "v", comparator: comparator)
        let plan = ComparisonPlan(comparison, column: 0)
        return pairs.indices.map { k in
            let l = ColumnComparer.level(plan, column, 2 * k, 2 * k + 1)
            return l == ComparisonLevel.null ? "null" : comparison.levels[Int(l)].name
        }
    }

    @Test func exactAndMissing() throws {
        #expect(try Self.levels(.exact(termFrequency: false), [("Smith", " SMITH "), ("Smith", "Smyth"), ("", "Smith"), ("  ", "-")])
            == ["exact", "different", "null", "null"])
    }

    @Test func jaroWinklerBands() throws {
        #expect(try Self.levels(.jaroWinkler(thresholds: [0.92, 0.8], termFrequency: false),
                                [("martha", "martha"), ("martha", "marhta"), ("dixon", "dicksonx"), ("abc", "xyz")])
            == ["exact", "jaro_winkler_0.92", "jaro_winkler_0.8", "different"])
    }

    @Test func editDistanceBands() throws {
        let pairs = [("kitten", "kitten"), ("kitten", "sitten"), ("kitten", "sittin"), ("kitten", "ktiten"), ("kitten", "dog")]
        #expect(try Self.levels(.levenshtein(distances: [1, 2]), pairs)
            == ["exact", "levenshtein_1", "levenshtein_2", "levenshtein_2", "different"])
        #expect(try Self.levels(.damerauLevenshtein(distances: [1, 2]), pairs)
            == ["exact", "damerau_levenshtein_1", "damerau_levenshtein_2", "damerau_levenshtein_1", "different"])
    }

    @Test func tokenMeasures() throws {
        #expect(try Self.levels(.tokenSet(thresholds: [0.9, 0.6]),
                                [("jalan mawar 5", "JALAN MAWAR 5"), ("mawar jalan", "jalan mawar raya"), ("jalan mawar", "jalan melati"), ("abc", "xyz")])
            == ["exact", "token_set_0.9", "token_set_0.6", "different"])
        #expect(try Self.levels(.mongeElkan(thresholds: [0.95, 0.8]),
                                [("siti aminah", "siti aminah"), ("aminah siti", "siti aminah"), ("siti aminah", "sity aminha"), ("abc", "xyz")])
            == ["exact", "monge_elkan_0.95", "monge_elkan_0.8", "different"])
    }

    @Test func phoneticByWord() throws {
        #expect(try Self.levels(.phonetic, [("Robert", "ROBERT"), ("Robert Smith", "Rupert Smyth"), ("Robert", "Smith")])
            == ["exact", "phonetic", "different"])
    }

    @Test func dateLevels() throws {
        #expect(try Self.levels(.date(withinYears: [1, 5]), [
            ("1980-08-12", "12/08/1980"), ("19800812", "19801208"), ("19800812", "19800813"), ("19801231", "19810102"),
            ("19800812", "19840101"), ("19800812", "19500101"), ("unknown", "19800812"),
        ]) == ["exact", "day_month_swapped", "one_part_differs", "within_1_years", "within_5_years", "different", "null"])
    }

    @Test func numericBands() throws {
        #expect(try Self.levels(.numeric(differences: [1, 10], relative: false),
                                [("100", "100.0"), ("100", "100,5"), ("100", "108"), ("100", "200"), ("n/a", "5")])
            == ["exact", "within_1", "within_10", "different", "null"])
        #expect(try Self.levels(.numeric(differences: [0.1], relative: true), [("1000", "1050"), ("1000", "2000")])
            == ["within_0.1_relative", "different"])
    }

    @Test func identifierTypos() throws {
        #expect(try Self.levels(.identifier, [
            ("0812-3456-789", "08123456789"), ("08123456789", "08123456780"), ("08123456789", "08123457689"),
            ("08123456789", "0812345678"), ("08123456789", "07654321098"), ("", "0812"),
        ]) == ["exact", "one_substitution", "adjacent_transposition", "two_edits", "different", "null"])
    }

    /// The identifier levels against a plain definition on random digit strings (fixed seeds).
    @Test(arguments: [1, 2, 3] as [UInt64])
    func identifierAgreesWithReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        func reference(_ x: [UInt8], _ y: [UInt8]) -> UInt8 {
            if x == y { return 0 }
            if x.count == y.count {
                let diff = x.indices.filter { x[$0] != y[$0] }
                if diff.count == 1 { return 1 }
                if diff.count == 2 && diff[1] == diff[0] + 1 && x[diff[0]] == y[diff[1]] && x[diff[1]] == y[diff[0]] { return 2 }
            }
            // Optimal string alignment distance by the textbook table.
            var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
            for i in 0 ... x.count { d[i][0] = i }
            for j in 0 ... y.count { d[0][j] = j }
            if !x.isEmpty && !y.isEmpty {
                for i in 1 ... x.count {
                    for j in 1 ... y.count {
                        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                        if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                    }
                }
            }
            return d[x.count][y.count] <= 2 ? 3 : 4
        }
        for _ in 0 ..< 2000 {
            let n = Int(rng.next() % 6) + 1
            let x = (0 ..< n).map { _ in UInt8(48 + rng.next() % 3) }
            var y = x
            for _ in 0 ..< Int(rng.next() % 3) {
                switch rng.next() % 4 {
                case 0 where !y.isEmpty: y[Int(rng.next() % UInt64(y.count))] = UInt8(48 + rng.next() % 3)
                case 1 where !y.isEmpty: y.remove(at: Int(rng.next() % UInt64(y.count)))
                case 2: y.insert(UInt8(48 + rng.next() % 3), at: Int(rng.next() % UInt64(y.count + 1)))
                default:
                    if y.count > 1 { let p = Int(rng.next() % UInt64(y.count - 1)); y.swapAt(p, p + 1) }
                }
            }
            guard !y.isEmpty else { continue }
            let fast = x.withUnsafeBufferPointer { a in y.withUnsafeBufferPointer { b in ColumnComparer.identifier(a, b) } }
            #expect(fast == reference(x, y), "\(x) \(y)")
        }
    }

    @Test func joinedColumnsAndKeys() throws {
        let t = Table(name: "t", path: "t.csv", columnNames: ["NAMA DEPAN", "NAMA BELAKANG", "TGL"],
                      columns: [ByteColumn(["Siti", "", "Budi"]), ByteColumn(["Aminah", "Rahayu", ""]), ByteColumn(["1980-08-12", "", "x"])],
                      roles: [:], lineNumbers: [2, 3, 4], ordinals: [1, 2, 3], rejected: [],
                      format: SourceFormat(container: "csv"), warnings: [])
        let name = try ColumnValues.build(ColumnSource(name: "nama", parts: [["nama_depan"], ["NAMA BELAKANG"]]), tables: [t], referenceYear: 2025)
        #expect((0 ..< 3).map { name.text.string($0) } == ["SITI AMINAH", "RAHAYU", "BUDI"])
        #expect(name.phonetic.string(0) == "S300 A550")
        let prefix = BlockingKeys.columnKeys(.prefix(3), name, threads: 1)
        let first = BlockingKeys.columnKeys(.firstToken, name, threads: 1)
        #expect(prefix[0] != 0 && prefix[0] != prefix[1])
        #expect(first[0] != first[2])
        let date = try ColumnValues.build(ColumnSource("TGL"), tables: [t], referenceYear: 2025)
        #expect(BlockingKeys.columnKeys(.year, date, threads: 1) == [1980, 0, 0])
        #expect(throws: PadanError.self) {
            try ColumnValues.build(ColumnSource("NO HP"), tables: [t], referenceYear: 2025)
        }
        // A role the list lacks reads as blank: no evidence rather than an error.
        let missing = try ColumnValues.build(ColumnSource("birth_place"), tables: [t], referenceYear: 2025)
        #expect(missing.hash == [0, 0, 0])
    }
}
