import Foundation
import Testing
@testable import Padan

@Suite struct HeaderVocabularyTests {
    @Test(arguments: [
        ("ID_ART", Role.id), ("TMPT_LHR", .birthPlace), ("JNS_KEL", .sex), ("NAMA_KEC", .district),
        ("NAMA_KAB", .regency), ("NAMA_PROP", .province), ("NAMA KRT", .headOfHousehold),
        ("NAMA KEPALA KELUARGA", .headOfHousehold), ("JK (L/P)", .sex), ("NIK (16 DIGIT)", .nik),
        ("NAMA LENGKAP (SESUAI KTP)", .name), ("ALAMAT KTP", .address), ("TGL LAHIR (DD-MM-YYYY)", .birthDate),
        ("Alamat sesuai KTP", .address), ("Kelurahan/Desa", .village),
    ])
    func knowsOfficeHeaders(header: String, role: Role) throws {
        let roles = try ColumnMapping().resolve(headers: ["KETERANGAN", header], file: "f.csv")
        #expect(roles[role] == 1, "\(header): \(roles)")
    }

    @Test(arguments: ["NAMA IBU KANDUNG", "NO HP", "ALAMAT EMAIL", "NIK IBU", "KECAMATAN KODE", "NO REKENING"])
    func leadingWordIsNotEnoughWhenTheRestIsAboutSomethingElse(header: String) {
        #expect(HeaderVocabulary.match(header) == nil, "\(header)")
    }

    @Test func anExactHeaderWinsOverALeadingWordMatchWhereverItIs() throws {
        let roles = try ColumnMapping().resolve(headers: ["ALAMAT SESUAI KTP", "NAMA", "ALAMAT"], file: "f.csv")
        #expect(roles[.address] == 2)
        #expect(roles[.name] == 1)
    }

    @Test(arguments: [
        ("TTL", HeaderVocabulary.Combined.birthPlaceAndDate), ("TEMPAT/TGL LAHIR", .birthPlaceAndDate),
        ("Tempat, Tanggal Lahir", .birthPlaceAndDate), ("RT/RW", .rtRW), ("USIA (TH)", .age), ("UMUR", .age),
        ("NAMA DEPAN", .givenName), ("NAMA BELAKANG", .surname),
    ])
    func knowsCombinedColumns(header: String, kind: HeaderVocabulary.Combined) {
        #expect(HeaderVocabulary.match(header)?.meaning == .combined(kind), "\(header)")
    }
}

@Suite struct HeaderDetectorTests {
    let header = ["NO", "NIK", "NAMA", "TGL LAHIR", "JK", "ALAMAT"]
    let data = ["1", "3273015708450001", "SITI", "17-08-1945", "P", "JL. MAWAR"]

    @Test func titleRowsAboveTheHeaderAreSkipped() {
        let choice = HeaderDetector.choose([["DAFTAR PENERIMA BANSOS TAHAP 2"], ["DINAS SOSIAL"], header, data, data])
        #expect(choice.rows == [2])
        #expect(choice.names == header)
    }

    @Test func aTwoRowHeaderIsJoinedWithMergedParentCellsSpread() {
        let parent = ["NO", "IDENTITAS", "", "", "JENIS KELAMIN", "ALAMAT", "", ""]
        let child = ["", "NIK", "NAMA", "TGL LAHIR", "", "JALAN", "RT", "RW"]
        let choice = HeaderDetector.choose([parent, child, data, data])
        #expect(choice.rows == [0, 1])
        #expect(choice.names == ["NO", "NIK", "NAMA", "TGL LAHIR", "JENIS KELAMIN", "JALAN", "RT", "RW"])
    }

    @Test func aChildThatMeansNothingAloneIsReadWithItsParent() {
        #expect(HeaderDetector.combine(parent: ["NAMA", "LAHIR", ""], child: ["", "TEMPAT", "TANGGAL"])
            == ["NAMA", "TEMPAT LAHIR", "TANGGAL LAHIR"])
    }

    @Test func aHeaderAboveDataIsNotJoinedWithTheData() {
        let choice = HeaderDetector.choose([header, data, data])
        #expect(choice.rows == [0])
    }

    @Test func numberingRowsBelowTheHeaderAreFound() {
        let choice = HeaderDetector.choose([header, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], data])
        #expect(choice.rows == [0])
        #expect(choice.numberingRows == [1])
        #expect(HeaderDetector.isNumberingRow(["1", "2", "3", "4"]))
        #expect(!HeaderDetector.isNumberingRow(["1", "3", "4"]))
        #expect(!HeaderDetector.isNumberingRow(["1", "3273015708450001", "SITI"]))
    }

    @Test func withNothingLikeAHeaderTheFirstRowIsTheHeader() {
        #expect(HeaderDetector.choose([["a", "b"], ["1", "2"]]).rows == [0])
    }
}

