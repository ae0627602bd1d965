import ArgumentParser
import Foundation
import PadanSynth

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate synthetic aid lists of West Java households, with realistic errors and the truth.",
        discussion: """
            Writes one CSV per list (provinsi.csv and kota.csv; with --lists 3 also nasional.csv), each as a \
            different office would export it, plus truth/links.csv, truth/duplicates.csv, truth/entities.csv \
            and synth.json (settings and the realized count of every corruption). The same options give \
            byte-identical files.

            EXAMPLES:
              padan synth --rows 200000 --overlap 0.6 --dupes 0.02 --seed 1 --out corpus
              padan synth --rows 5000 --lists 3 --noise high --out kecil
            """)

    @Option(help: "Rows per list, duplicates included.")
    var rows: Int = 2000

    @Option(help: "Fraction of each list's distinct people who are also on another list.")
    var overlap: Double = 0.5

    @Option(help: "Fraction of each list's rows that register a person already on it again.")
    var dupes: Double = 0.02

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Number of lists: 2 (provinsi, kota) or 3 (nasional, provinsi, kota).")
    var lists: Int = 2

    @Option(help: "Error rates: low (x0.5), medium, high (x2).")
    var noise: NoiseLevel = .medium

    @Option(help: "Fraction of households that move between the dates of the lists.")
    var moveRate: Double = 0.05

    @Option(help: "Fraction of their districts' real population the lists hold (default: people live in every district); 0.36 is DTKS's national coverage, and makes lists as dense as real ones.")
    var coverage: Double?

    @Option(help: "Directory to write the corpus into (created if needed).")
    var out: String

    @Flag(help: "Print synth.json instead of a summary.")
    var json = false

    var settings: SynthSettings {
        SynthSettings(rows: rows, overlap: overlap, dupes: dupes, seed: seed, lists: lists, noise: noise,
                      moveRate: moveRate, coverage: coverage)
    }

    func validate() throws {
        do { try settings.validate() } catch let e as SynthError { throw ValidationError(e.description) }
    }

    func run() throws {
        let start = Date()
        let report: SynthReport
        do {
            report = try Synthesizer.write(settings, to: out)
        } catch let e as SynthError {
            FileHandle.standardError.write(Data("padan: \(e)\n".utf8))
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(start)
        if json {
            print(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/synth.json")), as: UTF8.self),
                  terminator: "")
            return
        }
        print(SynthSummary.text(report, seconds: seconds), terminator: "")
    }
}

extension NoiseLevel: ExpressibleByArgument {}

enum SynthSummary {
    static func text(_ r: SynthReport, seconds: Double) -> String {
        var s = "wrote \(r.lists.count) lists in \(String(format: "%.2f", seconds)) s: \(r.command)\n"
        for l in r.lists {
            s += "  \(l.file): \(l.rows) rows (\(l.distinctPeople) people, \(l.duplicateRows) duplicate rows), "
            s += "\(l.encoding), '\(l.delimiter)', \(l.lineEndings), \(l.scope)\n"
        }
        let p = r.population
        s += "population: \(p.households) households, \(p.persons) people, \(p.movedHouseholds) moved, "
        s += "\(p.twinBirths) twin births, \(p.placeholderBirthDates) placeholder birth dates, "
        s += "\(p.sharedBirthDayAndDistrict) sharing birth day and NIK district\n"
        s += "truth: \(r.links) cross-list links, \(r.duplicatePairs) within-list duplicate pairs\n"
        s += "corruptions (rows hit / rows eligible = realized rate; asked):\n"
        let width = r.corruptions.map(\.name.count).max() ?? 10
        for c in r.corruptions {
            let name = c.name + String(repeating: " ", count: width - c.name.count)
            s += "  \(name)  \(String(format: "%8d / %8d = %6.2f%%; %6.2f%%", c.applied, c.eligible, c.realizedRate * 100, c.rate * 100))\n"
        }
        return s
    }
}
