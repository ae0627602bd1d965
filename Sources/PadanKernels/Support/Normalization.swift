/// The one place where a distance and its maximum become a normalized score.
///
/// Every `normalizedSimilarity` and `normalizedDistance` in this module goes through here, so the
/// convention is the same for all metrics: `similarity = 1 - distance / maximum`, and two empty
/// strings (maximum 0) are identical, similarity 1.0.
@usableFromInline
internal enum Normalization {
    /// `distance / maximum` in 0...1; 0 when `maximum` is 0.
    @inlinable @inline(__always)
    static func distance(_ distance: Int, maximum: Int) -> Double {
        maximum == 0 ? 0 : Double(distance) / Double(maximum)
    }

    /// `1 - distance / maximum` in 0...1; 1 when `maximum` is 0.
    @inlinable @inline(__always)
    static func similarity(_ distance: Int, maximum: Int) -> Double {
        1 - self.distance(distance, maximum: maximum)
    }

    /// The largest distance of interest given an optional caller cutoff and the metric's maximum.
    ///
    /// A distance never exceeds `maximum`, so without a cutoff the limit is `maximum` and the
    /// "greater than limit" exits never fire.
    @inlinable @inline(__always)
    static func limit(_ cutoff: Int?, maximum: Int) -> Int {
        guard let cutoff else { return maximum }
        precondition(cutoff >= 0, "cutoff must be non-negative")
        return min(cutoff, maximum)
    }

    /// Applies the cutoff contract: the exact distance when it is at most `cutoff`, else `cutoff + 1`.
    @inlinable @inline(__always)
    static func clamp(_ distance: Int, cutoff: Int?) -> Int {
        guard let cutoff else { return distance }
        return distance > cutoff ? cutoff &+ 1 : distance
    }
}
