import Foundation
import Testing
import Padan
@testable import PadanSynth

private func temporaryDirectory(_ name: String) -> String {
    let dir = NSTemporaryDirectory() + "padan-synth-tests-\(ProcessInfo.processInfo.processIdentifier)/\(name)"
    try? FileManager.default.removeItem(atPath: dir)
    return dir
}

private func files(in dir: String) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for name in ["provinsi.csv", "kota.csv", "nasional.csv", "synth.json", "truth/links.csv",
                 "truth/duplicates.csv", "truth/entities.csv"] {
        if let d = FileManager.default.contents(atPath: dir + "/" + name) { out[name] = d }
    }
    return out
}

@Suite struct SynthesizerTests {
    @Test func sameSeedGivesByteIdenticalFiles() throws {
        let settings = SynthSettings(rows: 3000, overlap: 0.4, dupes: 0.03, seed: 42)
        let a = temporaryDirectory("same-a"), b = temporaryDirectory("same-b"), c = temporaryDirectory("other")
        _ = try Synthesizer.write(settings, to: a, command: "x")
        _ = try Synthesizer.write(settings, to: b, command: "x")
        var other = settings
        other.seed = 43
        _ = try Synthesizer.write(other, to: c, command: "x")
        let fa = try files(in: a), fb = try files(in: b), fc = try files(in: c)
        #expect(fa.count == 7 - 1)
        #expect(fa == fb)
        #expect(fa["provinsi.csv"] != fc["provinsi.csv"])
    }

    @Test func corruptionRatesAreWithinToleranceOfWhatWasAsked() throws {
        for noise in [NoiseLevel.medium, .high] {
            let dir = temporaryDirectory("rates-\(noise)")
            let report = try Synthesizer.write(SynthSettings(rows: 5000, dupes: 0.05, seed: 7, lists: 3, noise: noise),
                                               to: dir)
            #expect(report.corruptions.count == Corruption.allCases.count)
            for c in report.corruptions {
                let kind = Corruption(rawValue: c.name)!
                #expect(abs(c.rate - min(1, kind.defaultRate * noise.scale)) < 1e-12)
                guard c.eligible >= 300 else { continue }
                // Four standard errors of a binomial proportion, plus a little slack.
                let tolerance = 4 * (c.rate * (1 - c.rate) / Double(c.eligible)).squareRoot() + 0.002
                #expect(abs(c.realizedRate - c.rate) <= tolerance, "\(c.name): \(c.applied)/\(c.eligible) vs \(c.rate)")
            }
            // The rare but important ones must occur at all in a few thousand rows.
            for name in ["nik_excel_scientific", "nik_transposition", "name_muhammad_variant", "name_old_spelling",
                         "birth_date_day_month_swap", "address_rt_rw_inline"] {
                #expect(report.corruptions.first { $0.name == name }!.applied > 0, "\(name) never applied")
            }
        }
    }

    @Test func noiseLevelsScaleTheDamage() throws {
        var counts: [Int] = []
        for noise in NoiseLevel.allCases {
            let r = try Synthesizer.write(SynthSettings(rows: 3000, seed: 3, noise: noise), to: temporaryDirectory("noise-\(noise)"))
            counts.append(r.corruptions.filter { $0.name.hasPrefix("nik_") }.reduce(0) { $0 + $1.applied })
        }
        #expect(counts[0] < counts[1] && counts[1] < counts[2])
    }

