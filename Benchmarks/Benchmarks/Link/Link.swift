import Benchmark
import Foundation
import Padan
import PadanSynth

/// The whole engine on `padan synth --rows 200000 --overlap 0.6 --seed 1`: reading both lists,
/// linking them and writing the results, as `padan link` does. The corpus is generated once into
/// the temporary directory in setup.
nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)

    let corpus = FileManager.default.temporaryDirectory.appendingPathComponent("padan-bench-link-200k").path
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("padan-bench-link-200k-out").path
    let setup: @Sendable () async throws -> Void = {
        if !FileManager.default.fileExists(atPath: corpus + "/truth/links.csv") {
            _ = try Synthesizer.write(SynthSettings(rows: 200_000, overlap: 0.6, dupes: 0.02, seed: 1), to: corpus)
        }
    }

    Benchmark("link 200k x 200k (read, link, write)", configuration: .init(setup: setup)) { benchmark in
        benchmark.startMeasurement()
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: corpus + "/" + $0) }
        let result = try Linker().link(tables)
        try LinkOutput.write(result, settings: .indonesianDefault, to: out, force: true)
        benchmark.stopMeasurement()
        blackHole(result.links.count)
    }

    Benchmark("standardize 2 x 200k", configuration: .init(setup: setup)) { benchmark in
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: corpus + "/" + $0) }
        benchmark.startMeasurement()
        for t in tables { blackHole(StandardizedTable(table: t)) }
        benchmark.stopMeasurement()
    }
}
