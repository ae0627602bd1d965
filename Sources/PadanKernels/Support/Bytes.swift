/// Byte access helpers shared by the convenience overloads (`[UInt8]`, `String`).
@usableFromInline
internal enum Bytes {
    /// Calls `body` with the UTF-8 bytes of `string` (no copy for native strings).
    @inlinable @inline(__always)
    static func with<R>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var string = string
        return try string.withUTF8(body)
    }

    /// Calls `body` with the UTF-8 bytes of two strings.
    @inlinable @inline(__always)
    static func with<R>(
        _ a: String, _ b: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try with(a) { a in try with(b) { b in try body(a, b) } }
    }

    /// Calls `body` with the bytes of two arrays.
    @inlinable @inline(__always)
    static func with<R>(
        _ a: [UInt8], _ b: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try a.withUnsafeBufferPointer { a in try b.withUnsafeBufferPointer { b in try body(a, b) } }
    }

    /// Packs `values` into one arena and calls `body` with a buffer of views into it, the shape
    /// the batch kernels take. For tests and convenience overloads, not hot paths.
    static func withViews<S: Sequence, R>(
        _ values: S, _ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws -> R
    ) rethrows -> R where S.Element: Sequence<UInt8> {
        var arena: [UInt8] = []
        var ends: [Int] = []
        for value in values {
            arena.append(contentsOf: value)
            ends.append(arena.count)
        }
        return try arena.withUnsafeBufferPointer { arena in
            var views: [UnsafeBufferPointer<UInt8>] = []
            views.reserveCapacity(ends.count)
            var start = 0
            for end in ends {
                views.append(UnsafeBufferPointer(rebasing: arena[start ..< end]))
                start = end
            }
            return try views.withUnsafeBufferPointer(body)
        }
    }

    /// The length of the common prefix of `a` and `b`.
    @inlinable @inline(__always)
    static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n && a[i] == b[i] { i &+= 1 }
        return i
    }

    /// The length of the common suffix of `a` and `b`.
    @inlinable @inline(__always)
    static func commonSuffix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n && a[a.count &- 1 &- i] == b[b.count &- 1 &- i] { i &+= 1 }
        return i
    }

    /// `a` and `b` without their common prefix and suffix.
    @inlinable @inline(__always)
    static func trimAffix(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>
    ) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) {
        let p = commonPrefix(a, b)
        let a1 = UnsafeBufferPointer(rebasing: a[p...]), b1 = UnsafeBufferPointer(rebasing: b[p...])
        let s = commonSuffix(a1, b1)
        return (UnsafeBufferPointer(rebasing: a1[..<(a1.count &- s)]), UnsafeBufferPointer(rebasing: b1[..<(b1.count &- s)]))
    }
}
