/// An RT or RW value as offices write it: the first number, and a second after `/` or `-`
/// (`002/005`, `RT 3 - RW 7`). Ingest splits a combined `RT/RW` column with it; Standardize reads
/// RT and RW columns with it.
enum RTRWColumn {
    /// `(first, second)`; 0 where there is no number (or one of more than four digits).
    static func parse(_ input: UnsafeBufferPointer<UInt8>) -> (UInt16, UInt16) {
        var values: (UInt16, UInt16) = (0, 0)
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        func read() -> UInt16? {
            while i < input.count && !isDigit(input[i]) { i += 1 }
            guard i < input.count else { return nil }
            var v: UInt16 = 0, digits = 0
            while i < input.count && isDigit(input[i]) {
                if digits < 4 { v = v * 10 + UInt16(input[i] - 48) }
                digits += 1
                i += 1
            }
            return digits <= 4 ? v : 0
        }
        guard let a = read() else { return values }
        values.0 = a
        var j = i
        while j < input.count && input[j] == 32 { j += 1 }
        if j < input.count && (input[j] == 47 || input[j] == 45) {
            i = j
            values.1 = read() ?? 0
        }
        return values
    }
}
