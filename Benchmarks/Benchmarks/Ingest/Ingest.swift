import Benchmark
import Foundation
import Padan

/// Reading a 200,000-row, 13-column agency export (about 30 MB of CSV, or the same list as an
/// .xlsx workbook) into the columnar table.
nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 10)

    let path = FileManager.default.temporaryDirectory.appendingPathComponent("padan-bench-ingest-200k.csv").path
    Benchmark("read 200k x 13 CSV", configuration: .init(scalingFactor: .one, setup: {
        if !FileManager.default.fileExists(atPath: path) { try IngestCorpus.write(rows: 200_000, to: path) }
    })) { benchmark in
        benchmark.startMeasurement()
        let table = try TableReader.read(path: path)
        benchmark.stopMeasurement()
        precondition(table.rowCount == 200_000)
        blackHole(table)
    }

    // The same list as an .xlsx workbook, as Excel stores one (shared strings, the number column as
    // numbers): a 13-column, 200,000-row sheet of about 120 MB of XML. Setup checks that it reads
    // to exactly the CSV's table.
    let workbook = FileManager.default.temporaryDirectory.appendingPathComponent("padan-bench-ingest-200k.xlsx").path
    Benchmark("read 200k x 13 xlsx", configuration: .init(scalingFactor: .one, setup: {
        if !FileManager.default.fileExists(atPath: path) { try IngestCorpus.write(rows: 200_000, to: path) }
        if !FileManager.default.fileExists(atPath: workbook) { try IngestWorkbook.write(rows: 200_000, to: workbook) }
        let a = try TableReader.read(path: workbook), b = try TableReader.read(path: path)
        precondition(a.columnNames == b.columnNames && a.columns == b.columns, "the workbook does not read as its CSV")
    })) { benchmark in
        benchmark.startMeasurement()
        let table = try TableReader.read(path: workbook)
        benchmark.stopMeasurement()
        precondition(table.rowCount == 200_000)
        blackHole(table)
    }
}

/// A deterministic 13-column export in the shape offices send (quoted addresses, Indonesian headers).
enum IngestCorpus {
    static let header = ["NO", "NIK", "NO_KK", "NAMA LENGKAP", "TEMPAT LAHIR", "TGL_LAHIR", "JK", "ALAMAT", "RT", "RW",
                         "DESA/KELURAHAN", "KECAMATAN", "KAB/KOTA"]

    /// The data rows, field by field.
    static func rows(_ count: Int) -> [[String]] {
        let first = ["SITI", "NUR", "SRI", "MUHAMMAD", "AHMAD", "DEWI", "AGUS", "BUDI", "RINA", "YULI", "ASEP", "DEDE"]
        let last = ["AMINAH", "RAHAYU", "HIDAYAT", "SETIAWAN", "KURNIASIH", "SAPUTRA", "LESTARI", "NURHAYATI", "SUHENDAR"]
        let villages = ["CIBEUNYING", "SUKAJADI", "CICADAS", "PASIRKALIKI", "MALEER", "BRAGA", "KEBON JERUK"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var rows: [[String]] = []
        rows.reserveCapacity(count)
        for i in 1 ... count {
            let day = next() % 28 + 1, month = next() % 12 + 1, year = 1940 + next() % 65
            let female = next() % 2 == 0
            let nik = String(format: "3273%02d%02d%02d%02d%04d", next() % 30 + 1, day + (female ? 40 : 0), month, year % 100, next() % 9999 + 1)
            let kk = String(format: "3273%02d%010d", next() % 30 + 1, next() % 1_000_000_000)
            let name = "\(first[next() % first.count]) \(last[next() % last.count])"
            let date = String(format: "%02d-%02d-%04d", day, month, year)
            let address = "JL. \(last[next() % last.count]) NO. \(next() % 200 + 1), RT \(next() % 15 + 1)/RW \(next() % 9 + 1)"
            rows.append([String(i), nik, kk, name, "BANDUNG", date, female ? "P" : "L", address, String(next() % 15 + 1),
                         String(next() % 9 + 1), villages[next() % villages.count], "COBLONG", "KOTA BANDUNG"])
        }
        return rows
    }

    static func write(rows count: Int, to path: String) throws {
        var out = header.joined(separator: ",") + "\n"
        for row in rows(count) {
            out += row.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
