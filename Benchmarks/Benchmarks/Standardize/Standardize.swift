import Benchmark
import Foundation
import Padan

/// Standardizing 200,000 records of every role (NIK, KK, name, birth date and place, sex, address,
/// RT, RW, village, district, regency), with one thread and with all cores.
nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    // No resident-memory metric: it is sampled by a thread of its own, which on a 2-core machine
    // takes the second core away from the run being measured.
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(20), maxIterations: 10)

    let path = FileManager.default.temporaryDirectory.appendingPathComponent("padan-bench-standardize-200k.csv").path
    nonisolated(unsafe) var table: Table?
    let setup: @Sendable () async throws -> Void = {
        if !FileManager.default.fileExists(atPath: path) { try StandardizeCorpus.write(rows: 200_000, to: path) }
        if table == nil { table = try TableReader.read(path: path) }
    }
    for threads in [1, 0] {
        Benchmark("standardize 200k records, \(threads == 1 ? "1 thread" : "all cores")",
                  configuration: .init(scalingFactor: .one, setup: setup)) { benchmark in
            guard let table else { fatalError("setup did not read the table") }
            benchmark.startMeasurement()
            let standardized = StandardizedTable(table: table, referenceYear: 2025, threads: threads)
            benchmark.stopMeasurement()
            precondition(standardized.count == 200_000)
            blackHole(standardized)
        }
    }
}

/// A deterministic export in the shapes offices send: titles and degrees, old spellings, RT/RW in
/// several forms, Excel-damaged NIKs, dates in many formats.
enum StandardizeCorpus {
    static func write(rows: Int, to path: String) throws {
        let titles = ["", "", "", "H. ", "HJ. ", "DRS. ", "Ir. "]
        let degrees = ["", "", "", ", S.PD", " S.E.", ", A.Md", " M.Kes"]
        let first = ["SITI", "NUR", "SRI", "MUHAMMAD", "M.", "MOCH.", "AHMAD", "ACHMAD", "DEWI", "AGUS", "BUDI", "SOEKARNO",
                     "DJOKO", "TJAHJO", "JUSUF", "RINA", "YULI", "ASEP", "DEDE", "ABD."]
        let last = ["AMINAH", "RAHAYU", "HIDAYAT", "SETIAWAN", "KURNIASIH", "SAPUTRA", "LESTARI", "NURHAYATI", "SUHENDAR",
                    "WAHJUDI", "SOEHARTO", "RACHMAN"]
        let streets = ["JL.", "JLN", "JALAN", "GG.", "GANG", "KP.", "PERUM", "KOMP."]
        let rtForms = ["RT 002 RW 005", "RT.2/RW.5", "RT02/05", "RT 2 / RW 5", "RT/RW 002/005", ""]
        let villages = ["KEL. CIBEUNYING", "SUKAJADI", "DESA CICADAS", "PASIRKALIKI", "MALEER", "BRAGA", "KEBON JERUK"]
        let months = ["Januari", "AGS", "Agt", "Aug", "Desember", "Mei", "Okt"]
        var out = "NO,NIK,NO_KK,NAMA LENGKAP,TEMPAT LAHIR,TGL_LAHIR,JK,ALAMAT,RT,RW,DESA/KELURAHAN,KECAMATAN,KAB/KOTA\n"
        out.reserveCapacity(rows * 190)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func pick(_ list: [String]) -> String { list[next() % list.count] }
        for i in 1 ... rows {
            let day = next() % 28 + 1, month = next() % 12 + 1, year = 1940 + next() % 65
            let female = next() % 2 == 0
            var nik = String(format: "3273%02d%02d%02d%02d%04d", next() % 30 + 1, day + (female ? 40 : 0), month, year % 100, next() % 9999 + 1)
            switch next() % 20 {
            case 0: nik = "'" + nik
            case 1: nik = String(nik.prefix(1)) + "." + String(nik.dropFirst().prefix(5)) + "E+15"
            case 2: nik = String(nik.prefix(15)) + "0"
            default: break
            }
            let kk = String(format: "3273%02d%010d", next() % 30 + 1, next() % 1_000_000_000)
            let name = "\(pick(titles))\(pick(first)) \(pick(last))\(pick(degrees))"
            let date: String
            switch next() % 5 {
            case 0: date = String(format: "%04d-%02d-%02d", year, month, day)
            case 1: date = "\(day) \(pick(months)) \(year)"
            case 2: date = String(format: "%02d/%02d/%02d", day, month, year % 100)
            default: date = String(format: "%02d-%02d-%04d", day, month, year)
            }
            let address = "\"\(pick(streets)) \(pick(last)) NO. \(next() % 200 + 1), \(pick(rtForms))\""
            out += "\(i),\(nik),\(kk),\"\(name)\",KOTA BANDUNG,\(date),\(female ? "P" : "LAKI-LAKI"),\(address),,,\(pick(villages)),KEC. COBLONG,KOTA BANDUNG\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
