/// How to link: blocking rules, comparisons, thresholds and resources.
///
/// ``indonesianDefault`` is tuned on how Indonesian agency lists are made (see the README), not on
/// any one corpus. Every field can be changed in code or in the YAML configuration file.
public struct LinkSettings: Sendable, Equatable {
    /// Blocking rules, OR-ed: a pair is compared when any rule's fields all agree.
    public var blocking: [BlockingRule]
    /// The comparisons that score a pair, at most 16.
    public var comparisons: [Comparison]
    /// Columns that comparisons and blocking rules name, each built from one or more input columns.
    /// A name used without a definition here is the header (or role) of that name.
    public var columns: [ColumnSource] = []
    /// Pairs with a match probability at or above this are links.
    public var threshold: Double
    /// Pairs at or above this (and below ``threshold``) go to review (`review.csv`).
    public var reviewThreshold: Double
    /// A block that would produce more pairs than this is skipped and reported.
    public var maxBlockPairs: Int
    /// More candidate pairs than this in total is an error naming the rule responsible.
    public var maxCandidatePairs: Int
    /// Random pairs drawn to estimate u probabilities.
    public var uSamplePairs: Int
    /// Seed for the random pairs (the output is the same for the same seed and input).
    public var seed: UInt64
    /// Worker threads (0: one per processor). Changes speed only, never the output.
    public var threads: Int
    /// The year ages and two-digit years are judged against.
    public var referenceYear: Int
    /// Each record in at most one link to each other list (strongest first); displaced links go to
    /// review. Links within a list are not affected.
    public var oneToOne = false
    /// No cluster grows beyond this many records: a join that would is refused (the weakest links
    /// of a chain go first) and reported.
    public var maxClusterSize = 20
    /// Keep every candidate pair in the result (``LinkResult/candidates``), e.g. to write `pairs.csv`.
    public var keepCandidatePairs = false

    public init(
        blocking: [BlockingRule], comparisons: [Comparison], threshold: Double = 0.5,
        reviewThreshold: Double = 0.2, maxBlockPairs: Int = 20_000, maxCandidatePairs: Int = 200_000_000,
        uSamplePairs: Int = 300_000, seed: UInt64 = 42, threads: Int = 0, referenceYear: Int = 2025
    ) {
        self.blocking = blocking
        self.comparisons = comparisons
        self.threshold = threshold
        self.reviewThreshold = reviewThreshold
        self.maxBlockPairs = maxBlockPairs
        self.maxCandidatePairs = maxCandidatePairs
        self.uSamplePairs = uSamplePairs
        self.seed = seed
        self.threads = threads
        self.referenceYear = referenceYear
    }

    /// Defaults for Indonesian identity lists.
    ///
    /// Blocking catches a mistyped NIK by the long runs a typo leaves intact (the first 12 digits,
    /// region and birth date; the last 10, birth date and serial), a missing or wrong NIK by name and
    /// birth date, name and village, household (KK) and first name, birth date and district, and
    /// reordered names with the birth date.
    public static let indonesianDefault = LinkSettings(
        blocking: [
            BlockingRule([.nikPrefix12]),
            BlockingRule([.nikSuffix10]),
            BlockingRule([.namePhonetic, .birthDate]),
            BlockingRule([.namePhonetic, .village]),
            BlockingRule([.kk, .firstNamePhonetic]),
            BlockingRule([.birthDate, .district]),
            BlockingRule([.namePhoneticSorted, .birthDate]),
        ],
        comparisons: Comparison.indonesianPresets)
}
