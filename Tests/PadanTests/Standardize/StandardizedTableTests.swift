import Testing
@testable import Padan

@Suite struct StandardizedTableTests {
    @Test func nikCrossCheckedWithBirthDateAndSex() {
        let table = StandardizeTest.table([
            .nik: ["3273015208800003", "3273015208800003", "3273011208050003", "3273011208250003", "3273011208800007", "", "3.27105E+15"],
            .birthDate: ["12-08-1980", "13-08-1980", "", "12-08-1925", "1980", "12-08-1980", "12-08-1980"],
            .sex: ["P", "L", "L", "LAKI-LAKI", "", "P", "P"],
        ])
        let s = StandardizedTable(table: table, referenceYear: 2025, threads: 1)
        #expect(s.nikBirth == [19800812, 19800812, 20050812, 19250812, 19800812, 0, 0])
        #expect(s.nikSex == [.female, .female, .male, .male, .male, .unknown, .unknown])
        #expect(s.nikBirthAgreement == [.agree, .disagree, .unknown, .agree, .agree, .unknown, .unknown])
        #expect(s.nikSexAgreement == [.agree, .disagree, .agree, .agree, .unknown, .unknown, .unknown])
        #expect(s.nikClass == [.valid, .valid, .valid, .valid, .valid, .blank, .excelScientific])
        #expect(s.nik.string(6) == "327105" && s.nikZeroTail[6] == 10)
    }

    @Test func rtRWFromTheAddressWhenTheColumnsAreBlank() {
        let table = StandardizeTest.table([
            .address: ["JL. MERDEKA RT 02 RW 05", "JL. MERDEKA RT 02 RW 05", "GG. MAWAR", "JL. MERDEKA NO. 4 KEL. SUKAJADI"],
            .rt: ["", "7", "003/004", ""],
            .rw: ["", "", "", "9"],
            .village: ["DESA SUKAMAJU", "", "", ""],
            .regency: ["KAB. BANDUNG", "KOTA BANDUNG", "KOTAMADYA BANDUNG", ""],
        ])
        let s = StandardizedTable(table: table, threads: 1)
        #expect(s.rt == [2, 7, 3, 0])
        #expect(s.rw == [5, 5, 4, 9])
        #expect((0 ..< 4).map(s.street.string) == ["JL MERDEKA", "JL MERDEKA", "GG MAWAR", "JL MERDEKA"])
        #expect(s.houseNumber.string(3) == "4")
        #expect((0 ..< 4).map(s.village.string) == ["SUKAMAJU", "", "", "SUKAJADI"])
        #expect((0 ..< 4).map(s.regency.string) == ["BANDUNG", "KOTA BANDUNG", "KOTA BANDUNG", ""])
    }

    @Test func namesAndFathers() {
        let table = StandardizeTest.table([.name: ["HJ. SITI AMINAH BINTI H. YUSUF, S.PD", "M. RIZKI", ""]])
        let s = StandardizedTable(table: table, threads: 1)
        #expect((0 ..< 3).map(s.name.string) == ["SITI AMINAH", "MUHAMMAD RIZKI", ""])
        #expect((0 ..< 3).map(s.nameSorted.string) == ["AMINAH SITI", "MUHAMMAD RIZKI", ""])
        #expect((0 ..< 3).map(s.fatherName.string) == ["YUSUF", "", ""])
        #expect((0 ..< 3).map(s.firstTokenPhonetic.string) == ["SITI", "RISKI", ""])
    }

    @Test func oneNIKOnThreeUnrelatedPeopleIsAPlaceholder() {
        let shared = "3273011208800003", other = "3273011208800005"
        let table = StandardizeTest.table([
            .nik: [shared, shared, shared, other, other, other, other],
            .name: ["BUDI SANTOSO", "SITI AMINAH", "AGUS SALIM", "DEWI LESTARI", "DEWI LESTARI", "DEWI LESTARY", "DEDE ROHAENI"],
            .birthDate: ["12-08-1980", "01-02-1985", "03-04-1990", "12-08-1980", "", "", "12-08-1980"],
        ])
        let s = StandardizedTable(table: table, threads: 1)
        // Three people with nothing in common share one NIK: none of them owns it.
        #expect(Array(s.nikClass[0 ..< 3]) == [.placeholder, .placeholder, .placeholder])
        // One person registered three times (and a fourth record with her birth date) keeps it.
        #expect(Array(s.nikClass[3 ..< 7]) == [.valid, .valid, .valid, .valid])
    }

    @Test func missingRolesGiveBlanks() {
        let table = StandardizeTest.table([.id: ["1", "2"]])
        let s = StandardizedTable(table: table, threads: 1)
        #expect(s.count == 2 && s.name.count == 2 && s.nik.count == 2 && s.birthPlace.count == 2)
        #expect(s.nikClass == [.blank, .blank] && s.sex == [.unknown, .unknown] && s.rt == [0, 0])
        let empty = StandardizedTable(table: StandardizeTest.table([.name: []]))
        #expect(empty.count == 0 && empty.name.count == 0)
    }

    @Test func sameOutputForAnyThreadCount() {
        let table = MessyRecords.table(rows: 9000, seed: 7)
        let one = StandardizedTable(table: table, threads: 1)
        let four = StandardizedTable(table: table, threads: 4)
        #expect(Parallel.chunks(count: 9000, threads: 4, minChunk: 2048).count > 1)
        #expect(one == four)
        #expect(one.count == 9000)
    }
}
