/// Each distinct place value of a column standardized once: a list of 200,000 rows names a few
/// thousand villages, a hundred districts and a handful of regencies, and
/// ``AddressStandardizer/place(_:kind:into:)`` (folding, tokens, prefixes) costs a few thousand
/// instructions a value.
///
/// Keyed by the xxHash3 of the raw bytes; a hit is checked against the stored bytes, so a hash
/// collision is standardized afresh, never answered wrongly. Holds at most ``capacity`` values
/// (a column of mostly distinct values, such as a noisy birth place, stops filling it).
struct PlaceCache {
    static let capacity = 8192
    private var index: [UInt64: Int32] = [:]
    /// Entry `i`'s raw value is `raw[rawOffsets[i] ..< rawOffsets[i + 1]]`, its standardized
    /// value `done[doneOffsets[i] ..< doneOffsets[i + 1]]`.
    private var raw: [UInt8] = [], rawOffsets: [Int] = [0]
    private var done: [UInt8] = [], doneOffsets: [Int] = [0]

    /// Appends the standardized `input` to `out`, as `standardizer.place(input, kind:, into:)` does.
    mutating func place(_ input: UnsafeBufferPointer<UInt8>, kind: AddressStandardizer.PlaceKind,
                        standardizer: inout AddressStandardizer, into out: inout [UInt8]) {
        let key = XXH3.hash(input)
        if let entry = index[key].map(Int.init) {
            let stored = raw[rawOffsets[entry] ..< rawOffsets[entry + 1]]
            if stored.elementsEqual(input) {
                out.append(contentsOf: done[doneOffsets[entry] ..< doneOffsets[entry + 1]])
                return
            }
            standardizer.place(input, kind: kind, into: &out)
            return
        }
        let start = out.count
        standardizer.place(input, kind: kind, into: &out)
        guard index.count < Self.capacity else { return }
        index[key] = Int32(rawOffsets.count - 1)
        raw.append(contentsOf: input)
        rawOffsets.append(raw.count)
        done.append(contentsOf: out[start...])
        doneOffsets.append(done.count)
    }
}
