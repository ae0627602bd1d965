/// Numbers as Padan writes them in CSV, JSON and messages: fixed decimals, no locale, no
/// exponent, the same text on every platform.
enum NumberFormat {
    /// Fixed-point text without Foundation's locale: `format(0.98765, decimals: 4)` → `"0.9877"`.
    static func decimal(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0 ..< decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return String(value) }
        let whole = Int(scaled)
        let intPart = whole / Int(scale)
        var frac = String(whole % Int(scale))
        while frac.count < decimals { frac = "0" + frac }
        let sign = value < 0 && whole != 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(intPart)" : "\(sign)\(intPart).\(frac)"
    }

    /// Appends `whole` (a value already scaled by 10^`decimals`, below 9e15; `decimals` at most 15)
    /// as fixed-point digits, at least one before `point`: what ``decimal(_:decimals:)`` writes,
    /// straight into a byte buffer in one append.
    static func appendFixed(_ whole: UInt64, decimals: Int, point: UInt8, to bytes: inout [UInt8]) {
        var whole = whole
        // The digits in reverse into the upper half of a small stack buffer, then forwards into
        // the lower half.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            let reversed = buffer.baseAddress! + 32
            var n = 0
            repeat {
                reversed[n] = UInt8(48 + whole % 10)
                whole /= 10
                n += 1
            } while whole > 0 || n <= decimals
            var out = 0
            for i in stride(from: n - 1, through: 0, by: -1) {
                buffer[out] = reversed[i]
                out += 1
                if i == decimals && decimals > 0 {
                    buffer[out] = point
                    out += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0 ..< out]))
        }
    }
}
