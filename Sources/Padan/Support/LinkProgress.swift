/// How far a link has come, for a progress display: the stage that is running and how much of its
/// work is done.
///
/// ``Linker`` reports a stage when it starts (`done` 0) and then as its work advances, at most a
/// few hundred times per stage. Reports may come from any thread, one at a time.
public struct LinkProgress: Sendable, Equatable {
    /// The stage (`standardize`, `compare 1162219 pairs`, `score`, ...).
    public var stage: String
    /// Units of the stage's work done (records, pairs, blocking rules).
    public var done: Int
    /// Units in all; 0 when the stage cannot tell.
    public var total: Int

    public init(stage: String, done: Int = 0, total: Int = 0) {
        self.stage = stage
        self.done = done
        self.total = total
    }

    /// The share of the stage done, 0 ... 1; nil when the stage cannot tell.
    public var fraction: Double? { total > 0 ? min(1, Double(done) / Double(total)) : nil }
}