    @Test(arguments: [2, 3])
    func truthRefersToExistingRowsAndListsReadBack(lists: Int) throws {
        let dir = temporaryDirectory("truth-\(lists)")
        let settings = SynthSettings(rows: 2500, overlap: 0.5, dupes: 0.04, seed: 11, lists: lists)
        let report = try Synthesizer.write(settings, to: dir)
        var ids: [String: Set<String>] = [:]
        for list in report.lists {
            let table = try TableReader.read(path: dir + "/" + list.file)
            #expect(table.rowCount == settings.rows)
            #expect(table.rejected.isEmpty)
            // Every role is recognized from the office's own header spelling.
            #expect(Set(table.roles.keys) == Set(Role.allCases).subtracting([.headOfHousehold, .province]), "\(list.name): \(table.roles.keys)")
            let listIDs = Set((0 ..< table.rowCount).map { table.id(row: $0) })
            #expect(listIDs.count == settings.rows, "ids unique within \(list.name)")
            ids[list.name] = listIDs
            switch list.name {
            case "kota":
                #expect(table.format.windows1252Fields > 0, "curly apostrophes must make the encoding matter")
                #expect(table.format.delimiter == ";")
            case "provinsi":
                #expect(table.format.byteOrderMark)
                #expect(table.format.lineEndings == "crlf")
            default:
                #expect(table.format.encoding == "utf-8")
            }
        }
        let truth = try EvaluationTruth.load(directory: dir)
        #expect(truth.records.count == settings.rows * lists)
        for r in truth.records { #expect(ids[r.source]!.contains(r.id)) }
        #expect(truth.linkCount == report.links)
        #expect(truth.duplicateCount == report.duplicatePairs)
        #expect(report.duplicatePairs >= lists * Int(Double(settings.rows) * settings.dupes))
        // Every truth pair joins two records of one entity (load() checks that they exist).
        let perfect = LinkEvaluation(truth: truth, predicted: try Evaluation.readPairs(path: dir + "/truth/links.csv", truth: truth))
        #expect(perfect.crossList.falsePositives == 0 && perfect.crossList.falseNegatives == 0)
        // Overlap: the share of each list's people also on another list is what was asked.
        let distinct = report.lists.map(\.distinctPeople)
        for (i, list) in report.lists.enumerated() {
            let mine = Set(truth.records.indices.filter { truth.records[$0].source == list.name }.map { truth.entity[$0] })
            let others = Set(truth.records.indices.filter { truth.records[$0].source != list.name }.map { truth.entity[$0] })
            #expect(mine.count == distinct[i])
            let shared = Double(mine.intersection(others).count) / Double(mine.count)
            #expect(abs(shared - settings.overlap) < 0.01, "\(list.name): shared \(shared)")
        }
    }

    @Test func niksAndKKsAgreeWithThePeople() throws {
        let c = Corpora.shared
        var pop = PopulationBuilder(corpora: c, reference: Day(2023, 3, 1), moveRate: 0.2, rng: SynthRandom(seed: 5))
        for _ in 0 ..< 3000 { _ = pop.addHousehold(regencyBefore: nil, regencyAfter: nil, moveBefore: nil) }
        let districtCodes = Set(c.districts.map(\.code))
        var seenNIK = Set<UInt64>()
        var sameDayPairs = 0, twins = 0
        var prefixes: [UInt64: Int] = [:]
        for p in pop.persons {
            #expect(seenNIK.insert(p.nik).inserted, "NIKs are unique")
            let district = Int(p.nik / 10_000_000_000)
            #expect(districtCodes.contains(district))
            let ddmmyy = Int(p.nik / 10_000 % 1_000_000)
            let day = ddmmyy / 10_000, month = ddmmyy / 100 % 100, yy = ddmmyy % 100
            #expect(day == p.birth.day + (p.sex == 2 ? 40 : 0))
            #expect(month == p.birth.month && yy == p.birth.year % 100)
            #expect(p.nik % 10_000 >= 1)
            prefixes[p.nik / 10_000, default: 0] += 1
        }
        for (_, n) in prefixes where n > 1 { sameDayPairs += 1 }
        for h in pop.households {
            #expect(districtCodes.contains(Int(h.kk / 10_000_000_000)))
            let members = h.members.map { pop.persons[$0] }
            #expect(members.count >= 1 && members.count <= 8)
            #expect(members[0].role == .head)
            let headAge = members[0].birth.age(at: Day(2023, 3, 1))
            #expect(headAge >= 20 && headAge <= 90)
            for m in members where m.role == .child { #expect(m.birth > members[0].birth) }
            for i in members.indices.dropFirst() where members[i].birth == members[i - 1].birth && members[i].role == .child {
                twins += 1
            }
        }
        #expect(twins > 0, "some twins")
        #expect(sameDayPairs > twins, "people born the same day in the same district, beyond twins")
        #expect(pop.stats.placeholderBirthDates > 0)
        let placeholders = pop.persons.filter(\.placeholderDate)
        #expect(placeholders.allSatisfy { ($0.birth.month, $0.birth.day) == (1, 1) || ($0.birth.month, $0.birth.day) == (7, 1) || ($0.birth.month, $0.birth.day) == (12, 31) })
    }

    @Test func namesHaveTheSkewOfIndonesianNames() throws {
        let c = Corpora.shared
        var rng = SynthRandom(seed: 9)
        var first: [String: Int] = [:]
        var oneWord = 0
        let n = 20000
        for i in 0 ..< n {
            let sex: UInt8 = i % 2 == 0 ? 1 : 2
            let name = Names.make(sex: sex, birthYear: 1950 + i % 60, &rng, c)
            if Names.count(name) == 1 { oneWord += 1 }
            first[String(decoding: c.tokens[Int(name[0])], as: UTF8.self), default: 0] += 1
        }
        let top = first.sorted { $0.value > $1.value }.prefix(12).map(\.key)
        for expected in ["SITI", "MUHAMMAD"] { #expect(top.contains(expected), "\(expected) among \(top)") }
        #expect(Double(oneWord) / Double(n) > 0.15 && Double(oneWord) / Double(n) < 0.45)
    }

    @Test func embeddedCorporaMatchTheFilesUnderCorpora() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpora")
        for (path, text) in EmbeddedCorpora.all {
            let file = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(file.trimmingCharacters(in: .newlines) == text, "\(path) changed: run python3 scripts/embed-corpora.py")
        }
    }

    @Test func regionsAreConsistent() {
        let c = Corpora.shared
        #expect(c.regencies.filter(\.isHome).count == 4)
        for v in c.villages { #expect(v.code / 10_000 == c.districts[v.district].code) }
        for d in c.districts { #expect(d.code / 100 == c.regencies[d.regency].code) }
        for r in c.regencies where r.isHome { #expect(r.districts.allSatisfy { !c.districts[$0].villages.isEmpty }) }
    }

    @Test func coverageConcentratesPeopleInAsFewDistrictsAsRealListsWould() throws {
        // 4,000 rows at DTKS's coverage of 36 % fill less than one real kecamatan of each home
        // regency: everyone lives in one district per regency, and NIK neighbours multiply.
        let dense = temporaryDirectory("coverage-dense"), spread = temporaryDirectory("coverage-spread")
        let settings = SynthSettings(rows: 4000, dupes: 0.03, seed: 3)
        var denser = settings
        denser.coverage = 0.36
        _ = try Synthesizer.write(denser, to: dense)
        _ = try Synthesizer.write(settings, to: spread)
        func districts(_ dir: String) throws -> (districts: Int, sharedPrefixes: Int) {
            let table = try TableReader.read(path: dir + "/provinsi.csv")
            var names = Set<String>(), prefixes: [String: Int] = [:]
            for row in 0 ..< table.rowCount {
                let district = table.value(.district, row: row).uppercased()
                if !district.isEmpty { names.insert(district) }
                let nik = table.value(.nik, row: row)
                if nik.count == 16 { prefixes[String(nik.prefix(12)), default: 0] += 1 }
            }
            return (names.count, prefixes.values.filter { $0 > 1 }.count)
        }
        let (d, p) = try districts(dense), (d0, p0) = try districts(spread)
        #expect(d <= 4, "one district per home regency, got \(d)")
        #expect(d0 > 20)
        #expect(p > p0, "more people share a NIK's region and birth date (\(p) vs \(p0))")
    }

    @Test func twinsAreAboutOnePercentOfDeliveries() {
        let c = Corpora.shared
        var pop = PopulationBuilder(corpora: c, reference: Day(2023, 3, 1), moveRate: 0.05, rng: SynthRandom(seed: 11))
        for _ in 0 ..< 20_000 { _ = pop.addHousehold(regencyBefore: nil, regencyAfter: nil, moveBefore: nil) }
        // Deliveries: children, less the second child of each twin delivery.
        let children = pop.persons.filter { $0.role == .child }.count
        let rate = Double(pop.stats.twinBirths) / Double(children - pop.stats.twinBirths)
        // Only a delivery followed by room in the household can be twins, so a little under 1 %.
        #expect(rate > 0.004 && rate < 0.012, "twin deliveries \(rate)")
    }

    @Test func settingsAreValidated() {
        #expect(throws: SynthError.self) { try SynthSettings(rows: 5).validate() }
        #expect(throws: SynthError.self) { try SynthSettings(overlap: 1.5).validate() }
        #expect(throws: SynthError.self) { try SynthSettings(lists: 4).validate() }
        #expect(throws: SynthError.self) { try SynthSettings(dupes: 0.5).validate() }
        #expect(throws: SynthError.self) { try SynthSettings(coverage: 0).validate() }
        #expect(throws: SynthError.self) { try SynthSettings(coverage: 1.5).validate() }
    }
}

@Suite struct ShippedCorporaTests {
    /// The shipped corpora are regenerated byte for byte by the command recorded in their synth.json.
    @Test(arguments: ["synth-2k", "three-lists-2k"])
    func shippedCorpusRegeneratesIdentically(name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpora").appendingPathComponent(name).path
        let json = try Data(contentsOf: URL(fileURLWithPath: root + "/synth.json"))
        let shipped = try JSONDecoder().decode(SynthReport.self, from: json)
        let dir = temporaryDirectory("shipped-\(name)")
        _ = try Synthesizer.write(shipped.settings, to: dir, command: shipped.command)
        let a = try files(in: root), b = try files(in: dir)
        #expect(a.count >= 6)
        #expect(a == b, "corpora/\(name) differs from what `\(shipped.command)` makes now")
    }
}

@Test func corruptionOrdinalsFollowAllCases() {
    for (i, c) in Corruption.allCases.enumerated() { #expect(c.ordinal == i) }
}
