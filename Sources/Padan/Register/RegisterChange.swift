/// What adding (or matching) lists did to a register: the links of the new records, the person
/// of each, and the people merged or split.
public struct RegisterChange: Sendable {
    /// The names of the lists added or matched.
    public var lists: [String]
    /// The index in ``result``'s tables of the first list added (those before are the register's).
    public var firstNewList: Int
    /// The engine's result over the register's lists and the new ones.
    public var result: LinkResult
    /// The index of each table's first record among all records (one more entry at the end).
    public var offsets: [Int]
    /// Every record's person id after the change, in table order.
    public var person: [Int64]
    /// Every record's person id before it (0 for the new records).
    public var previous: [Int64]
    /// The links with at least one new record.
    public var links: [ScoredPair]
    /// The review pairs with at least one new record.
    public var review: [ScoredPair]
    /// People merged: `merged` is now part of `into`.
    public var merges: [Merge]
    /// Records of an earlier person that now belong to another.
    public var splits: [Split]
    /// How many people are new.
    public var newPeople: Int
    /// Whether the model was trained (and every link scored) again.
    public var retrained: Bool
    /// New links left out of the clusters by the cluster-size bound.
    public var refusedLinks: Int
    /// Whether the change was stored (false for a match).
    public var committed: Bool
    /// The first person id given by this change (ids below it existed before).
    public var firstNewPerson: Int64
    /// How long each step took: the register's own (load, link, people, write) and the engine's.
    public var timings: [StageTiming] = []

    public struct Merge: Sendable, Equatable, Codable {
        public var merged: Int64
        public var into: Int64
    }

    public struct Split: Sendable, Equatable, Codable {
        public var from: Int64
        public var to: Int64
        public var records: Int
    }

    /// The person id of `row` of table `list`.
    public func person(list: Int, row: Int) -> Int64 { person[offsets[list] + row] }

    /// Whether record `row` of table `list` belongs to a person the register held before.
    public func isKnown(list: Int, row: Int) -> Bool { person(list: list, row: row) < firstNewPerson }
}

/// What a register holds, as `padan register info` prints it.
public struct RegisterInfo: Sendable, Codable {
    public struct List: Sendable, Codable {
        public var name: String
        public var file: String
        public var sha256: String
        public var added: String
        public var rows: Int
        public var rejected: Int
    }

    public var path: String
    public var format: Int64
    public var padanVersion: String
    public var created: String
    public var updated: String
    public var referenceDate: String
    public var configuration: String
    public var modelKinds: String
    public var lists: [List]
    public var records: Int
    public var people: Int
    public var mergedPeople: Int
    public var links: Int
    /// The recorded changes by kind (merge, split, retrain).
    public var changes: [String: Int]
}

/// One record of a register, with its provenance.
public struct RegisterRecord: Sendable, Codable, Equatable {
    /// The record's id in the register.
    public var record: Int64
    /// Its person's id.
    public var person: Int64
    /// The list it came with, the file, the line in that file, and when it was added.
    public var list: String
    public var file: String
    public var line: Int
    public var added: String
    /// Its columns as read: pairs of header and value.
    public var fields: [[String]]
}
