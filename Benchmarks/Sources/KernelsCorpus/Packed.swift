/// Strings packed into one arena with a view per string: the input shape of the batch kernels,
/// built once so that the measured loops do no allocation or UTF-8 conversion.
public final class Packed: @unchecked Sendable {
    public let views: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
    private let arena: UnsafeMutableBufferPointer<UInt8>
    private let viewStorage: UnsafeMutableBufferPointer<UnsafeBufferPointer<UInt8>>

    public init(_ strings: [String]) {
        let total = strings.reduce(0) { $0 + $1.utf8.count }
        arena = .allocate(capacity: max(1, total))
        viewStorage = .allocate(capacity: max(1, strings.count))
        var at = 0
        for (i, s) in strings.enumerated() {
            let start = at
            for c in s.utf8 {
                arena[at] = c
                at += 1
            }
            viewStorage[i] = UnsafeBufferPointer(rebasing: arena[start ..< at])
        }
        views = UnsafeBufferPointer(rebasing: viewStorage[..<strings.count])
    }

    public var count: Int { views.count }
    public subscript(i: Int) -> UnsafeBufferPointer<UInt8> { views[i] }

    deinit {
        arena.deallocate()
        viewStorage.deallocate()
    }
}
