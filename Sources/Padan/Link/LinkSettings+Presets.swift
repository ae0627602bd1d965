extension LinkSettings {
    /// Defaults for lists of people that have no NIK (or none worth trusting): names by
    /// Jaro-Winkler with a term-frequency adjustment, birth dates with their typical errors, sex
    /// (standardized),
    /// address by token set, birth place by Jaro-Winkler; blocked on name and birth-date keys.
    /// Any role a list lacks is simply no evidence.
    public static let generic = LinkSettings(
        blocking: [
            BlockingRule([.birthDate], columns: [ColumnKey("name", .firstToken)]),
            BlockingRule(columns: [ColumnKey("name", .phonetic), ColumnKey("birth_date", .year)]),
            BlockingRule([.birthDate], columns: [ColumnKey("name", .prefix(3))]),
            BlockingRule(columns: [ColumnKey("name", .phonetic), ColumnKey("address", .firstToken)]),
            BlockingRule([.birthDate, .sex], columns: [ColumnKey("address", .prefix(4))]),
        ],
        comparisons: [
            Comparison(name: "name", column: "name", comparator: .jaroWinkler(thresholds: [0.92, 0.8], termFrequency: true)),
            Comparison(name: "birth_date", column: "birth_date", comparator: .date(withinYears: [1, 5])),
            .sex,  // standardized (L/P, LAKI-LAKI/PEREMPUAN, M/F, 1/2), so lists that write it differently agree
            Comparison(name: "address", column: "address", comparator: .tokenSet(thresholds: [0.9, 0.7])),
            Comparison(name: "birth_place", column: "birth_place", comparator: .jaroWinkler(thresholds: [0.9], termFrequency: false)),
        ])

    /// The presets by name: `indonesia` (``indonesianDefault``) and `generic` (``generic``).
    public static let presets: [(name: String, settings: LinkSettings)] = [("indonesia", .indonesianDefault), ("generic", .generic)]

    /// The preset called `name`, if there is one.
    public static func preset(named name: String) -> LinkSettings? {
        presets.first { $0.name == name }?.settings
    }

    /// Every column the comparisons and blocking rules read, as defined in ``columns`` or, for a
    /// name without a definition, the header or role of that name.
    var usedColumns: [ColumnSource] {
        var names: [String] = []
        for c in comparisons where !c.comparator.isIndonesian && !names.contains(c.column) { names.append(c.column) }
        for rule in blocking { for key in rule.columns where !names.contains(key.column) { names.append(key.column) } }
        return names.map { name in columns.first { $0.name == name } ?? ColumnSource(name) }
    }

    /// `table` with each role that ``columns`` builds from several columns (`name: NAMA DEPAN +
    /// NAMA BELAKANG`) carried by their join, for standardizing and comparing; the table itself,
    /// with its original columns, is what the result and the outputs keep.
    func joiningRoles(_ table: Table) throws -> Table {
        var out = table
        for source in columns {
            guard let role = Role(rawValue: source.name), source.parts.count > 1 else { continue }
            let parts = try source.resolve(in: table).compactMap { $0.map { table.columns[$0] } }
            var joined = ByteColumn()
            var value: [UInt8] = []
            for row in 0 ..< table.rowCount {
                value.removeAll(keepingCapacity: true)
                for column in parts {
                    let r = column.range(row)
                    guard !r.isEmpty else { continue }
                    if !value.isEmpty { value.append(32) }
                    value.append(contentsOf: column.bytes[r])
                }
                joined.append(value)
            }
            out = out.carrying(role, by: joined, named: source.parts.map { $0[0] }.joined(separator: " + "))
        }
        return out
    }

    /// What training reads of these settings.
    var training: TrainingSettings {
        TrainingSettings(comparisons: comparisons, blocking: blocking, uSamplePairs: uSamplePairs, seed: seed,
                         threads: threads, columns: columns)
    }

    /// Checks the settings for what no run could use: thresholds out of order, too many or too few
    /// comparisons or rules, duplicate names, comparators without the bands they need.
    public func validate() throws {
        func fail(_ message: String) -> PadanError { PadanError(.usage, message) }
        guard (0 ... 1).contains(threshold), (0 ... 1).contains(reviewThreshold) else {
            throw fail("the threshold and review threshold must be between 0 and 1")
        }
        if reviewThreshold > threshold {
            throw fail("the review threshold (\(reviewThreshold)) is above the link threshold (\(threshold))")
        }
        if comparisons.isEmpty || comparisons.count > ExpectationMaximization.maxComparisons {
            throw fail("between 1 and \(ExpectationMaximization.maxComparisons) comparisons are needed")
        }
        if blocking.isEmpty || blocking.count > 32 { throw fail("between 1 and 32 blocking rules are needed") }
        for rule in blocking where rule.fields.isEmpty && rule.columns.isEmpty {
            throw fail("blocking rule '\(rule.name)' has no fields")
        }
        var seen = Set<String>()
        for c in comparisons {
            if !seen.insert(c.name).inserted { throw fail("two comparisons are named '\(c.name)'") }
            if !c.comparator.isIndonesian && c.column.isEmpty { throw fail("comparison '\(c.name)' needs a column") }
            if let problem = c.comparator.problem { throw fail("comparison '\(c.name)': \(problem)") }
        }
        var columnNames = Set<String>()
        for column in columns {
            if !columnNames.insert(column.name).inserted { throw fail("column '\(column.name)' is defined twice") }
            if column.parts.isEmpty || column.parts.contains(where: \.isEmpty) { throw fail("column '\(column.name)' has no source") }
        }
    }
}
