import Foundation

/// How a result was made, for `summary.json`'s audit trail: which Padan, which command line,
/// which configuration, which input files (by SHA-256, so a changed file is noticed), and which
/// reference date. An auditor (BPK, BPKP) can rerun exactly this and compare.
public struct RunRecord: Codable, Sendable, Equatable {
    /// One input file as it was read.
    public struct Input: Codable, Sendable, Equatable {
        public var list: String
        public var file: String
        public var bytes: Int
        public var sha256: String
    }

    /// Padan's version that made the result.
    public var padanVersion = PadanVersion.current
    /// The command line, as given (program name first), and the directory it was given in.
    public var commandLine: [String]
    public var workingDirectory = FileManager.default.currentDirectoryPath
    /// The configuration file, when one was given, and its SHA-256.
    public var configurationFile: String?
    public var configurationSHA256: String?
    /// The effective settings, as a configuration that parses back to them.
    public var effectiveSettings: [String: String]
    public var inputs: [Input] = []
    /// The date two-digit years, ages and NIK birth dates are read against (`YYYY-MM-DD`).
    public var referenceDate: String
    /// When the run ended (UTC, ISO 8601).
    public var finishedAt: String = ""

    /// A record of a run: `commandLine` as given, `configurationFile` if any, the settings used.
    public init(commandLine: [String], configurationFile: String? = nil, settings: LinkSettings, referenceDate: String) throws {
        self.commandLine = commandLine
        self.configurationFile = configurationFile
        if let configurationFile { configurationSHA256 = try Self.sha256(file: configurationFile) }
        var s: [String: String] = [
            "threshold": String(settings.threshold), "review_threshold": String(settings.reviewThreshold),
            "max_block_pairs": String(settings.maxBlockPairs), "max_candidate_pairs": String(settings.maxCandidatePairs),
            "max_cluster_size": String(settings.maxClusterSize), "one_to_one": String(settings.oneToOne),
            "u_sample_pairs": String(settings.uSamplePairs), "seed": String(settings.seed),
            "reference_year": String(settings.referenceYear),
        ]
        for (i, rule) in settings.blocking.enumerated() {
            s["blocking.\(i + 1)"] = (rule.fields.map(\.rawValue) + rule.columns.map(\.description)).joined(separator: ", ")
        }
        for (i, c) in settings.comparisons.enumerated() { s["comparisons.\(i + 1)"] = "\(c.name) = \(c.column): \(c.comparator)" }
        effectiveSettings = s
        self.referenceDate = referenceDate
    }

    /// The SHA-256 of a file's bytes, in hex, read in 1 MiB pieces.
    public static func sha256(file: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw PadanError(.badInput, file: file, "cannot be opened to record its checksum")
        }
        defer { try? handle.close() }
        var hash = SHA256Digest()
        while true {
            let data = handle.readData(ofLength: 1 << 20)
            if data.isEmpty { break }
            hash.update(data)
        }
        return SHA256Digest.hex(hash.finalize())
    }
}
