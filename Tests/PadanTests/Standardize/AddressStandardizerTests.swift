import Testing
@testable import Padan

@Suite struct AddressStandardizerTests {
    static func run(_ input: String) -> AddressStandardizer {
        var s = AddressStandardizer()
        s.standardize(input)
        return s
    }

    /// RT and RW in every common form, removed from the street text.
    @Test(arguments: [
        ("JL. MERDEKA RT 002 RW 005", 2, 5), ("JL. MERDEKA RT.2/RW.5", 2, 5), ("JL. MERDEKA RT02/05", 2, 5),
        ("JL. MERDEKA RT 2 / RW 5", 2, 5), ("JL. MERDEKA RT/RW 002/005", 2, 5), ("JL. MERDEKA RT/RW: 02/05", 2, 5),
        ("JL. MERDEKA RT. 02 RW. 05", 2, 5), ("JL. MERDEKA RT:02 RW:05", 2, 5), ("JL. MERDEKA RT 02, RW 05", 2, 5),
        ("JL. MERDEKA RT02RW05", 2, 5), ("JL. MERDEKA RT 002-005", 2, 5), ("JL. MERDEKA rt.2 rw.5", 2, 5),
        ("JL. MERDEKA RW 05 RT 02", 2, 5), ("JL. MERDEKA RT 3", 3, 0), ("JL. MERDEKA RW 7", 0, 7),
        ("JL. MERDEKA, RT.002/RW.005,", 2, 5),
    ])
    func rtRW(input: String, rt: Int, rw: Int) {
        let a = Self.run(input)
        #expect(Int(a.rt) == rt, "\(input)")
        #expect(Int(a.rw) == rw, "\(input)")
        #expect(StandardizeTest.string(a.street) == "JL MERDEKA", "\(input)")
    }

    @Test(arguments: [
        ("Jl. Merdeka No. 12", "JL MERDEKA", "12"), ("JALAN MERDEKA NO 12A", "JL MERDEKA", "12A"),
        ("JLN. MERDEKA NOMOR 12", "JL MERDEKA", "12"), ("JL.MERDEKA NO.12/3", "JL MERDEKA", "12/3"),
        ("GANG MAWAR NO:5-B", "GG MAWAR", "5-B"), ("GG. MAWAR NO 5", "GG MAWAR", "5"),
        ("KAMPUNG SUKAMAJU", "KP SUKAMAJU", ""), ("KMP. SUKAMAJU", "KP SUKAMAJU", ""), ("KP SUKAMAJU", "KP SUKAMAJU", ""),
        ("PERUMAHAN GRIYA ASRI BLOK C3 NO 7", "PERUM GRIYA ASRI BLOK C 3", "7"), ("PERUM GRIYA ASRI BLK C3 NO. 7", "PERUM GRIYA ASRI BLOK C 3", "7"),
        ("KOMPLEK PERMATA BLOK A NO 1", "KOMP PERMATA BLOK A", "1"), ("KOMP. PERMATA BLOK A NO 1", "KOMP PERMATA BLOK A", "1"),
        ("DUSUN KRAJAN RT 01 RW 02", "DUSUN KRAJAN", ""), ("DSN. KRAJAN", "DUSUN KRAJAN", ""),
        ("JL. KH. AHMAD DAHLAN NO. 5", "JL KH AHMAD DAHLAN", "5"), ("NO", "NO", ""), ("", "", ""),
    ])
    func street(input: String, street: String, number: String) {
        let a = Self.run(input)
        #expect(StandardizeTest.string(a.street) == street, "\(input)")
        #expect(StandardizeTest.string(a.houseNumber) == number, "\(input)")
    }

    @Test func placesInTheText() {
        let a = Self.run("JL. MERDEKA NO 5 RT 01/02 KEL. SUKAJADI KEC. COBLONG KAB. BANDUNG")
        #expect(StandardizeTest.string(a.street) == "JL MERDEKA")
        #expect(StandardizeTest.string(a.village) == "SUKAJADI")
        #expect(StandardizeTest.string(a.district) == "COBLONG")
        #expect(StandardizeTest.string(a.regency) == "BANDUNG")
        let b = Self.run("DESA SUKAMAJU, RT 3")
        #expect(StandardizeTest.string(b.village) == "SUKAMAJU" && b.street.isEmpty && b.rt == 3)
    }

    @Test(arguments: [
        ("KEL. SUKAJADI", AddressStandardizer.PlaceKind.village, "SUKAJADI"), ("DESA SUKAMAJU", .village, "SUKAMAJU"),
        ("Kelurahan Sukajadi", .village, "SUKAJADI"), ("DS. SUKAMAJU", .village, "SUKAMAJU"), ("KEL/DESA SUKAJADI", .village, "SUKAJADI"),
        ("DESA", .village, "DESA"), ("KEC. COBLONG", .district, "COBLONG"), ("KECAMATAN COBLONG", .district, "COBLONG"),
        ("DISTRIK ABEPURA", .district, "ABEPURA"),
        // KOTA and KABUPATEN stay distinguishable: KOTA BANDUNG is a city, BANDUNG the regency.
        ("KAB. BANDUNG", .regency, "BANDUNG"), ("KABUPATEN BANDUNG", .regency, "BANDUNG"), ("Kab.Bandung", .regency, "BANDUNG"),
        ("KOTA BANDUNG", .regency, "KOTA BANDUNG"), ("KOTAMADYA BANDUNG", .regency, "KOTA BANDUNG"),
        ("KODYA BANDUNG", .regency, "KOTA BANDUNG"), ("KOTA ADM. JAKARTA SELATAN", .regency, "KOTA JAKARTA SELATAN"),
        ("BANDUNG", .regency, "BANDUNG"), ("KOTA", .regency, "KOTA"), ("KAB. KOTABARU", .regency, "KOTABARU"),
        // Birth places are written loosely: every type prefix goes.
        ("KOTA BANDUNG", .birthPlace, "BANDUNG"), ("KAB. CIAMIS", .birthPlace, "CIAMIS"), ("Bandung", .birthPlace, "BANDUNG"),
    ])
    func place(input: String, kind: AddressStandardizer.PlaceKind, expected: String) {
        #expect(StandardizeTest.place(input, kind) == expected)
    }

    @Test(arguments: [("002", 2, 0), ("RT 02", 2, 0), ("002/005", 2, 5), ("2 - 5", 2, 5), ("-", 0, 0), ("", 0, 0)])
    func rtColumn(input: String, a: Int, b: Int) {
        let (x, y) = Array(input.utf8).withUnsafeBufferPointer { AddressStandardizer.rtColumn($0) }
        #expect(Int(x) == a && Int(y) == b)
    }
}
