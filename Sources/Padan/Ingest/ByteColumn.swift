/// One column of a table: all of its values back to back in one byte arena, plus offsets.
///
/// Value `i` is `bytes[offsets[i] ..< offsets[i + 1]]`, UTF-8. There is no object per value, so a
/// column of a million names is two allocations.
public struct ByteColumn: Sendable, Equatable {
    /// The values' bytes, concatenated.
    public internal(set) var bytes: [UInt8]
    /// `count + 1` offsets into `bytes`; the first is 0.
    public internal(set) var offsets: [UInt32]

    /// An empty column.
    public init() {
        bytes = []
        offsets = [0]
    }

    /// A column holding `values` (UTF-8).
    public init<S: Sequence>(_ values: S) where S.Element: StringProtocol {
        self.init()
        for value in values { append(Array(value.utf8)) }
    }

    /// The number of values.
    @inlinable public var count: Int { offsets.count - 1 }

    /// The byte range of value `index` in `bytes`.
    @inlinable public func range(_ index: Int) -> Range<Int> {
        Int(offsets[index]) ..< Int(offsets[index + 1])
    }

    /// The length in bytes of value `index`.
    @inlinable public func length(_ index: Int) -> Int {
        Int(offsets[index + 1] &- offsets[index])
    }

    /// Value `index` as a string.
    public func string(_ index: Int) -> String {
        String(decoding: bytes[range(index)], as: UTF8.self)
    }

    /// Value `index` as bytes.
    public subscript(index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

    mutating func append<C: Collection>(_ value: C) where C.Element == UInt8 {
        bytes.append(contentsOf: value)
        offsets.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    package mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        offsets.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    package mutating func reserve(values: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(values + 1)
        bytes.reserveCapacity(byteCount)
    }

    /// Calls `body` with the arena and the offsets as unsafe buffers, for hot loops.
    public func withUnsafeBuffers<R>(
        _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) throws -> R
    ) rethrows -> R {
        try bytes.withUnsafeBufferPointer { b in
            try offsets.withUnsafeBufferPointer { o in try body(b, o) }
        }
    }
}

extension ByteColumn {
    /// Appends every value of `other`, in order.
    mutating func append(contentsOf other: ByteColumn) {
        let base = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: other.bytes)
        offsets.reserveCapacity(offsets.count + other.count)
        for k in 1 ..< other.offsets.count { offsets.append(base &+ other.offsets[k]) }
    }

    /// One column holding the values of `parts` in order.
    init(concatenating parts: [ByteColumn]) {
        self.init()
        reserve(values: parts.reduce(0) { $0 + $1.count }, bytes: parts.reduce(0) { $0 + $1.bytes.count })
        for part in parts { append(contentsOf: part) }
    }

    /// A column of `count` empty values.
    init(blank count: Int) {
        bytes = []
        offsets = [UInt32](repeating: 0, count: count + 1)
    }
}
