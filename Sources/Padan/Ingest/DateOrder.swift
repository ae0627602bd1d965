/// Which order a column writes its dates in, day or month first, judged over the whole column: a
/// date alone (`03/12/1980`) cannot say. The reader warns with it, and the standardizer reads the
/// column so (``DateStandardizer``).
enum DateOrder {
    /// Whether a column writes its dates month first: some dates of three numbers, year last, have
    /// a second number above 12 (`12/31/1980`) and none a first number above 12 (`31/12/1980`).
    /// A column written day first has, among dates spread over the year, a first number above 12
    /// in more than half of them; one mistyped date among them does not turn it. A column where
    /// no date says either way (every day 12 or less) is read day first, as Indonesian lists
    /// write them.
    static func monthFirst(_ column: ByteColumn?) -> Bool {
        let (dayFirst, monthFirst) = evidence(column)
        return monthFirst > 0 && dayFirst == 0
    }

    /// Dates of three numbers (one or two digits, one or two digits, two or four digits, with `/`,
    /// `-` or `.` between, a time of day allowed after) whose first number (`dayFirst`) or second
    /// number (`monthFirst`) is a day above 12 while the other is a month.
    static func evidence(_ column: ByteColumn?) -> (dayFirst: Int, monthFirst: Int) {
        guard let column else { return (0, 0) }
        var dayFirst = 0, monthFirst = 0
        column.withUnsafeBuffers { bytes, offsets in
            for row in 0 ..< column.count {
                var lo = Int(offsets[row]), hi = Int(offsets[row + 1])
                while lo < hi && (bytes[lo] == 32 || bytes[lo] == 9) { lo += 1 }
                while hi > lo && (bytes[hi - 1] == 32 || bytes[hi - 1] == 9) { hi -= 1 }
                var i = lo
                func number() -> (value: Int, digits: Int) {
                    var v = 0, d = 0
                    while i < hi && bytes[i] &- 48 < 10 && d < 5 { v = v * 10 + Int(bytes[i] - 48); d += 1; i += 1 }
                    return (v, d)
                }
                func separator() -> Bool {
                    guard i < hi, bytes[i] == 47 || bytes[i] == 45 || bytes[i] == 46 else { return false }
                    i += 1
                    return true
                }
                let a = number()
                guard (1 ... 2).contains(a.digits), separator() else { continue }
                let b = number()
                guard (1 ... 2).contains(b.digits), separator() else { continue }
                let y = number()
                guard y.digits == 2 || y.digits == 4, i == hi || bytes[i] == 32 || bytes[i] == 84 else { continue }
                if a.value > 12 && a.value <= 31 && (1 ... 12).contains(b.value) { dayFirst += 1 }
                if b.value > 12 && b.value <= 31 && (1 ... 12).contains(a.value) { monthFirst += 1 }
            }
        }
        return (dayFirst, monthFirst)
    }
}
