extension Configuration {
    static let linkKeys: Set<String> = [
        "threshold", "review_threshold", "max_block_pairs", "max_candidate_pairs", "u_sample_pairs", "seed",
        "threads", "reference_year", "blocking", "comparisons", "max_cluster_size", "one_to_one",
    ]

    static func parseLink(_ doc: YAMLDocument, into settings: inout LinkSettings) throws {
        for (key, value) in try doc.mapping(allowed: linkKeys) {
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
                    if item.node.sequence != nil { return BlockingRule(try fields(item)) }
                    var name: String?, list: [BlockingField] = []
                    for (k, v) in try item.mapping(allowed: ["name", "fields"]) {
                        if k == "name" { name = try v.string() } else { list = try fields(v) }
                    }
                    guard !list.isEmpty else { throw item.fail("a rule needs fields") }
                    return BlockingRule(name: name, list)
                }
                if settings.blocking.isEmpty || settings.blocking.count > 32 { throw value.fail("between 1 and 32 rules") }
            case "comparisons":
                guard let items = value.node.sequence else { throw value.fail("expected a list of comparisons") }
                settings.comparisons = try items.enumerated().map { i, node in
                    let item = YAMLDocument(file: value.file, node: node, path: "\(value.path)[\(i)]")
                    if item.node.scalar != nil { return ComparisonSpec(try kind(item)) }
                    var spec: ComparisonSpec?
                    var high: Double?, medium: Double?
                    for (k, v) in try item.mapping(allowed: ["kind", "high_similarity", "medium_similarity"]) {
                        switch k {
                        case "kind": spec = ComparisonSpec(try kind(v))
                        case "high_similarity": high = try v.double(in: 0 ... 1)
                        default: medium = try v.double(in: 0 ... 1)
                        }
                    }
                    guard var s = spec else { throw item.fail("a comparison needs a kind") }
                    if let high { s.highSimilarity = high }
                    if let medium { s.mediumSimilarity = medium }
                    return s
                }
                let kinds = settings.comparisons.map(\.kind)
                if Set(kinds).count != kinds.count { throw value.fail("a comparison kind is listed twice") }
                if kinds.isEmpty { throw value.fail("at least one comparison is needed") }
            default: break
            }
        }
        if settings.reviewThreshold > settings.threshold {
            throw doc.fail("review_threshold (\(settings.reviewThreshold)) is above threshold (\(settings.threshold))")
        }
    }

    private static func fields(_ doc: YAMLDocument) throws -> [BlockingField] {
        try doc.strings().map { name in
            guard let f = BlockingField(rawValue: name) else {
                throw doc.fail("unknown blocking field '\(name)'; fields: \(BlockingField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return f
        }
    }

    private static func kind(_ doc: YAMLDocument) throws -> ComparisonKind {
        let name = try doc.string()
        guard let k = ComparisonKind(rawValue: name) else {
            throw doc.fail("unknown comparison '\(name)'; comparisons: \(ComparisonKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return k
    }

    /// The built-in configuration as a YAML file a person can start from.
    public static var defaultYAML: String {
        let s = LinkSettings.indonesianDefault
        var out = """
            # Padan configuration: the built-in defaults for Indonesian identity lists.
            # Every key is optional; unknown keys are errors.
            columns: {}            # role: header or [headers]; roles not listed are guessed from headers
            guess_columns: true
            max_field_bytes: 1048576
            max_columns: 1024
            # max_rows: 2000000
            link:
              threshold: \(s.threshold)           # match probability for a link
              review_threshold: \(s.reviewThreshold)    # ... and for the review band below it
              max_block_pairs: \(s.maxBlockPairs)   # larger blocks are skipped and reported
              max_candidate_pairs: \(s.maxCandidatePairs)
              max_cluster_size: \(s.maxClusterSize)    # larger clusters are split on their weakest links
              one_to_one: false        # each record in at most one link to each other list
              u_sample_pairs: \(s.uSamplePairs)
              seed: \(s.seed)
              threads: 0               # 0: one per processor
              reference_year: \(s.referenceYear)
              blocking:                # OR-ed; fields: \(BlockingField.allCases.map(\.rawValue).joined(separator: ", "))

            """
        for rule in s.blocking { out += "    - [\(rule.fields.map(\.rawValue).joined(separator: ", "))]\n" }
        out += "  comparisons:             # kinds: \(ComparisonKind.allCases.map(\.rawValue).joined(separator: ", "))\n"
        for c in s.comparisons {
            switch c.kind {
            case .name, .birthPlace:
                out += "    - {kind: \(c.kind.rawValue), high_similarity: \(c.highSimilarity), medium_similarity: \(c.mediumSimilarity)}\n"
            default:
                out += "    - \(c.kind.rawValue)\n"
            }
        }
        return out
    }
}
