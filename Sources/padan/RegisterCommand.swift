import ArgumentParser
import Foundation
import Padan

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "A register of people that grows list by list (an SQLite file): create, add, info, export, lookup, check.",
        discussion: """
            A register keeps every record added, with its list, file, line and when it was added; a person id for \
            each person that never changes except by a merge or a split it records; the links; the configuration \
            and the model. Adding a list links it to the register's people and to itself; killing an addition at \
            any moment leaves the register as it was.

            EXAMPLES:
              padan register create bansos.padan --from dtks.csv tahap1.xlsx
              padan register add bansos.padan tahap2.csv --out hasil-tahap2
              padan match tahap3.csv --register bansos.padan --out cek-tahap3
              padan register info bansos.padan
              padan register lookup bansos.padan --nik 3271014501900003
            """,
        subcommands: [Create.self, Add.self, Info.self, Export.self, Lookup.self, Check.self, Key.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a register from one or more lists, linked and with a trained model.")

        @Argument(help: "The register file to make (it must not exist).")
        var register: String

        @Option(name: .customLong("from"), parsing: .upToNextOption, help: "The lists to make it from.")
        var files: [String]

        @Option(name: .customLong("name"), help: "Names for the lists, in order (default: file stems; repeatable).")
        var names: [String] = []

        @Option(help: "Worker threads (default: one per processor).")
        var threads: Int?

        @OptionGroup var input: InputOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("register create needs --from with at least one list") }
        }

        func run() throws {
            try reportingErrors {
                let configuration = try input.configuration()
                let text = try input.config.map { path -> String in
                    guard let data = FileManager.default.contents(atPath: path) else { throw PadanError(.usage, file: path, "cannot be read") }
                    return String(decoding: data, as: UTF8.self)
                } ?? ""
                let reference = try input.referenceDate(configuration)
                let tables = try readLists(files, names: names, configuration: configuration, input: input, referenceYear: reference.year)
                let progress = Progress.onTerminal()
                let (reg, change) = try Register.create(at: register, lists: tables, configurationText: text, referenceDate: reference.text,
                                                        threads: threads, progress: progress?.stages)
                progress?.clear()
                let info = try reg.info()
                print("\(register): \(info.records) records of \(info.people) people from \(tables.count) list(s); \(change.links.count) links")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a list: link it to the register's people and to itself, and store it.",
            discussion: "With --out, writes what the addition did: people.csv, links.csv, review.csv, unmatched_<list>.csv (people new to the register), changes.csv, rejected.csv, summary.json.")

        @Argument(help: "The register.")
        var register: String

        @Argument(help: "The list to add.")
        var file: String

        @Option(name: .shortAndLong, help: "Write what the addition did into this directory.")
        var out: String?

        @OptionGroup var options: AdditionOptions

        func run() throws {
            try reportingErrors { try options.run(register: register, file: file, out: out, commit: true) }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What a register holds: its lists, records, people, links and changes.")

        @Argument(help: "The register.")
        var register: String

        @Flag(help: "Print as JSON.")
        var json = false

        func run() throws {
            try reportingErrors {
                let info = try Register.open(at: register, readOnly: true).info()
                if json {
                    print(try jsonText(info))
                    return
                }
                print("register \(info.path) (format \(info.format), Padan \(info.padanVersion))")
                print("  created \(info.created), updated \(info.updated), reference date \(info.referenceDate), configuration: \(info.configuration)")
                print("  \(info.records) records, \(info.people) people (\(info.mergedPeople) merged away), \(info.links) links")
                if !info.changes.isEmpty {
                    print("  changes: " + info.changes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
                }
                for l in info.lists {
                    print("  list \(l.name): \(l.rows) rows (\(l.rejected) rejected) from \(l.file), added \(l.added), sha256 \(l.sha256.prefix(16))")
                }
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write what a register holds as CSV: records.csv (every record with its person id and provenance), links.csv, changes.csv.",
            discussion: "records.csv and links.csv are what padan eval reads: padan eval --truth corpus --links out/links.csv --clusters out/records.csv")

        @Argument(help: "The register.")
        var register: String

        @Option(name: .shortAndLong, help: "The directory to write (created; replaced only with --force).")
        var out: String

        @Flag(help: "Replace the output directory if it exists.")
        var force = false

        func run() throws {
            try reportingErrors { try Register.open(at: register, readOnly: true).export(to: out, force: force) }
        }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Look a person up: the register's records that may be them, with probability and explanation (JSON); or a person id's records.",
            discussion: """
                With any of --nik, --name, --birth-date, --sex, --address, --village, --kk, --birth-place: the candidates, most \
                probable first, scored with the register's model and term frequencies. With --person: that person's records \
                and their provenance. Exit 3 when nothing is found.

                EXAMPLES:
                  padan register lookup bansos.padan --nik 3273014501900003
                  padan register lookup bansos.padan --name "SITI AMINAH" --birth-date 05-01-1990 --village CIBEUNYING
                """)

        @Argument(help: "The register.")
        var register: String

        @Option(help: "A person id: print that person's records.")
        var person: Int64?

        @Option var nik: String?
        @Option var kk: String?
        @Option var name: String?
        @Option var birthDate: String?
        @Option var birthPlace: String?
        @Option var sex: String?
        @Option var address: String?
        @Option var village: String?

        @Option(help: "At most this many candidates.")
        var limit = 10

        var query: PersonQuery {
            var q = PersonQuery()
            (q.nik, q.kk, q.name, q.birthDate, q.birthPlace, q.sex, q.address, q.village) = (nik, kk, name, birthDate, birthPlace, sex, address, village)
            return q
        }

        func validate() throws {
            if (person == nil) == query.fields.isEmpty {
                throw ValidationError("give --person, or the person's fields (--nik, --name, --birth-date, ...)")
            }
        }

        func run() throws {
            try reportingErrors {
                let reg = try Register.open(at: register, readOnly: true)
                if let person {
                    let records = try reg.person(person)
                    print(try jsonText(records))
                    if records.isEmpty { throw ExitCode(3) }
                    return
                }
                let candidates = try RegisterIndex(reg).match(query, limit: limit)
                print(try jsonText(candidates))
                if candidates.isEmpty { throw ExitCode(3) }
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a register's file and its invariants; exit 0 only when sound.")

        @Argument(help: "The register.")
        var register: String

        func run() throws {
            try reportingErrors {
                let problems = try Register.open(at: register, readOnly: true).integrityProblems()
                if problems.isEmpty {
                    print("\(register): ok")
                } else {
                    throw PadanError(.badInput, file: register, "damaged: " + problems.joined(separator: "; "))
                }
            }
        }
    }
}

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Link a list against a register without changing it.",
        discussion: "Writes people.csv (each record's person id, known or not), links.csv, review.csv, unmatched_<list>.csv (people the register does not know), changes.csv (what an addition would merge), rejected.csv and summary.json.")

    @Argument(help: "The list to check.")
    var file: String

    @Option(help: "The register.")
    var register: String

    @Option(name: .shortAndLong, help: "Output directory.")
    var out: String

    @OptionGroup var options: AdditionOptions

    func run() throws {
        try reportingErrors { try options.run(register: register, file: file, out: out, commit: false) }
    }
}

/// The options `register add` and `match` share.
struct AdditionOptions: ParsableArguments {
    @Flag(help: "Replace the output directory if it exists.")
    var force = false

    @Option(help: "A name for the list (default: the file stem).")
    var name: String?

    @Option(help: "Worker threads (default: one per processor).")
    var threads: Int?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Flag(help: "Also print the time of each step.")
    var verbose = false

    @Option(help: ArgumentHelp("Language of hasil.xlsx and review.xlsx: id or en (default: id).", valueName: "LANG"))
    var lang = "id"

    @OptionGroup var input: InputOptions

    func run(register: String, file: String, out: String?, commit: Bool) throws {
        guard let language = OutputLanguage(code: lang) else { throw ValidationError("--lang takes id or en, got '\(lang)'") }
        try registerLink(register: register, file: file, name: name, out: out, force: force, threads: threads,
                         json: json, verbose: verbose, language: language, input: input, commit: commit)
    }
}

/// `register add` and `match`: read the list as the register reads, link, write the outputs.
private func registerLink(register: String, file: String, name: String?, out: String?, force: Bool, threads: Int?,
                          json: Bool, verbose: Bool, language: OutputLanguage, input: InputOptions, commit: Bool) throws {
    if let out { try LinkOutput.checkDestination(out, force: force) }
    let reg = try Register.open(at: register, readOnly: !commit)
    if let threads { reg.threadCount = threads }
    let configuration = try input.configuration(register: reg)
    let tables = try readLists([file], names: name.map { [$0] } ?? [], configuration: configuration, input: input,
                               referenceYear: reg.settings.referenceYear)
    let progress = Progress.onTerminal()
    reg.progress = progress?.stages
    let change = commit ? try reg.add(tables[0]) : try reg.match(tables[0])
    progress?.clear()
    let summary = try out.map { try RegisterOutput.write(change, register: register, to: $0, force: force, settings: reg.settings, language: language) }
        ?? RegisterOutput.summary(change, register: register)
    if json {
        print(try jsonText(summary))
    } else {
        let verb = commit ? "added" : "matched"
        if verbose {
            for t in change.timings {
                print("  " + t.stage.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%8.3f s", t.seconds))
            }
        }
        print("\(file): \(summary.recordsRead) records \(verb): \(summary.knownPeopleRecords) of people the register knows, \(summary.newPeopleRecords) of \(summary.newPeople) new people; \(summary.links) links, \(summary.review) to review, \(summary.merges.count) merges, \(summary.splits.count) splits\(summary.retrained ? " (model trained again)" : "")")
    }
}

/// Reads `files` with the configuration's options, printing what each read noticed.
private func readLists(_ files: [String], names: [String], configuration: Configuration, input: InputOptions,
                       referenceYear: Int) throws -> [Table] {
    if !names.isEmpty && names.count != files.count {
        throw PadanError(.usage, "--name was given \(names.count) times for \(files.count) lists")
    }
    let options = try files.indices.map { i in
        var options = try input.readOptions(configuration, file: files[i], index: i, count: files.count)
        options.name = names.isEmpty ? nil : names[i]
        options.referenceYear = referenceYear
        return options
    }
    let paths = files.map { InputOptions.split($0).path }
    let tables = try TableReader.read(paths: paths, threads: 0) { options[$0] }
    for table in tables { FileHandle.standardError.write(Data(table.readDescription.utf8)) }
    return tables
}

private func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

extension RegisterCommand {
    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The API keys of padan serve: add (prints the key once), revoke, list.",
            subcommands: [AddKey.self, RevokeKey.self, ListKeys.self])

        struct AddKey: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Make a key; it is printed once and stored only as its SHA-256.")
            @Argument(help: "The register.") var register: String
            @Argument(help: "A name for the key (who or what uses it).") var name: String
            func run() throws {
                try reportingErrors { print(try Register.open(at: register).addKey(name: name)) }
            }
        }

        struct RevokeKey: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a key (a running server stops taking it within a second).")
            @Argument(help: "The register.") var register: String
            @Argument(help: "The key's name.") var name: String
            func run() throws {
                try reportingErrors { try Register.open(at: register).revokeKey(name: name) }
            }
        }

        struct ListKeys: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The keys, with when each was made and revoked.")
            @Argument(help: "The register.") var register: String
            func run() throws {
                try reportingErrors {
                    for k in try Register.open(at: register, readOnly: true).keys() {
                        print("\(k.name)\tcreated \(k.created)\(k.revoked.map { "\trevoked \($0)" } ?? "")")
                    }
                }
            }
        }
    }
}
