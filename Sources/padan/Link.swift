import ArgumentParser
import Foundation
import Padan

struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Link two or more lists: find the records that are the same person.",
        discussion: """
            Writes links.csv, review.csv, unmatched_left.csv and unmatched_right.csv (or unmatched_<list>.csv \
            for more than two lists), rejected.csv, model.json and summary.json into --out, all at once, and \
            prints the summary.
            """)

    @Argument(help: "Two or more lists (CSV/TSV or .xlsx).")
    var files: [String]

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var input: InputOptions

    @Flag(help: "Also find duplicates within each list (link and deduplicate).")
    var dedupe = false

    func validate() throws {
        if files.count < 2 { throw ValidationError("link needs at least two lists (use 'padan dedupe' for one)") }
    }

    func run() throws {
        try reportingErrors {
            try LinkRun(files: files, scope: dedupe ? .linkAndDedupe : .link, run: runOptions, input: input).execute()
        }
    }
}

/// Options of every command that runs the engine.
struct RunOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output directory (created; replaced only with --force).")
    var out: String

    @Flag(help: "Replace the output directory if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Use this model (a model.json from an earlier run) instead of training one.", valueName: "FILE"))
    var model: String?

    @Option(help: "Worker threads (default: one per processor). The output is the same for any number.")
    var threads: Int?

    @Option(help: "Match probability at or above which a pair is a link (default 0.5).")
    var threshold: Double?

    @Option(help: "Match probability at or above which a pair below the threshold goes to review.csv (default 0.2).")
    var reviewThreshold: Double?

    @Option(name: .customLong("name"), help: "Names for the lists in outputs, in order (default: file stems; repeatable).")
    var names: [String] = []

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(help: "Each record in at most one link to each other list (strongest first); displaced links go to review.csv.")
    var oneToOne = false

    @Flag(help: "Write NIK and KK as keyed pseudonyms, with the key from the environment variable PADAN_PSEUDONYM_KEY.")
    var pseudonymize = false

    @Option(help: ArgumentHelp("Write NIK and KK as keyed pseudonyms, with the key from FILE (at least 16 bytes).", valueName: "FILE"))
    var pseudonymKeyFile: String?

    @Flag(help: "Also write every candidate pair with its probability to pairs.csv (to judge blocking with padan eval --pairs).")
    var pairs = false

    func validate() throws {
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
        for (flag, v) in [("--threshold", threshold), ("--review-threshold", reviewThreshold)] {
            if let v, !(0 ... 1).contains(v) { throw ValidationError("\(flag) must be between 0 and 1") }
        }
    }
}

/// One engine run from the command line: read, link, write, print.
struct LinkRun {
    let files: [String]
    let scope: Linker.Scope
    let run: RunOptions
    let input: InputOptions

    func execute() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        Interruption.removeTemporaryOutputsOnSignal()
        try LinkOutput.checkDestination(run.out, force: run.force)
        let pseudonymizer: Pseudonymizer?
        if let file = run.pseudonymKeyFile {
            pseudonymizer = try Pseudonymizer.keyFile(file)
        } else if run.pseudonymize {
            pseudonymizer = try Pseudonymizer.environment()
        } else {
            pseudonymizer = nil
        }
        let configuration = try input.configuration()
        var settings = configuration.link
        if let t = run.threads { settings.threads = t }
        if let t = run.threshold { settings.threshold = t }
        if let t = run.reviewThreshold { settings.reviewThreshold = t }
        settings.keepCandidatePairs = run.pairs
        if run.oneToOne { settings.oneToOne = true }
        // The library's own checks, before the lists are read.
        try settings.validate()
        if !run.names.isEmpty && run.names.count != files.count {
            throw PadanError(.usage, "--name was given \(run.names.count) times for \(files.count) lists")
        }
        let model = try run.model.map { try MatchModel.load(path: $0) }
        let progress = Progress.onTerminal()
        progress?("read \(files.count) lists")
        let options = try files.indices.map { i in
            var options = try input.readOptions(configuration, file: files[i], index: i, count: files.count)
            options.name = run.names.isEmpty ? nil : run.names[i]
            options.referenceYear = settings.referenceYear
            return options
        }
        let paths = files.map { InputOptions.split($0).path }
        let tables = try TableReader.read(paths: paths, threads: settings.threads, progress: Progress.reading(progress)) { options[$0] }
        for table in tables { FileHandle.standardError.write(Data(table.readDescription.utf8)) }
        let read = StageTiming(stage: "read", seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        var stageProgress: (@Sendable (String) -> Void)?
        if let progress { stageProgress = { stage in progress(stage) } }
        let result = try Linker(settings: settings, progress: stageProgress).link(tables, scope: scope, model: model)
        progress?("write")
        let clusters = Clusters(result: result, maxSize: settings.maxClusterSize)
        let summary = try LinkOutput.write(result, settings: settings, to: run.out, force: run.force,
                                           clusters: clusters, pseudonymizer: pseudonymizer, extraStages: [read])
        progress?(nil)
        if run.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            print(summary.text, terminator: "")
        }
    }
}

/// A one-line progress display on stderr, only when stderr is a terminal (quiet in pipes and CI).
enum Progress {
    /// Reports a large workbook's reading (bytes of its sheet) on the progress line.
    static func reading(_ line: (@Sendable (String?) -> Void)?) -> (@Sendable (ReadProgress) -> Void)? {
        guard let line else { return nil }
        return { p in
            let name = p.file.split(separator: "/").last.map(String.init) ?? p.file
            let percent = p.totalBytes > 0 ? p.bytesRead * 100 / p.totalBytes : 0
            line("read \(name): \(p.bytesRead >> 20) of \(p.totalBytes >> 20) MB of sheet XML (\(percent)%)")
        }
    }

    static func onTerminal() -> (@Sendable (String?) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        return { stage in
            let line = stage.map { "padan: \($0)..." } ?? ""
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        }
    }
}
