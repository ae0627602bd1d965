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

    // Each stage's milliseconds beside the whole run's time, so that a regression shows where it
    // is: the engine's own stage clock (the training's steps summed into "train"), and reading
    // and writing timed here.
    let stages = ["read", "standardize", "pack", "block", "compare", "train", "score", "write"]
    func stageMetric(_ stage: String) -> BenchmarkMetric { .custom("\(stage) (ms)", polarity: .prefersSmaller, useScalingFactor: false) }
    Benchmark("link 200k x 200k (read, link, write)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident] + stages.map(stageMetric), setup: setup)) { benchmark in
        benchmark.startMeasurement()
        let clock = ContinuousClock()
        let start = clock.now
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: corpus + "/" + $0) }
        let read = clock.now
        let result = try Linker().link(tables)
        let linked = clock.now
        try LinkOutput.write(result, settings: .indonesianDefault, to: out, force: true)
        let written = clock.now
        benchmark.stopMeasurement()
        func milliseconds(_ d: Duration) -> Int { Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000) }
        for stage in stages {
            let ms: Int
            switch stage {
            case "read": ms = milliseconds(read - start)
            case "write": ms = milliseconds(written - linked)
            default: ms = Int((result.timings.filter { $0.stage.hasPrefix(stage) }.reduce(0) { $0 + $1.seconds } * 1000).rounded())
            }
            benchmark.measurement(stageMetric(stage), ms)
        }
        blackHole(result.links.count)
    }

    Benchmark("standardize 2 x 200k", configuration: .init(setup: setup)) { benchmark in
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: corpus + "/" + $0) }
        benchmark.startMeasurement()
        for t in tables { blackHole(StandardizedTable(table: t)) }
        benchmark.stopMeasurement()
    }
}
