import Foundation

/// How much noise to put into the lists: every corruption rate is multiplied by ``scale``.
public enum NoiseLevel: String, CaseIterable, Codable, Sendable {
    case low, medium, high

    /// 0.5, 1 or 2.
    public var scale: Double {
        switch self {
        case .low: return 0.5
        case .medium: return 1
        case .high: return 2
        }
    }
}

/// What to generate. The defaults make two lists of 2,000 rows sharing half of their people.
public struct SynthSettings: Codable, Sendable, Equatable {
    /// Rows per list (duplicates included).
    public var rows: Int
    /// Fraction of each list's distinct people who are also on another list.
    public var overlap: Double
    /// Fraction of each list's rows that register a person already on the list again.
    public var dupes: Double
    public var seed: UInt64
    /// Number of lists: 2 (`provinsi`, `kota`) or 3 (`nasional`, `provinsi`, `kota`).
    public var lists: Int
    public var noise: NoiseLevel
    /// Fraction of households that move between the dates of the lists.
    public var moveRate: Double
    /// Fraction of the real population of the districts they live in that the lists hold (nil:
    /// people live in every district of the home regencies). Fewer districts make the lists
    /// denser: more people share a NIK's first 12 digits. 0.36 is DTKS's national coverage.
    public var coverage: Double?

    public init(rows: Int = 2000, overlap: Double = 0.5, dupes: Double = 0.02, seed: UInt64 = 1, lists: Int = 2,
                noise: NoiseLevel = .medium, moveRate: Double = 0.05, coverage: Double? = nil) {
        self.rows = rows
        self.overlap = overlap
        self.dupes = dupes
        self.seed = seed
        self.lists = lists
        self.noise = noise
        self.moveRate = moveRate
        self.coverage = coverage
    }

    enum CodingKeys: String, CodingKey {
        case rows, overlap, dupes, seed, lists, noise, coverage
        case moveRate = "move_rate"
    }

    /// Throws ``SynthError`` describing the first setting out of range.
    public func validate() throws {
        if rows < 10 || rows > 20_000_000 { throw SynthError("--rows must be between 10 and 20000000, got \(rows)") }
        if !(0...1).contains(overlap) { throw SynthError("--overlap must be between 0 and 1, got \(overlap)") }
        if !(0..<0.5).contains(dupes) { throw SynthError("--dupes must be at least 0 and below 0.5, got \(dupes)") }
        if !(2...3).contains(lists) { throw SynthError("--lists must be 2 or 3, got \(lists)") }
        if !(0...1).contains(moveRate) { throw SynthError("--move-rate must be between 0 and 1, got \(moveRate)") }
        if let coverage, !(coverage > 0 && coverage <= 1) {
            throw SynthError("--coverage must be above 0 and at most 1, got \(coverage)")
        }
    }

    /// The `padan synth` command line that makes this corpus.
    public func commandLine(out: String) -> String {
        var s = "padan synth --rows \(rows) --overlap \(overlap) --dupes \(dupes) --seed \(seed)"
        if lists != 2 { s += " --lists \(lists)" }
        if noise != .medium { s += " --noise \(noise.rawValue)" }
        if moveRate != 0.05 { s += " --move-rate \(moveRate)" }
        if let coverage { s += " --coverage \(coverage)" }
        return s + " --out \(out)"
    }
}

/// A setting out of range, or a corpus that could not be written.
public struct SynthError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What was generated: recorded in `synth.json` beside the lists.
public struct SynthReport: Codable, Sendable {
    public struct List: Codable, Sendable {
        public var name: String
        public var file: String
        public var description: String
        public var date: String
        public var rows: Int
        public var distinctPeople: Int
        public var duplicateRows: Int
        public var delimiter: String
        public var encoding: String
        public var lineEndings: String
        public var scope: String

        enum CodingKeys: String, CodingKey {
            case name, file, description, date, rows, delimiter, encoding, scope
            case distinctPeople = "distinct_people", duplicateRows = "duplicate_rows", lineEndings = "line_endings"
        }
    }

    public var generator = "padan synth"
    public var formatVersion = 1
    public var settings: SynthSettings
    public var command: String
    public var lists: [List]
    public var population: PopulationStats
    public var links: Int
    public var duplicatePairs: Int
    /// Per corruption, over all lists: the rate asked for, rows eligible, rows hit.
    public var corruptions: [CorruptionCount]

