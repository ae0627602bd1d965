/// What training reads of a run's settings: the comparisons and blocking rules, how many random
/// pairs to draw and with which seed, and the threads.
struct TrainingSettings: Sendable {
    var comparisons: [Comparison]
    var blocking: [BlockingRule]
    var uSamplePairs: Int
    var seed: UInt64
    var threads: Int
    /// The configured columns, to tell which headers or roles a column name is built from.
    var columns: [ColumnSource]

    /// The headers and roles column `name` is built from (normalized), itself included.
    func sources(_ name: String) -> Set<String> {
        (columns.first { $0.name == name } ?? ColumnSource(name)).sources
    }
}
