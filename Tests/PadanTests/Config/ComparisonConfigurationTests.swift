import Testing
@testable import Padan

/// Comparisons, columns and column keys as configuration files write them.
@Suite struct ComparisonConfigurationTests {
    @Test func columnsComparisonsAndKeys() throws {
        let c = try Configuration.parse("""
            columns:
              id: rec_id
              phone: [NO HP, TELEPON]
              full_name: NAMA DEPAN + NAMA BELAKANG
              dob: TGL LAHIR
            link:
              blocking:
                - [phone]
                - {name: by-name, fields: [birth_date, "prefix(full_name, 3)"]}
                - ["phonetic(full_name)", "year(dob)", "suffix(phone, 4)", "first_token(full_name)"]
              comparisons:
                - nik
                - {kind: name, high_similarity: 0.9, medium_similarity: 0.8}
                - {column: phone, comparator: identifier}
                - {name: nama, column: full_name, comparator: jaro_winkler, thresholds: [0.95, 0.85], term_frequency: true}
                - {column: dob, comparator: date, within_years: [2]}
                - {column: full_name, name: words, comparator: token_set}
            """)
        #expect(c.read.mapping.explicit[.id] == ["rec_id"])
        #expect(c.link.columns == [
            ColumnSource(name: "phone", parts: [["NO HP", "TELEPON"]]),
            ColumnSource(name: "full_name", parts: [["NAMA DEPAN"], ["NAMA BELAKANG"]]),
            ColumnSource(name: "dob", parts: [["TGL LAHIR"]]),
        ])
        #expect(c.link.blocking[0] == BlockingRule(columns: [ColumnKey("phone")]))
        #expect(c.link.blocking[1] == BlockingRule(name: "by-name", [.birthDate], columns: [ColumnKey("full_name", .prefix(3))]))
        #expect(c.link.blocking[2].columns == [ColumnKey("full_name", .phonetic), ColumnKey("dob", .year),
                                              ColumnKey("phone", .suffix(4)), ColumnKey("full_name", .firstToken)])
        #expect(c.link.comparisons.map(\.name) == ["nik", "name", "phone", "nama", "dob", "words"])
        #expect(c.link.comparisons[1].comparator == .indonesianName(highSimilarity: 0.9, mediumSimilarity: 0.8))
        #expect(c.link.comparisons[3].comparator == .jaroWinkler(thresholds: [0.95, 0.85], termFrequency: true))
        #expect(c.link.comparisons[4].levels.map(\.name)
            == ["exact", "day_month_swapped", "one_part_differs", "within_2_years", "different"])
        #expect(c.link.comparisons[5].comparator == .tokenSet(thresholds: [0.9, 0.7]))
    }

    @Test func mistakesNameTheLine() {
        // A column no comparison or rule uses is most likely a misspelt role.
        #expect(throws: PadanError.self) { try Configuration.parse("columns:\n  nama: A\n") }
        // A comparison on a column that is neither a role nor defined.
        #expect(throws: PadanError(.usage, file: "c.yaml", line: 3,
                                   "link.comparisons[0].column: unknown column 'phone'; use a role (id, nik, kk, name, head_of_household, birth_date, birth_place, sex, address, rt, rw, village, district, regency, province) or define the column under columns:")) {
            try Configuration.parse("link:\n  comparisons:\n    - {column: phone, comparator: exact}\n", file: "c.yaml")
        }
        #expect(throws: PadanError.self) {
            try Configuration.parse("columns: {p: P}\nlink:\n  comparisons:\n    - {column: p, comparator: jaro_winkler, thresholds: [0.8, 0.9]}\n")
        }
        #expect(throws: PadanError.self) {
            try Configuration.parse("columns: {p: P}\nlink:\n  comparisons:\n    - {column: p, comparator: soundalike}\n")
        }
        #expect(throws: PadanError.self) {
            try Configuration.parse("columns: {p: P}\nlink:\n  blocking:\n    - [\"prefix(p, 0)\"]\n")
        }
        #expect(throws: PadanError.self) { try Configuration.parse("link:\n  preset: atlantis\n") }
        #expect(throws: PadanError.self) {
            try Configuration.parse("link:\n  comparisons: [nik, nik]\n")
        }
    }

    @Test func presetsPrintAndReadBack() throws {
        for (name, settings) in LinkSettings.presets {
            let text = try #require(Configuration.defaultYAML(preset: name))
            #expect(try Configuration.parse(text).link == settings, "\(name)")
        }
        #expect(try Configuration.parse("link:\n  preset: generic\n  threshold: 0.7\n").link.threshold == 0.7)
        #expect(try Configuration.parse("link:\n  preset: generic\n").link == LinkSettings.generic)
    }

    @Test func validationLivesInTheLibrary() {
        var s = LinkSettings.indonesianDefault
        s.reviewThreshold = 0.9
        #expect(throws: PadanError.self) { try s.validate() }
        s = .indonesianDefault
        s.comparisons.append(.nik)
        #expect(throws: PadanError.self) { try s.validate() }
        s = .indonesianDefault
        s.comparisons = [Comparison(name: "x", column: "", comparator: .exact(termFrequency: false))]
        #expect(throws: PadanError.self) { try s.validate() }
        #expect(throws: Never.self) { try LinkSettings.generic.validate() }
        // Two lists of one name would make the outputs ambiguous: the library refuses them too.
        let t = Table(name: "daftar", path: "daftar.csv", columnNames: ["NAMA"], columns: [ByteColumn(["SITI"])],
                      roles: [.name: 0], lineNumbers: [2], ordinals: [1], rejected: [],
                      format: SourceFormat(container: "csv"), warnings: [])
        #expect(throws: PadanError(.usage, "two lists have the same name (daftar, daftar)", setting: "name")) {
            try Linker().link([t, t])
        }
    }

    @Test func aRoleBuiltFromSeveralColumns() throws {
        let c = try Configuration.parse("columns:\n  name: NAMA DEPAN + NAMA BELAKANG\n  nik: NO NIK\n")
        #expect(c.read.mapping.explicit[.name] == nil && c.read.mapping.explicit[.nik] == ["NO NIK"])
        #expect(c.link.columns == [ColumnSource(name: "name", parts: [["NAMA DEPAN"], ["NAMA BELAKANG"]])])
        let table = Table(name: "t", path: "t.csv", columnNames: ["NAMA DEPAN", "NAMA BELAKANG"],
                          columns: [ByteColumn(["H. Siti", "Budi", ""]), ByteColumn(["Aminah S.Pd", "", "Rahayu"])],
                          roles: [:], lineNumbers: [2, 3, 4], ordinals: [1, 2, 3], rejected: [],
                          format: SourceFormat(container: "csv"), warnings: [])
        let joined = try c.link.joiningRoles(table)
        #expect(joined.rowCount == 3 && table.columnNames.count == 2)
        let standardized = StandardizedTable(table: joined, threads: 1)
        // Joined in order, then standardized as one name (titles and degrees dropped).
        #expect((0 ..< 3).map { standardized.name.string($0) } == ["SITI AMINAH", "BUDI", "RAHAYU"])
        var missing = c.link
        missing.columns = [ColumnSource(name: "name", parts: [["FIRST"], ["LAST"]])]
        #expect(throws: PadanError.self) { try missing.joiningRoles(table) }
    }
}
