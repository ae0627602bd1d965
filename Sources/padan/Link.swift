import ArgumentParser
import Foundation
import Padan

struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Link two or more lists: find the records that are the same person, across the lists and within each.",
        discussion: """
            Writes into --out, all at once (a run that fails leaves nothing there):
              hasil.xlsx             the results workbook: summary, people in both lists, registered twice,
                                     only in each list, pairs to check (in Indonesian; --lang en for English)
              links.csv              linked pairs with both records' key fields, ordered by list and row
              clusters.csv           every record with its person (cluster) id
              review.csv, review.xlsx  the pairs for an officer to check; apply them with padan apply-review
              unmatched_<list>.csv   each list's records in no link, with all their columns
              rejected.csv           rows that could not be read, with file, line and reason
              model.json             the trained model (reuse it with --model)
              summary.json           the counts, the audit trail (command line, settings, SHA-256 of each
                                     input, reference date) and the result's fingerprint
            and prints the headline: people in both lists, registered more than once, only in one list.

            EXAMPLES:
              padan link provinsi.xlsx kota.csv --out hasil
              padan link provinsi.xlsx kota.xlsx:Penerima --out hasil --lang en --csv-dialect excel
              padan link a.csv b.csv c.csv --out hasil --no-dedupe --threshold 0.8
            """)

    @Argument(help: "Two or more lists (CSV/TSV, .xlsx, .ods or an HTML table saved as .xls).")
    var files: [String]

    @OptionGroup var runOptions: RunOptions
    @OptionGroup var input: InputOptions

    @Flag(inversion: .prefixedNo, help: "Also find people registered more than once within each list (--no-dedupe: only across lists).")
    var dedupe = true

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

    @Option(help: ArgumentHelp("Language of hasil.xlsx, the review sheet and the printed summary: id or en (default: id).", valueName: "LANG"))
    var lang = "id"

    @Option(help: ArgumentHelp("CSV files for tools (rfc4180: UTF-8, comma) or for Indonesian Excel (excel: UTF-8 with BOM, ';', decimal comma, NIK as text) (default: rfc4180).", valueName: "DIALECT"))
    var csvDialect = "rfc4180"

    @Flag(help: "Also print the time of each stage.")
    var verbose = false

    var language: OutputLanguage { OutputLanguage(code: lang) ?? .indonesian }
    var dialect: CSVDialect { CSVDialect(rawValue: csvDialect.lowercased()) ?? .standard }

    func validate() throws {
        if OutputLanguage(code: lang) == nil { throw ValidationError("--lang takes id or en, got '\(lang)'") }
        if CSVDialect(rawValue: csvDialect.lowercased()) == nil {
            throw ValidationError("--csv-dialect takes rfc4180 or excel, got '\(csvDialect)'")
        }
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
    var run: RunOptions
    let input: InputOptions
    /// Set by apply-review: the decisions to apply after the engine has run again.
    var review: ReviewDecisions?
    var revision = 1
    var fingerprint: String?
    var extraFiles: [(String, [UInt8])] = []
    var commandLine = CommandLine.arguments

    @discardableResult
    func execute() throws -> LinkSummary {
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
        let reference = try input.referenceDate(configuration)
        settings.referenceYear = reference.year
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
        let progress = Progress.onTerminal(language: run.language)
        progress?.startReading(files.count)
        let options = try files.indices.map { i in
            var options = try input.readOptions(configuration, file: files[i], index: i, count: files.count)
            options.name = run.names.isEmpty ? nil : run.names[i]
            options.referenceYear = settings.referenceYear
            return options
        }
        let paths = files.map { InputOptions.split($0).path }
        warnAboutRepeatedFiles(paths)
        let tables = try TableReader.read(paths: paths, threads: settings.threads, progress: progress?.reading) { options[$0] }
        progress?.clear()
        for table in tables { FileHandle.standardError.write(Data(table.readDescription.utf8)) }
        let read = StageTiming(stage: "read", seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        var result = try Linker(settings: settings, progress: progress?.stages).link(tables, scope: scope, model: model)
        var outputOptions = LinkOutput.Options(language: run.language, csvDialect: run.dialect, pseudonymizer: pseudonymizer,
                                         run: try RunRecord(commandLine: commandLine, configurationFile: input.config,
                                                            settings: settings, referenceDate: reference.text))
        if let review {
            // The engine's result again: the sheet must have been made from it.
            let again = try LinkOutput.fingerprint(result)
            guard again == fingerprint else {
                throw PadanError(.badInput, file: run.out, "running the engine again did not reproduce this result (fingerprint \(again), recorded \(fingerprint ?? "none")): the inputs, the configuration or Padan's version changed")
            }
            result = try review.apply(to: result)
            outputOptions.revision = revision
            outputOptions.decisionsApplied = review.decisions.count
        }
        outputOptions.fingerprint = fingerprint
        outputOptions.extraFiles = extraFiles
        progress?.show("write")
        outputOptions.progress = progress?.stages
        // The clusters timed here as the writer would time them, so that they can be kept (below).
        let clustering = DispatchTime.now().uptimeNanoseconds
        let clusters = Clusters(result: result, maxSize: settings.maxClusterSize)
        let clustered = StageTiming(stage: "clusters", seconds: Double(DispatchTime.now().uptimeNanoseconds - clustering) / 1e9)
        let summary = try LinkOutput.write(result, settings: settings, to: run.out, force: run.force, clusters: clusters,
                                           options: outputOptions, extraStages: [read, clustered])
        KeptUntilExit.keep(result, clusters)
        progress?.clear()
        if run.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            print(summary.text(verbose: run.verbose), terminator: "")
        }
        return summary
    }

    /// Warns when a file is given twice (by another path or as a copy): linking a list with
    /// itself finds every record twice and is seldom meant.
    private func warnAboutRepeatedFiles(_ paths: [String]) {
        var earlier: [(path: String, real: String, size: Int)] = []
        for path in paths {
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let size = (try? FileManager.default.attributesOfItem(atPath: real)[.size] as? Int) ?? -1
            if let same = earlier.first(where: { $0.real == real || ($0.size == size && FileManager.default.contentsEqual(atPath: $0.real, andPath: real)) }) {
                FileHandle.standardError.write(Data("padan: warning: \(path) is the same file as \(same.path) (the same bytes): the list is linked with itself\n".utf8))
            }
            earlier.append((path, real, size))
        }
    }
}

