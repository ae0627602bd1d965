/// A record of a link run: which input list, which row of its table.
public struct RowRef: Sendable, Hashable, Comparable {
    /// Index of the list in the input order.
    public var list: Int
    /// Row in that list's table.
    public var row: Int

    public static func < (a: RowRef, b: RowRef) -> Bool { (a.list, a.row) < (b.list, b.row) }
}
