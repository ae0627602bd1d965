import Foundation
@testable import Padan

/// Values in the shapes real exports have (titles, old spellings, RT/RW forms, Excel damage,
/// many date forms), drawn with a fixed seed, for property and determinism tests.
enum MessyRecords {
    static let titles = ["H.", "HJ.", "Hj", "KH.", "DRS.", "Dra.", "DR.", "IR.", "PROF.", "NY.", ""]
    static let degrees = [", S.PD", " S.Pd.I", ", SE", " S.H., M.H.", ", A.Md", " M.Kes", " S.T", ""]
    static let given = ["SITI", "MUHAMMAD", "M.", "MOCH.", "ABD.", "SOEKARNO", "DJOKO", "TJAHJO", "JUSUF", "DEWI",
                        "Ma'ruf", "José", "NJOMAN", "ACHMAD", "R.", "AGUS", "SRI", "NUR", "BIN", "BINTI", "H"]
    static let family = ["AMINAH", "RIZKI", "RAHMAN", "HIDAYAT", "LESTARI", "SUSANTO", "WIDODO", "SIREGAR", "LUBIS"]
    static let streets = ["JL.", "JLN", "Jalan", "GG.", "GANG", "KP.", "KMP", "PERUM", "KOMP.", "BLOK", "DUSUN", ""]
    static let rtForms = ["RT 002 RW 005", "RT.2/RW.5", "RT02/05", "RT 2 / RW 5", "RT/RW 002/005", "rt 3", "RW 04", ""]
    static let places = ["KEL. SUKAJADI", "DESA SUKAMAJU", "KEC. COBLONG", "KAB. BANDUNG", "KOTA BANDUNG", "KOTAMADYA BOGOR", "CIAMIS", ""]
    static let sexes = ["L", "P", "LAKI-LAKI", "PEREMPUAN", "1", "2", "M", "F", "", "X"]

    static func pick<G: RandomNumberGenerator>(_ list: [String], _ g: inout G) -> String { list[Int(g.next() % UInt64(list.count))] }

    static func name<G: RandomNumberGenerator>(_ g: inout G) -> String {
        var parts = [pick(titles, &g)]
        for _ in 0 ..< Int(g.next() % 4) + 1 { parts.append(pick(given, &g)) }
        parts.append(pick(family, &g))
        return parts.joined(separator: g.next() % 5 == 0 ? "  " : " ") + pick(degrees, &g)
    }

    static func address<G: RandomNumberGenerator>(_ g: inout G) -> String {
        "\(pick(streets, &g)) \(pick(family, &g)) NO. \(g.next() % 300)\(g.next() % 4 == 0 ? "A" : "") \(pick(rtForms, &g)), \(pick(places, &g))"
    }

    static func nik<G: RandomNumberGenerator>(_ g: inout G) -> String {
        let day = Int(g.next() % 31) + 1 + (g.next() % 2 == 0 ? 40 : 0)
        let digits = "32\(10 + g.next() % 80)\(10 + g.next() % 89)\(day < 10 ? "0" : "")\(day)\(String(format: "%02d", Int(g.next() % 12) + 1))\(String(format: "%02d", Int(g.next() % 100)))\(String(format: "%04d", Int(g.next() % 10000)))"
        switch g.next() % 10 {
        case 0: return "'" + digits
        case 1: return String(digits.prefix(1)) + "." + String(digits.dropFirst().prefix(5)) + "E+15"
        case 2: return String(digits.prefix(15)) + "0"
        case 3: return String(digits.prefix(14))
        case 4: return ""
        default: return digits
        }
    }

    static func date<G: RandomNumberGenerator>(_ g: inout G) -> String {
        let d = Int(g.next() % 31) + 1, m = Int(g.next() % 12) + 1, y = 1930 + Int(g.next() % 95)
        let months = ["Januari", "AGS", "Agt", "Aug", "Desember", "Mei", "Okt"]
        switch g.next() % 8 {
        case 0: return String(format: "%04d-%02d-%02d", y, m, d)
        case 1: return String(format: "%02d/%02d/%04d", d, m, y)
        case 2: return String(format: "%02d-%02d-%02d", d, m, y % 100)
        case 3: return "\(d) \(pick(months, &g)) \(y)"
        case 4: return String(20000 + g.next() % 25000)
        case 5: return String(format: "%02d.%02d.%04d", d, m, y)
        case 6: return ""
        default: return String(format: "%02d%02d%04d", d, m, y)
        }
    }

    static func table(rows: Int, seed: UInt64) -> Table {
        var g = SplitMix64(seed: seed)
        var columns: [Role: [String]] = [:]
        for _ in 0 ..< rows {
            columns[.nik, default: []].append(nik(&g))
            columns[.kk, default: []].append(nik(&g))
            columns[.name, default: []].append(name(&g))
            columns[.birthDate, default: []].append(date(&g))
            columns[.birthPlace, default: []].append(pick(places, &g))
            columns[.sex, default: []].append(pick(sexes, &g))
            columns[.address, default: []].append(address(&g))
            columns[.rt, default: []].append(g.next() % 3 == 0 ? String(format: "%03d", Int(g.next() % 20)) : "")
            columns[.rw, default: []].append(g.next() % 3 == 0 ? String(g.next() % 9) : "")
            columns[.village, default: []].append(pick(places, &g))
            columns[.district, default: []].append(pick(places, &g))
            columns[.regency, default: []].append(pick(places, &g))
        }
        return StandardizeTest.table(columns)
    }
}
