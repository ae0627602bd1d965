import PadanKernels

/// The comparators that work on any column (see ``Comparator``), on the prepared bytes, dates and
/// numbers of ``ColumnValues``. Pure functions of the pair; no allocation per pair.
///
/// Level numbering follows ``Comparator/levels``: 0 is exact, then one level per band in the order
/// given (the first band the pair falls into), then different; for dates the two fixed levels
/// (day and month swapped, one part differs) come before the year bands; a value missing on
/// either side is ``ComparisonLevel/null``.
enum ColumnComparer {
    @inline(__always)
    static func level(_ plan: ComparisonPlan, _ v: ColumnValues, _ a: Int, _ b: Int) -> UInt8 {
        switch plan.kind {
        case .date: return date(plan, v.date[a], v.date[b])
        case .numeric, .numericRelative: return numeric(plan, v.number[a], v.number[b])
        case .identifier:
            return v.withCompact(a, b) { x, y in x.isEmpty || y.isEmpty ? ComparisonLevel.null : identifier(x, y) }
        default: break
        }
        let ha = v.hash[a], hb = v.hash[b]
        guard ha != 0 && hb != 0 else { return ComparisonLevel.null }
        if ha == hb { return 0 }
        let different = UInt8(plan.bandCount + 1)
        switch plan.kind {
        case .exact: return 1
        case .phonetic:
            let pa = v.phoneticHash[a]
            return pa != 0 && pa == v.phoneticHash[b] ? 1 : 2
        case .jaroWinkler:
            return atLeast(plan, v.withText(a, b) { JaroWinkler.similarity($0, $1) })
        case .tokenSet:
            return atLeast(plan, v.withText(a, b) { TokenRatio.setRatio($0, $1) })
        case .mongeElkan:
            return atLeast(plan, v.withText(a, b) { MongeElkan.symmetricSimilarity($0, $1) })
        case .levenshtein, .damerauLevenshtein:
            let cutoff = Int(plan.bands[plan.bandCount - 1])
            let d = v.withText(a, b) { x, y in
                plan.kind == .levenshtein ? Levenshtein.distance(x, y, cutoff: cutoff) : OSA.distance(x, y, cutoff: cutoff)
            }
            for i in 0 ..< plan.bandCount where Double(d) <= plan.bands[i] { return UInt8(i + 1) }
            return different
        default: return different
        }
    }

    /// The first band whose threshold `similarity` reaches, else different.
    @inline(__always)
    static func atLeast(_ plan: ComparisonPlan, _ similarity: Double) -> UInt8 {
        for i in 0 ..< plan.bandCount where similarity >= plan.bands[i] { return UInt8(i + 1) }
        return UInt8(plan.bandCount + 1)
    }

    /// exact / day_month_swapped / one_part_differs / within N years... / different.
    static func date(_ plan: ComparisonPlan, _ x: Int32, _ y: Int32) -> UInt8 {
        guard x != 0 && y != 0 else { return ComparisonLevel.null }
        if x == y { return 0 }
        let (yx, mx, dx) = (Int(x) / 10000, Int(x) / 100 % 100, Int(x) % 100)
        let (yy, my, dy) = (Int(y) / 10000, Int(y) / 100 % 100, Int(y) % 100)
        if yx == yy && dx == my && mx == dy { return 1 }
        let same = (yx == yy ? 1 : 0) + (mx == my ? 1 : 0) + (dx == dy ? 1 : 0)
        if same == 2 { return 2 }
        // Whole months apart, in years: 1980-12-31 and 1981-01-01 are within one year.
        let months = monthsApart(yx, mx, yy, my)
        for i in 0 ..< plan.bandCount where Double(months) <= plan.bands[i] * 12 { return UInt8(i + 3) }
        return UInt8(plan.bandCount + 3)
    }

    /// Whole months between two dates' year and month, the day left out: how the `date` comparison
    /// and the Indonesian birth date count "within N years".
    @inline(__always)
    static func monthsApart(_ yearA: Int, _ monthA: Int, _ yearB: Int, _ monthB: Int) -> Int {
        abs((yearA * 12 + monthA) - (yearB * 12 + monthB))
    }

    /// exact / within each band / different; NaN on either side is null.
    static func numeric(_ plan: ComparisonPlan, _ x: Double, _ y: Double) -> UInt8 {
        guard !x.isNaN && !y.isNaN else { return ComparisonLevel.null }
        if x == y { return 0 }
        var difference = abs(x - y)
        if plan.kind == .numericRelative { difference /= max(abs(x), abs(y)) }
        for i in 0 ..< plan.bandCount where difference <= plan.bands[i] { return UInt8(i + 1) }
        return UInt8(plan.bandCount + 1)
    }

    /// exact / one_substitution / adjacent_transposition / two_edits / different.
    static func identifier(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> UInt8 {
        if x.count == y.count {
            var first = -1, second = -1, count = 0
            for i in 0 ..< x.count where x[i] != y[i] {
                count += 1
                if count == 1 { first = i } else if count == 2 { second = i } else { break }
            }
            if count == 0 { return 0 }
            if count == 1 { return 1 }
            if count == 2 && second == first + 1 && x[first] == y[second] && x[second] == y[first] { return 2 }
        }
        return OSA.distance(x, y, cutoff: 2) <= 2 ? 3 : 4
    }
}
