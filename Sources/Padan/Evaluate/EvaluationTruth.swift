import Foundation

/// A record of one list: the list's name (its file stem) and the record's id there.
public struct RecordRef: Hashable, Sendable, Codable, CustomStringConvertible {
    public var source: String
    public var id: String

    public init(source: String, id: String) {
        self.source = source
        self.id = id
    }

    public var description: String { "\(source):\(id)" }
}

/// The truth of a corpus, as written by `padan synth` under `DIR/truth/`: the entity of every
/// record, the cross-list links and the within-list duplicate pairs.
///
/// Records are numbered in the order of `entities.csv`; a pair of records is packed into one
/// `UInt64` (smaller number high), so sets of millions of pairs stay compact.
public struct EvaluationTruth: Sendable {
    /// Every record, in `entities.csv` order.
    public let records: [RecordRef]
    /// The entity of each record, as a number (records of one entity share it).
    public let entity: [Int32]
    /// Record number by "source\u{1F}id".
    let index: [String: Int32]
    /// List names in the order they first occur in `entities.csv`.
    public let sources: [String]
    /// Number of records in each list, by list name.
    public let listSizes: [String: Int]
    /// Cross-list pairs of the same entity.
    let links: Set<UInt64>
    /// Within-list pairs of the same entity.
    let duplicates: Set<UInt64>
    /// The left and right list of the first link in `links.csv`: the default sides of a links file
    /// that has no source columns.
    public let defaultSides: (left: String, right: String)?

    /// The number of true cross-list and within-list pairs.
    public var linkCount: Int { links.count }
    public var duplicateCount: Int { duplicates.count }

    /// Reads `entities.csv`, `links.csv` and `duplicates.csv` from `directory` (the corpus
    /// directory or its `truth/` folder).
    public static func load(directory: String) throws -> EvaluationTruth {
        let truthDir = FileManager.default.fileExists(atPath: directory + "/truth/entities.csv")
            ? directory + "/truth" : directory
        let entities = try Evaluation.readPlain(truthDir + "/entities.csv", columns: ["source", "id", "entity_id"])
        var records: [RecordRef] = []
        var entity: [Int32] = []
        var index: [String: Int32] = [:]
        var entityNumbers: [String: Int32] = [:]
        var sources: [String] = []
        var sizes: [String: Int] = [:]
        records.reserveCapacity(entities.rows)
        entity.reserveCapacity(entities.rows)
        index.reserveCapacity(entities.rows)
        for r in 0 ..< entities.rows {
            let ref = RecordRef(source: entities.value(0, r), id: entities.value(1, r))
            let key = Evaluation.key(ref)
            if index[key] != nil {
                throw PadanError(.badInput, file: truthDir + "/entities.csv", line: r + 2, "record \(ref) is listed twice")
            }
            if sizes[ref.source] == nil { sources.append(ref.source) }
            sizes[ref.source, default: 0] += 1
            let e = entities.value(2, r)
            let number = entityNumbers[e] ?? Int32(entityNumbers.count)
            entityNumbers[e] = number
            index[key] = Int32(records.count)
            records.append(ref)
            entity.append(number)
        }
        func pairs(_ file: String, _ columns: [String], sameSource: Bool) throws -> (Set<UInt64>, (String, String)?) {
            // A corpus of one list has no links, one without duplicates none: a header alone.
            if let text = try? String(contentsOfFile: truthDir + "/" + file, encoding: .utf8),
               text.split(whereSeparator: \.isNewline).count <= 1
            {
                return ([], nil)
            }
            let t = try Evaluation.readPlain(truthDir + "/" + file, columns: columns)
            var set = Set<UInt64>()
            set.reserveCapacity(t.rows)
            var first: (String, String)?
            for r in 0 ..< t.rows {
                let a = RecordRef(source: t.value(0, r), id: t.value(1, r))
                let b = sameSource ? RecordRef(source: a.source, id: t.value(2, r))
                    : RecordRef(source: t.value(2, r), id: t.value(3, r))
                guard let x = index[Evaluation.key(a)], let y = index[Evaluation.key(b)] else {
                    throw PadanError(.badInput, file: truthDir + "/" + file, line: r + 2,
                                     "pair \(a) – \(b) names a record that is not in entities.csv")
                }
                if first == nil { first = (a.source, b.source) }
                set.insert(Evaluation.pack(x, y))
            }
            return (set, first)
        }
        let (links, sides) = try pairs("links.csv", ["left_source", "left_id", "right_source", "right_id"], sameSource: false)
        let (dups, _) = try pairs("duplicates.csv", ["source", "id_a", "id_b"], sameSource: true)
        return EvaluationTruth(records: records, entity: entity, index: index, sources: sources, listSizes: sizes,
                               links: links, duplicates: dups, defaultSides: sides.map { (left: $0.0, right: $0.1) })
    }

    /// The record number of `ref`, if the truth knows it.
    func number(_ ref: RecordRef) -> Int32? { index[Evaluation.key(ref)] }

    /// Whether records `a` and `b` are the same entity.
    func same(_ a: Int32, _ b: Int32) -> Bool { entity[Int(a)] == entity[Int(b)] }
}
