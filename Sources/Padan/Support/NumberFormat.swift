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
}
