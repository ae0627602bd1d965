import Testing
@testable import Padan

@Suite struct ConfigurationTests {
    @Test func readsColumnsAndLimits() throws {
        let c = try Configuration.parse("""
            columns:
              nik: NO_NIK
              name: [NAMA, NAMA ART]
            guess_columns: false
            max_rows: 500
            """)
        #expect(c.read.mapping.explicit[.nik] == ["NO_NIK"])
        #expect(c.read.mapping.explicit[.name] == ["NAMA", "NAMA ART"])
        #expect(c.read.mapping.guess == false)
        #expect(c.read.maxRows == 500)
    }

    @Test func unknownKeyNamesFileLineAndKey() {
        #expect(throws: PadanError(.usage, file: "c.yaml", line: 2,
                                   "colums: unknown key (did you mean 'columns'?); expected one of: columns, files, guess_columns, header_row, link, max_columns, max_field_bytes, max_rows, sheet, skip_hidden_rows")) {
            try Configuration.parse("max_rows: 5\ncolums:\n  nik: A\n", file: "c.yaml")
        }
    }

    @Test func unknownRoleAndBadValues() {
        #expect(throws: PadanError.self) { try Configuration.parse("columns:\n  nama: A\n") }
        #expect(throws: PadanError.self) { try Configuration.parse("max_rows: -3\n") }
        #expect(throws: PadanError.self) { try Configuration.parse("guess_columns: maybe\n") }
        #expect(throws: PadanError.self) { try Configuration.parse("columns: [a, b]\n") }
        #expect(throws: PadanError.self) { try Configuration.parse("columns: {nik: [\n") }
    }

    @Test func emptyFileIsTheDefault() throws {
        #expect(try Configuration.parse("") == Configuration())
    }
}
