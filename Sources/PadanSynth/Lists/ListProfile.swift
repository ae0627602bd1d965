/// How one office writes its list: file name, headers, column order, delimiter, encoding, line
/// ends, date format, sex codes, case of region names, and what the list covers.
///
/// The profiles differ on purpose, as exports of two offices do: `provinsi` is comma-separated
/// UTF-8 with a byte-order mark and CRLF, dates `DD-MM-YYYY` (some typed as `12 Agustus 1980`),
/// sex `LAKI-LAKI`/`PEREMPUAN`; `kota` is semicolon-separated Windows-1252 with LF, dates
/// `DD/MM/YYYY`, sex `L`/`P`, region names in title case, and covers Kota Bandung only;
/// `nasional` (three lists) is a system export: UTF-8, ISO dates, sex `1`/`2`, no Excel damage.
struct ListProfile: Sendable {
    enum Field: Sendable { case id, nik, kk, name, birthPlace, birthDate, sex, address, rt, rw, village, district, regency }
    enum Encoding: String, Sendable { case utf8 = "utf-8", utf8BOM = "utf-8 with BOM", windows1252 = "windows-1252" }
    enum DateStyle: Sendable { case dmyDash, dmySlash, iso, longIndonesian }
    enum SexStyle: Sendable { case words, letters, digits }

    let name: String
    let description: String
    /// The list's snapshot date: who lives where, and ages, are as of this date.
    let date: Day
    /// The regency code the list is limited to, or nil for the whole province.
    let scopeRegency: Int?
    let columns: [(Field, String)]
    let delimiter: UInt8
    let encoding: Encoding
    let crlf: Bool
    let dateStyle: DateStyle
    /// Share of rows whose date an operator typed in the long Indonesian form instead.
    let longDateShare: Double
    let sexStyle: SexStyle
    let titleCaseRegions: Bool
    let zeroPadRtRw: Bool
    /// Whether the list passed through Excel (NIK and KK damage of the Excel kind is possible).
    let excel: Bool
    /// How names' apostrophes are written: U+2019 (word processors' autocorrect) or ASCII.
    let curlyApostrophe: Bool
    let idPrefix: String

    static func profiles(count: Int) -> [ListProfile] {
        let provinsi = ListProfile(
            name: "provinsi", description: "provincial aid list (Dinas Sosial Provinsi Jawa Barat)",
            date: count == 2 ? Day(2023, 3, 1) : Day(2023, 6, 1), scopeRegency: nil,
            columns: [(.id, "NO"), (.nik, "NIK"), (.kk, "NO_KK"), (.name, "NAMA_LENGKAP"),
                      (.birthPlace, "TEMPAT_LAHIR"), (.birthDate, "TGL_LAHIR"), (.sex, "JENIS_KELAMIN"),
                      (.address, "ALAMAT"), (.rt, "RT"), (.rw, "RW"), (.village, "DESA_KELURAHAN"),
                      (.district, "KECAMATAN"), (.regency, "KABUPATEN_KOTA")],
            delimiter: UInt8(ascii: ","), encoding: .utf8BOM, crlf: true, dateStyle: .dmyDash,
            longDateShare: 0.12, sexStyle: .words, titleCaseRegions: false, zeroPadRtRw: true, excel: true,
            curlyApostrophe: true, idPrefix: "")
        let kota = ListProfile(
            name: "kota", description: "city aid list (Dinas Sosial Kota Bandung)",
            date: count == 2 ? Day(2023, 10, 1) : Day(2024, 1, 15), scopeRegency: 3273,
            columns: [(.id, "ID Penerima"), (.name, "Nama Penerima"), (.nik, "NIK"), (.kk, "No. KK"),
                      (.sex, "L/P"), (.birthPlace, "Tempat Lahir"), (.birthDate, "Tgl. Lahir"),
                      (.address, "Alamat"), (.rt, "RT"), (.rw, "RW"), (.village, "Kelurahan"),
                      (.district, "Kecamatan"), (.regency, "Kota")],
            delimiter: UInt8(ascii: ";"), encoding: .windows1252, crlf: false, dateStyle: .dmySlash,
            longDateShare: 0, sexStyle: .letters, titleCaseRegions: true, zeroPadRtRw: false, excel: true,
            curlyApostrophe: true, idPrefix: "BDG-")
        let nasional = ListProfile(
            name: "nasional", description: "national welfare register extract (DTKS)",
            date: Day(2023, 1, 1), scopeRegency: nil,
            columns: [(.id, "ID_DTKS"), (.nik, "NIK"), (.kk, "NOMOR_KK"), (.name, "NAMA"),
                      (.birthPlace, "TMP_LAHIR"), (.birthDate, "TANGGAL_LAHIR"), (.sex, "JENIS_KELAMIN"),
                      (.address, "ALAMAT"), (.rt, "NO_RT"), (.rw, "NO_RW"), (.village, "NAMA_DESA"),
                      (.district, "NAMA_KECAMATAN"), (.regency, "NAMA_KAB_KOTA")],
            delimiter: UInt8(ascii: ","), encoding: .utf8, crlf: false, dateStyle: .iso,
            longDateShare: 0, sexStyle: .digits, titleCaseRegions: false, zeroPadRtRw: true, excel: false,
            curlyApostrophe: false, idPrefix: "32")
        return count == 2 ? [provinsi, kota] : [nasional, provinsi, kota]
    }
}
