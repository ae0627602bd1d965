extension Configuration {
    static let linkKeys: Set<String> = [
        "preset", "threshold", "review_threshold", "max_block_pairs", "max_candidate_pairs", "u_sample_pairs", "seed",
        "threads", "reference_year", "blocking", "comparisons", "max_cluster_size", "one_to_one",
    ]

    static let comparisonKeys: Set<String> = [
        "kind", "name", "column", "comparator", "thresholds", "distances", "within_years", "differences", "relative",
        "term_frequency", "high_similarity", "medium_similarity", "similarity",
    ]

    static func parseLink(_ doc: YAMLDocument, into settings: inout LinkSettings) throws {
        let entries = try doc.mapping(allowed: linkKeys)
        // What comparisons and rules may name: roles and the columns defined under `columns:`.
        let known = Set(Role.allCases.map(\.rawValue) + settings.columns.map(\.name))
        // The preset first: every other key changes it.
        if let preset = entries.first(where: { $0.key == "preset" })?.value {
            let name = try preset.string()
            guard let chosen = LinkSettings.preset(named: name) else {
                throw preset.fail("unknown preset '\(name)'; presets: \(LinkSettings.presets.map(\.name).joined(separator: ", "))")
            }
            let columns = settings.columns
            settings = chosen
            settings.columns = columns
        }
        for (key, value) in entries {
            switch key {
            case "threshold": settings.threshold = try value.double(in: 0 ... 1)
            case "review_threshold": settings.reviewThreshold = try value.double(in: 0 ... 1)
            case "max_block_pairs": settings.maxBlockPairs = try value.int(in: 1 ... Int(Int32.max))
            case "max_candidate_pairs": settings.maxCandidatePairs = try value.int(in: 1 ... Int(UInt32.max))
            case "u_sample_pairs": settings.uSamplePairs = try value.int(in: 1000 ... 100_000_000)
            case "seed": settings.seed = UInt64(try value.int(in: 0 ... Int.max))
            case "threads": settings.threads = try value.int(in: 0 ... 1024)
            case "reference_year": settings.referenceYear = try value.int(in: 1900 ... 2200)
            case "max_cluster_size": settings.maxClusterSize = try value.int(in: 2 ... 1_000_000)
            case "one_to_one": settings.oneToOne = try value.bool()
            case "blocking":
                guard let items = value.node.sequence else { throw value.fail("expected a list of rules") }
                settings.blocking = try items.enumerated().map { i, node in
                    let item = YAMLDocument(file: value.file, node: node, path: "\(value.path)[\(i)]")
                    if item.node.sequence != nil || item.node.scalar != nil { return try rule(name: nil, item, known: known) }
                    var name: String?, fields: YAMLDocument?
                    for (k, v) in try item.mapping(allowed: ["name", "fields"]) {
                        if k == "name" { name = try v.string() } else { fields = v }
                    }
                    guard let fields else { throw item.fail("a rule needs fields") }
                    return try rule(name: name, fields, known: known)
                }
                if settings.blocking.isEmpty || settings.blocking.count > 32 { throw value.fail("between 1 and 32 rules") }
            case "comparisons":
                guard let items = value.node.sequence else { throw value.fail("expected a list of comparisons") }
                settings.comparisons = try items.enumerated().map { i, node in
                    try comparison(YAMLDocument(file: value.file, node: node, path: "\(value.path)[\(i)]"), known: known)
                }
                if settings.comparisons.isEmpty { throw value.fail("at least one comparison is needed") }
                let names = settings.comparisons.map(\.name)
                if Set(names).count != names.count { throw value.fail("a comparison name is listed twice") }
            default: break
            }
        }
        do {
            try settings.validate()
        } catch let e as PadanError {
            throw doc.fail(e.message)
        }
    }

    /// A blocking rule from a list of keys: built-in fields, or column keys such as
    /// `prefix(surname, 3)`.
    private static func rule(name: String?, _ doc: YAMLDocument, known: Set<String>) throws -> BlockingRule {
        var fields: [BlockingField] = [], columns: [ColumnKey] = []
        for text in try doc.strings() {
            if let f = BlockingField(rawValue: text) {
                fields.append(f)
            } else if let key = ColumnKey(parsing: text), known.contains(key.column) {
                columns.append(key)
            } else {
                throw doc.fail("unknown blocking field '\(text)'; fields: \(BlockingField.allCases.map(\.rawValue).joined(separator: ", ")); or a key of a role or of a column defined under columns: COLUMN, prefix(COLUMN, N), suffix(COLUMN, N), phonetic(COLUMN), first_token(COLUMN), year(COLUMN)")
            }
        }
        guard !fields.isEmpty || !columns.isEmpty else { throw doc.fail("a rule needs fields") }
        return BlockingRule(name: name, fields, columns: columns)
    }

    private static func comparison(_ item: YAMLDocument, known: Set<String>) throws -> Comparison {
        if item.node.scalar != nil { return try preset(item) }
        var values: [String: YAMLDocument] = [:]
        for (k, v) in try item.mapping(allowed: comparisonKeys) { values[k] = v }
        func doubles(_ key: String) throws -> [Double]? {
            guard let v = values[key] else { return nil }
            if v.node.scalar != nil { return [try v.double(in: -1e300 ... 1e300)] }
            guard let seq = v.node.sequence else { throw v.fail("expected a number or a list of numbers") }
            return try seq.map { try YAMLDocument(file: v.file, node: $0, path: v.path).double(in: -1e300 ... 1e300) }
        }
        func ints(_ key: String) throws -> [Int]? {
            try doubles(key).map { list in
                try list.map { x in
                    guard x == x.rounded(), abs(x) < 1e9 else { throw values[key]!.fail("expected whole numbers") }
                    return Int(x)
                }
            }
        }
        let termFrequency = try values["term_frequency"]?.bool() ?? false
        if let kind = values["kind"] {
            var c = try preset(kind)
            switch c.comparator {
            case .indonesianName(let high, let medium):
                c.comparator = .indonesianName(highSimilarity: try values["high_similarity"]?.double(in: 0 ... 1) ?? high,
                                               mediumSimilarity: try values["medium_similarity"]?.double(in: 0 ... 1) ?? medium)
            case .birthPlace(let s):
                let given = try values["similarity"]?.double(in: 0 ... 1) ?? values["medium_similarity"]?.double(in: 0 ... 1)
                c.comparator = .birthPlace(similarity: given ?? s)
            default: break
            }
            if let name = values["name"] { c.name = try name.string() }
            return c
        }
        guard let comparatorNode = values["comparator"] else { throw item.fail("a comparison needs a kind (a built-in comparison) or a comparator") }
        guard let columnNode = values["column"] else { throw item.fail("a comparison needs a column") }
        let column = try columnNode.string()
        guard known.contains(column) else {
            throw columnNode.fail("unknown column '\(column)'; use a role (\(Role.allCases.map(\.rawValue).joined(separator: ", "))) or define the column under columns:")
        }
        let name = try values["name"]?.string() ?? column
        let comparator: Comparator
        switch try comparatorNode.string() {
        case "exact": comparator = .exact(termFrequency: termFrequency)
        case "jaro_winkler": comparator = .jaroWinkler(thresholds: try doubles("thresholds") ?? [0.92, 0.8], termFrequency: termFrequency)
        case "levenshtein": comparator = .levenshtein(distances: try ints("distances") ?? [1, 2])
        case "damerau_levenshtein": comparator = .damerauLevenshtein(distances: try ints("distances") ?? [1, 2])
        case "token_set": comparator = .tokenSet(thresholds: try doubles("thresholds") ?? [0.9, 0.7])
        case "monge_elkan": comparator = .mongeElkan(thresholds: try doubles("thresholds") ?? [0.92, 0.8])
        case "phonetic": comparator = .phonetic
        case "date": comparator = .date(withinYears: try ints("within_years") ?? [])
        case "numeric":
            guard let d = try doubles("differences") else { throw item.fail("a numeric comparison needs differences") }
            comparator = .numeric(differences: d, relative: try values["relative"]?.bool() ?? false)
        case "identifier": comparator = .identifier
        case let other:
            throw comparatorNode.fail("unknown comparator '\(other)'; comparators: exact, jaro_winkler, levenshtein, damerau_levenshtein, token_set, monge_elkan, phonetic, date, numeric, identifier")
        }
        if let problem = comparator.problem { throw item.fail(problem) }
        return Comparison(name: name, column: column, comparator: comparator)
    }

    private static func preset(_ doc: YAMLDocument) throws -> Comparison {
        let name = try doc.string()
        guard let c = Comparison.indonesianPresets.first(where: { $0.name == name }) else {
            throw doc.fail("unknown comparison '\(name)'; built-in comparisons: \(Comparison.indonesianPresets.map(\.name).joined(separator: ", ")) (or give a column and a comparator)")
        }
        return c
    }

    /// The built-in configuration (the `indonesia` preset) as a YAML file a person can start from.
    public static var defaultYAML: String { defaultYAML(preset: "indonesia")! }

    /// The preset `name` as a YAML file a person can start from; nil for an unknown preset.
    public static func defaultYAML(preset name: String) -> String? {
        guard let s = LinkSettings.preset(named: name) else { return nil }
        var out = """
            # Padan configuration: the built-in '\(name)' preset.
            # Every key is optional; unknown keys are errors.
            columns: {}            # role: header or [headers]; roles not listed are guessed from headers;
                                   # other names define columns: phone: NO HP, full_name: NAMA DEPAN + NAMA BELAKANG
            guess_columns: true
            max_field_bytes: 1048576
            max_columns: 1024
            # max_rows: 2000000
            link:
              preset: \(name)
              threshold: \(s.threshold)           # match probability for a link
              review_threshold: \(s.reviewThreshold)    # ... and for the review band below it
              max_block_pairs: \(s.maxBlockPairs)   # larger blocks are skipped and reported
              max_candidate_pairs: \(s.maxCandidatePairs)
              max_cluster_size: \(s.maxClusterSize)    # larger clusters are split on their weakest links
              one_to_one: false        # each record in at most one link to each other list
              u_sample_pairs: \(s.uSamplePairs)
              seed: \(s.seed)
              threads: 0               # 0: one per processor
              # reference_year: \(s.referenceYear)   # default: the command's --reference-date, or today
              blocking:                # OR-ed; fields: \(BlockingField.allCases.map(\.rawValue).joined(separator: ", "))
                                       # or column keys: COLUMN, prefix(COLUMN, N), suffix(COLUMN, N), phonetic(COLUMN), first_token(COLUMN), year(COLUMN)

            """
        for rule in s.blocking {
            let keys = rule.fields.map(\.rawValue) + rule.columns.map { $0.transform == .value ? $0.column : "\"\($0.description)\"" }
            out += "    - [\(keys.joined(separator: ", "))]\n"
        }
        out += "  comparisons:             # built-in: \(Comparison.indonesianPresets.map(\.name).joined(separator: ", ")); or {name, column, comparator, ...}\n"
        for c in s.comparisons { out += "    - \(yaml(c))\n" }
        return out
    }

    /// One comparison as a YAML item that parses back to it.
    static func yaml(_ c: Comparison) -> String {
        func list<T>(_ values: [T]) -> String { "[\(values.map { "\($0)" }.joined(separator: ", "))]" }
        let head = "name: \(c.name), column: \(c.column), comparator: \(c.comparator.configName)"
        switch c.comparator {
        case .indonesianName(let high, let medium):
            return "{kind: name\(c.name == "name" ? "" : ", name: \(c.name)"), high_similarity: \(high), medium_similarity: \(medium)}"
        case .birthPlace(let similarity):
            return "{kind: birth_place\(c.name == "birth_place" ? "" : ", name: \(c.name)"), similarity: \(similarity)}"
        case .nik, .birthDate, .sex, .household:
            let preset = Comparison.indonesianPresets.first { $0.comparator == c.comparator }!.name
            return c.name == preset ? preset : "{kind: \(preset), name: \(c.name)}"
        case .exact(let tf): return "{\(head), term_frequency: \(tf)}"
        case .jaroWinkler(let t, let tf): return "{\(head), thresholds: \(list(t)), term_frequency: \(tf)}"
        case .levenshtein(let d), .damerauLevenshtein(let d): return "{\(head), distances: \(list(d))}"
        case .tokenSet(let t), .mongeElkan(let t): return "{\(head), thresholds: \(list(t))}"
        case .phonetic, .identifier: return "{\(head)}"
        case .date(let years): return "{\(head), within_years: \(list(years))}"
        case .numeric(let d, let relative): return "{\(head), differences: \(list(d)), relative: \(relative)}"
        }
    }
}