    enum CodingKeys: String, CodingKey {
        case generator, settings, command, lists, population, links, corruptions
        case formatVersion = "format_version", duplicatePairs = "duplicate_pairs"
    }
}

/// Generates a synthetic corpus: a population of West Java households, two or three aid lists
/// drawn from it with overlaps, within-list duplicates and realistic errors, and the truth.
///
/// ```swift
/// let report = try Synthesizer.write(SynthSettings(rows: 2000, dupes: 0.03, seed: 7), to: "corpora/synth-2k")
/// print(report.links)
/// ```
///
/// The output depends only on the settings: the same settings give byte-identical files.
/// Files: one CSV per list (see ``ListProfile``), `truth/links.csv`, `truth/duplicates.csv`,
/// `truth/entities.csv`, and `synth.json`.
public enum Synthesizer {
    /// Generates the corpus into `directory` (created if needed) and returns what was made.
    /// - Complexity: O(rows × lists) time; memory about 150 bytes per person of the population
    ///   plus one list's output buffer at a time.
    public static func write(_ settings: SynthSettings, to directory: String,
                             command: String? = nil) throws -> SynthReport {
        try settings.validate()
        let c = Corpora.shared
        let profiles = ListProfile.profiles(count: settings.lists)
        let k = profiles.count
        let dupRows = Int((Double(settings.rows) * settings.dupes).rounded())
        let unique = settings.rows - dupRows
        let shared = Int((Double(unique) * settings.overlap).rounded())

        // Groups of people by the lists they are on; each list gets `shared` people it shares.
        var groups: [(mask: Int, count: Int)]
        if k == 2 {
            groups = [(0b11, shared), (0b01, unique - shared), (0b10, unique - shared)]
        } else {
            let pair = (shared - shared / 3) / 2
            let all = shared - 2 * pair
            groups = [(0b111, all), (0b011, pair), (0b101, pair), (0b110, pair),
                      (0b001, unique - shared), (0b010, unique - shared), (0b100, unique - shared)]
        }

        let earliest = profiles.map(\.date).min()!
        var planRng = SynthRandom(seed: settings.seed, stream: 1)
        var pop = PopulationBuilder(corpora: c, reference: earliest, moveRate: settings.moveRate,
                                    rng: SynthRandom(seed: settings.seed, stream: 2))
        pop.persons.reserveCapacity(unique * k * 2)
        let city = c.regencies.firstIndex { $0.code == 3273 }!
        if let coverage = settings.coverage {
            // The list people expected per regency: a group on a city list lives in the city, any
            // other is spread over the home regencies by population.
            var people: [Int: Double] = [:]
            let weights = c.homeRegencies.items.map { Double(c.regencies[$0].population) }
            let total = weights.reduce(0, +)
            for group in groups {
                if (0 ..< k).contains(where: { group.mask & (1 << $0) != 0 && profiles[$0].scopeRegency != nil }) {
                    people[city, default: 0] += Double(group.count)
                } else {
                    for (r, w) in zip(c.homeRegencies.items, weights) { people[r, default: 0] += Double(group.count) * w / total }
                }
            }
            pop.restrictResidence(people: people, coverage: coverage, seed: settings.seed)
        }
        var members: [[Int32]] = Array(repeating: [], count: k)
        var blocks: [[Range<Int>]] = Array(repeating: [], count: k)
        for group in groups {
            var remaining = group.count
            while remaining > 0 {
                let moveBefore: Int? = planRng.chance(settings.moveRate) ? planRng.int(1...(k - 1)) : nil
                var before: Int?, after: Int?
                for i in 0 ..< k where group.mask & (1 << i) != 0 && profiles[i].scopeRegency != nil {
                    if let m = moveBefore, i >= m { after = city } else { before = city }
                }
                if moveBefore == nil { after = before }
                let h = pop.addHousehold(regencyBefore: before, regencyAfter: after, moveBefore: moveBefore)
                let household = pop.households[h]
                // Who of the household is registered: one representative, the couple, or everyone.
                var registered: [Int32] = []
                let u = planRng.unit()
                let all = household.members.map { Int32($0) }
                let spouse = all.first { pop.persons[Int($0)].role == .spouse }
                if u < 0.45 {
                    registered = [spouse != nil && planRng.chance(0.35) ? spouse! : all[0]]
                } else if u < 0.7 {
                    registered = spouse.map { [all[0], $0] } ?? [all[0]]
                } else {
                    registered = all
                }
                let take = min(remaining, registered.count)
                for i in 0 ..< k where group.mask & (1 << i) != 0 {
                    let start = members[i].count
                    members[i].append(contentsOf: registered[0 ..< take])
                    blocks[i].append(start ..< members[i].count)
                }
                remaining -= take
            }
        }

        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: directory + "/truth", withIntermediateDirectories: true)
        } catch {
            throw SynthError("cannot create \(directory)/truth: \(error.localizedDescription)")
        }

        // Rows of each list: household blocks in a random order (the city office sorts by
        // district), duplicates merged in at random places.
        var rowPersons: [[Int32]] = []
        var rowIDs: [[String]] = []
        var tally = CorruptionTally()
        var listReports: [SynthReport.List] = []
        for (i, profile) in profiles.enumerated() {
            var rng = SynthRandom(seed: settings.seed, stream: 100 + UInt64(i))
            var order = blocks[i]
            rng.shuffle(&order)
            if profile.scopeRegency != nil {
                let districtOf = { (r: Range<Int>) -> Int in
                    let h = pop.households[Int(pop.persons[Int(members[i][r.lowerBound])].household)]
                    return Int(c.villages[Int(h.residence(atList: i).village)].district)
                }
                let keyed = order.enumerated().map { ($0.offset, districtOf($0.element), $0.element) }
                order = keyed.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.2)
            }
            var base: [Int32] = []
            base.reserveCapacity(settings.rows)
            for r in order { base.append(contentsOf: members[i][r]) }
            var dupes: [Int32] = []
            for _ in 0 ..< dupRows { dupes.append(base[rng.below(base.count)]) }
            var rows: [Int32] = []
            var isDupe: [Bool] = []
            rows.reserveCapacity(base.count + dupes.count)
            var bi = 0, di = 0
            while bi < base.count || di < dupes.count {
                let left = (base.count - bi) + (dupes.count - di)
                if di < dupes.count && rng.below(left) < dupes.count - di {
                    rows.append(dupes[di]); isDupe.append(true); di += 1
                } else {
                    rows.append(base[bi]); isDupe.append(false); bi += 1
                }
            }
            let ids = rows.indices.map { index -> String in
                switch profile.name {
                case "provinsi": return String(index + 1)
                case "kota": return profile.idPrefix + pad(index + 1, 6)
                default: return profile.idPrefix + pad(1_000_000 + index * 7, 10)
                }
            }
            let file = directory + "/" + profile.name + ".csv"
            var renderer = RowRenderer(corpora: c, profile: profile, listIndex: i, scale: settings.noise.scale,
                                       rng: SynthRandom(seed: settings.seed, stream: 200 + UInt64(i)))
            let writer = try ChunkedFile(path: file)
            var out: [UInt8] = []
            out.reserveCapacity(1 << 23)
            renderer.writeHeader(into: &out)
            for (r, person) in rows.enumerated() {
                let p = pop.persons[Int(person)]
                renderer.writeRow(id: ids[r], person: p, household: pop.households[Int(p.household)],
                                  persons: pop.persons, stale: isDupe[r], into: &out)
                if out.count >= 1 << 23 { try writer.write(&out) }
            }
            try writer.write(&out)
            try writer.close()
            tally.add(renderer.tally)
            rowPersons.append(rows)
            rowIDs.append(ids)
            listReports.append(SynthReport.List(
                name: profile.name, file: profile.name + ".csv", description: profile.description,
                date: "\(profile.date.year)-\(pad(profile.date.month, 2))-\(pad(profile.date.day, 2))",
                rows: rows.count, distinctPeople: base.count, duplicateRows: dupes.count,
                delimiter: String(UnicodeScalar(profile.delimiter)), encoding: profile.encoding.rawValue,
                lineEndings: profile.crlf ? "crlf" : "lf",
                scope: profile.scopeRegency.map { _ in "Kota Bandung" } ?? "province (home regencies)"))
        }

        let (links, duplicates) = try TruthWriter.write(directory: directory + "/truth",
                                                        names: profiles.map(\.name), rows: rowPersons, ids: rowIDs)
        let report = SynthReport(
            settings: settings, command: command ?? settings.commandLine(out: directory), lists: listReports,
            population: pop.stats, links: links, duplicatePairs: duplicates,
            corruptions: tally.counts(scale: settings.noise.scale) { min(1, $0.defaultRate * settings.noise.scale) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var json = Array(try encoder.encode(report))
        json.append(10)
        let f = try ChunkedFile(path: directory + "/synth.json")
        try f.write(&json)
        try f.close()
        return report
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