@Suite struct OfficeLayoutReadTests {
    let dir = TemporaryDirectory()

    func read(_ text: String, options: ReadOptions = ReadOptions()) throws -> Table {
        try TableReader.read(path: dir.write("list.csv", text), options: options)
    }

    @Test func aPersonNamedTotalInAFullRowIsAPerson() throws {
        let t = try read("NIK,NAMA,DESA\n3273015708450001,TOTAL SUPRIATNA,DAGO\n,JUMLAH,\n")
        #expect(t.rowCount == 1)
        #expect(t.value(.name, row: 0) == "TOTAL SUPRIATNA")
        #expect(t.rejected.map(\.reason) == ["a totals row (JUMLAH)"])
    }

    @Test func aRecordWithABlankNIKOrOnlyANameIsStillARecord() throws {
        let t = try read("NO,NIK,NAMA,DESA,RT\n1,,SITI,DAGO,3\n2,-,BUDI,,\n3,,JOKO,,\n")
        #expect(t.rowCount == 3)
        #expect(t.rejected.isEmpty)
    }

    @Test func theSignatureBlockIsRejectedLineByLineWithItsReason() throws {
        let t = try read("""
            NO,NIK,NAMA,DESA
            1,3273015708450001,SITI,DAGO
            ,,"Bandung, 15 Mei 2024",
            ,,"Mengetahui,",
            ,,Camat Coblong,
            ,,"Drs. H. ASEP SUNANDAR, M.Si",
            ,,NIP. 19650817 199003 1 005,

            """)
        #expect(t.rowCount == 1)
        #expect(t.rejected.map(\.line) == [3, 4, 5, 6, 7])
        #expect(t.rejected[0].reason.hasPrefix("a place-and-date line"))
        #expect(t.rejected[3].reason == "part of the signature block below the list")
        #expect(t.rejected[4].reason.hasPrefix("a signature line"))
    }

