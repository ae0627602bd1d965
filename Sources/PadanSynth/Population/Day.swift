/// A calendar date packed as `yyyymmdd`, the generator's only date type.
struct Day: Hashable, Comparable, Sendable {
    var packed: Int32

    init(_ year: Int, _ month: Int, _ day: Int) {
        packed = Int32(year * 10_000 + month * 100 + day)
    }

    var year: Int { Int(packed) / 10_000 }
    var month: Int { Int(packed) / 100 % 100 }
    var day: Int { Int(packed) % 100 }

    static func < (a: Day, b: Day) -> Bool { a.packed < b.packed }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A uniformly random date in `year`.
    static func random(in year: Int, _ rng: inout SynthRandom) -> Day {
        let month = rng.int(1...12)
        return Day(year, month, rng.int(1...daysIn(month: month, year: year)))
    }

    /// A uniformly random date (by year, then month, then day) between two dates, inclusive.
    static func random(from a: Day, to b: Day, _ rng: inout SynthRandom) -> Day {
        for _ in 0 ..< 20 {
            let d = random(in: rng.int(a.year...b.year), &rng)
            if d >= a && d <= b { return d }
        }
        return a
    }

    /// Whole years from `self` to `reference`.
    func age(at reference: Day) -> Int {
        var years = reference.year - year
        if (reference.month, reference.day) < (month, day) { years -= 1 }
        return years
    }
}
