import Testing
@testable import Padan

@Suite struct ColumnMappingTests {
    @Test(arguments: [
        ("NIK", Role.nik), ("No. NIK", .nik), ("NO_KK", .kk), ("NO. KK", .kk), ("Nomor KK", .kk),
        ("NAMA", .name), ("Nama Lengkap", .name), ("NAMA_PENERIMA", .name), ("TGL_LAHIR", .birthDate),
        ("Tanggal Lahir", .birthDate), ("TEMPAT LAHIR", .birthPlace), ("JK", .sex), ("Jenis Kelamin", .sex),
        ("L/P", .sex), ("ALAMAT", .address), ("RT", .rt), ("rw", .rw), ("DESA", .village), ("KELURAHAN", .village),
        ("Desa/Kelurahan", .village), ("KECAMATAN", .district), ("KAB/KOTA", .regency),
        ("Kabupaten/Kota", .regency), ("NO", .id), ("ID", .id),
    ])
    func guessesIndonesianHeaders(header: String, role: Role) throws {
        let roles = try ColumnMapping().resolve(headers: ["X_OTHER", header], file: "f.csv")
        #expect(roles[role] == 1)
    }

    @Test func explicitChoiceWinsAndOthersAreStillGuessed() throws {
        let mapping = ColumnMapping(explicit: [.nik: ["nik_art"]])
        let roles = try mapping.resolve(headers: ["NIK", "NIK ART", "NAMA"], file: "f.csv")
        #expect(roles[.nik] == 1)
        #expect(roles[.name] == 2)
    }

    @Test func headOfHouseholdNameIsNotThePersonsName() throws {
        let roles = try ColumnMapping().resolve(headers: ["NAMA KK", "NAMA ART"], file: "f.csv")
        #expect(roles[.name] == 1)
    }

    @Test func guessingCanBeTurnedOff() throws {
        let roles = try ColumnMapping(explicit: [.name: ["NAMA"]], guess: false).resolve(headers: ["NIK", "NAMA"], file: "f")
        #expect(roles == [.name: 1])
    }

    @Test func oneColumnCannotTakeTwoRoles() {
        #expect(throws: PadanError.self) {
            try ColumnMapping(explicit: [.nik: ["A"], .kk: ["A"]]).resolve(headers: ["A"], file: "f")
        }
    }
}