    /// Two lists pasted together, the second with its columns in another order: under the first
    /// header, the second's rows would put names in the NIK column and NIKs in the name column.
    @Test func anotherHeaderWithItsColumnsElsewhereIsAnErrorNotARecord() throws {
        #expect {
            try read("""
                NIK;NAMA;TGL LAHIR;ALAMAT
                3273011203800001;BUDI;12-03-1980;JL A
                NAMA;NIK;ALAMAT;TGL LAHIR
                SITI;3273024507850002;JL B;05-07-1985

                """)
        } throws: { error in
            let e = error as? PadanError
            return e?.kind == .badInput && e?.line == 3 && e?.message.contains("another header ('NAMA | NIK | ALAMAT | TGL LAHIR')") == true
        }
        // The header repeated in other words, each naming the column it is in, is rejected as a repeat.
        let t = try read("""
            NIK;NAMA;TGL LAHIR
            3273011203800001;BUDI;12-03-1980
            NIK;NAMA LENGKAP;TANGGAL LAHIR
            3273024507850002;SITI;05-07-1985

            """)
        #expect(t.rowCount == 2)
        #expect(t.rejected.map(\.line) == [3])
        #expect(t.rejected.first?.reason.hasPrefix("the header repeated") == true)
    }

    /// A record above the header that was found (the second of two pasted lists has the header
    /// that scores higher) is rejected, not skipped as a title row.
    @Test func recordsAboveAFoundHeaderAreRejectedNotSkipped() throws {
        let t = try read("""
            DAFTAR PENERIMA
            NIK;NAMA;TTL;ALAMAT
            3273011203800001;BUDI;Bogor, 12-03-1980;JL A
            3273011203800002;ANI;Bogor, 12-03-1981;JL A
            NIK;NAMA LENGKAP;TEMPAT LAHIR;TANGGAL LAHIR;JENIS KELAMIN;ALAMAT;RT;RW;KELURAHAN
            3273021203800001;SITI;Bogor;12-03-1980;P;JL B;1;2;DAGO

            """)
        #expect(t.format.headerLines == [5])
        #expect(t.rowCount == 1)
        #expect(t.rejected.map(\.line) == [3, 4])
        #expect(t.rejected.allSatisfy { $0.reason.hasPrefix("above the header found on line 5 but it holds a NIK or KK") })
        #expect(t.format.rowsAboveHeader == 2)
        #expect(t.format.title == "DAFTAR PENERIMA")
    }

    @Test func aGivenHeaderRowIsUsedAndABlankOneIsAClearError() throws {
        var options = ReadOptions()
        options.headerRows = 2 ... 2
        let t = try read("X,Y\nNIK,NAMA\n3273015708450001,SITI\n", options: options)
        #expect(t.columnNames == ["NIK", "NAMA"])
        #expect(!t.format.headerDetected)
        options.headerRows = 2 ... 2
        #expect(throws: PadanError(.usage, file: dir.file("list.csv"), line: 2,
                                   "the header row 2 was given, but that line is blank or does not start a row")) {
            try read("NIK,NAMA\n\n3273015708450001,SITI\n", options: options)
        }
    }

    @Test func aGivenTwoRowHeaderIsJoinedAndRowsThatAreNotAdjacentAreRefused() throws {
        var options = ReadOptions()
        options.headerRows = 2 ... 3
        let text = "LAPORAN\nNO,IDENTITAS,\n,NIK,NAMA\n1,3273015708450001,SITI\n"
        let t = try read(text, options: options)
        #expect(t.columnNames == ["NO", "NIK", "NAMA"])
        #expect(t.format.headerLines == [2, 3])
        #expect(t.format.rowsAboveHeader == 1)
        options.headerRows = 2 ... 4
        #expect(throws: PadanError.self) { try read(text, options: options) }
    }

    @Test func withoutIdentityColumnsTheErrorNamesTheRowThatLookedMostLikeAHeader() {
        #expect {
            try read("REKAP\n\nKECAMATAN,JUMLAH\nCOBLONG,12\n")
        } throws: { error in
            let e = error as? PadanError
            return e?.kind == .badInput && e?.message.contains("line 3: 'KECAMATAN | JUMLAH'") == true
                && e?.message.contains("--header-row") == true
        }
    }

    @Test func combinedColumnsAreSplitAndTheOriginalsKept() throws {
        var options = ReadOptions()
        options.referenceYear = 2025
        let t = try read("""
            NIK,NAMA DEPAN,NAMA TENGAH,NAMA BELAKANG,TTL,RT/RW,USIA
            3273015708450001,SITI,,AMINAH,"BANDUNG, 17-08-1945",003/005,63 TH
            3273015708450002,BUDI,DWI,SANTOSO,GARUT 01-02-1980,7-12,abc
            3273015708450003,JOKO,,,CIMAHI,,

            """, options: options)
        #expect(t.columnNames.prefix(7) == ["NIK", "NAMA DEPAN", "NAMA TENGAH", "NAMA BELAKANG", "TTL", "RT/RW", "USIA"])
        func col(_ r: Role) -> [String] { (0 ..< t.rowCount).map { t.value(r, row: $0) } }
        #expect(col(.name) == ["SITI AMINAH", "BUDI DWI SANTOSO", "JOKO"])
        #expect(col(.birthPlace) == ["BANDUNG", "GARUT", "CIMAHI"])
        #expect(col(.birthDate) == ["17-08-1945", "01-02-1980", ""])
        #expect(col(.rt) == ["3", "7", ""])
        #expect(col(.rw) == ["5", "12", ""])
        #expect(t.notes.count == 3)
        // USIA is used only without a birth date; here TTL gave one.
        #expect(t.columnNames.allSatisfy { !$0.contains("USIA,") })
    }

    /// A comma after the date, or one before its year, does not take the date away from TTL.
    @Test func ttlWithATrailingCommaOrACommaBeforeTheYearKeepsItsDate() throws {
        let t = try read("""
            NIK;NAMA;TTL
            3273011203800001;BUDI;BOGOR, 12-03-1980,
            3273011203800002;ANI;BOGOR, 12 Maret, 1980
            3273011203800003;SITI;KAB. BOGOR, JAWA BARAT, 12-03-1980

            """)
        func col(_ r: Role) -> [String] { (0 ..< t.rowCount).map { t.value(r, row: $0) } }
        #expect(col(.birthPlace) == ["BOGOR", "BOGOR", "KAB. BOGOR, JAWA BARAT"])
        #expect(col(.birthDate) == ["12-03-1980", "12 Maret, 1980", "12-03-1980"])
    }

    @Test func ageBecomesAnApproximateBirthYear() throws {
        var options = ReadOptions()
        options.referenceYear = 2025
        let t = try read("NIK,NAMA,USIA\n3273015708450001,SITI,63 TH\n3273015708450002,BUDI,?\n", options: options)
        #expect((0 ..< 2).map { t.value(.birthDate, row: $0) } == ["1962", ""])
        let standardized = StandardizedTable(table: t, referenceYear: 2025)
        #expect(standardized.birthYear[0] == 1962)
    }
}
