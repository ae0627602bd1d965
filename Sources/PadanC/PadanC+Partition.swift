import Foundation
import Padan

// The partitioned path's C functions (padan.h, "A link spread over a cluster"): the three calls
// of `PartitionLinker`, with arrays the caller allocates, for the Python package's Spark path.

/// The link settings of a configuration's text, as `padan_link` takes them.
func linkSettings(_ configYAML: UnsafePointer<CChar>?) throws -> LinkSettings {
    let yaml = configYAML.map { String(cString: $0) } ?? ""
    let configuration = yaml.isEmpty ? Configuration() : try Configuration.parse(yaml, file: "config")
    var settings = configuration.link
    if !configuration.referenceYearGiven { settings.referenceYear = thisYear() }
    return settings
}

func tableHandle(_ handle: OpaquePointer?, _ what: String) throws -> Table {
    guard let box = Handles.shared.get(handle, as: TableBox.self) else {
        throw CError(code: padanHandle, message: "\(what) is not a table handle")
    }
    return box.table
}

func array<T>(_ pointer: UnsafeMutablePointer<T>?, _ what: String) throws -> UnsafeMutablePointer<T> {
    guard let pointer else { throw CError(code: padanUsage, message: "\(what) is NULL") }
    return pointer
}

func array<T>(_ pointer: UnsafePointer<T>?, _ what: String) throws -> UnsafePointer<T> {
    guard let pointer else { throw CError(code: padanUsage, message: "\(what) is NULL") }
    return pointer
}

private struct ConfigDescription: Encodable {
    var rules: [String]
    var comparisons: [String]
    var threshold: Double
    var review_threshold: Double
    var max_block_pairs: Int
    var max_cluster_size: Int
    var shared_nik_people: Int
    var family_max_size: Int
    var frequency_kinds: Int
}

@_cdecl("padan_config_describe")
public func padan_config_describe(
    _ configYAML: UnsafePointer<CChar>?, _ json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let out = try output(json)
        let s = try linkSettings(configYAML)
        // What a partitioned run cannot honour is refused here, before any job starts.
        _ = try PartitionLinker(settings: s)
        let d = ConfigDescription(rules: s.blocking.map(\.name), comparisons: s.comparisons.map(\.name), threshold: s.threshold,
                                  review_threshold: s.reviewThreshold, max_block_pairs: s.maxBlockPairs,
                                  max_cluster_size: s.maxClusterSize, shared_nik_people: PartitionLinker.sharedNIKPeople,
                                  family_max_size: PartitionLinker.familyMaxSize, frequency_kinds: PartitionLinker.frequencyKinds)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        out.pointee = cString(Array(try encoder.encode(d)))
    }
}

@_cdecl("padan_partition_nik_evidence")
public func padan_partition_nik_evidence(
    _ table: OpaquePointer?, _ configYAML: UnsafePointer<CChar>?, _ nik: UnsafeMutablePointer<UInt64>?,
    _ birthDate: UnsafeMutablePointer<Int32>?, _ firstName: UnsafeMutablePointer<UInt64>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let t = try tableHandle(table, "table")
        let nik = try array(nik, "nik"), birthDate = try array(birthDate, "birth_date"), firstName = try array(firstName, "first_name")
        let e = try PartitionLinker(settings: linkSettings(configYAML)).nikEvidence(t)
        for r in 0 ..< t.rowCount {
            nik[r] = e.nik[r]
            birthDate[r] = e.birthDate[r]
            firstName[r] = e.firstName[r]
        }
    }
}

@_cdecl("padan_partition_shared_nik")
public func padan_partition_shared_nik(
    _ count: Int32, _ birthDate: UnsafePointer<Int32>?, _ firstName: UnsafePointer<UInt64>?,
    _ shared: UnsafeMutablePointer<Int32>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        guard count >= 0 else { throw CError(code: padanUsage, message: "count \(count) is negative") }
        let out = try array(shared, "shared"), n = Int(count)
        let bd = try array(birthDate, "birth_date"), fn = try array(firstName, "first_name")
        out.pointee = PartitionLinker.isSharedNIK(birthDates: (0 ..< n).map { bd[$0] }, firstNames: (0 ..< n).map { fn[$0] }) ? 1 : 0
    }
}

@_cdecl("padan_partition_keys")
public func padan_partition_keys(
    _ table: OpaquePointer?, _ configYAML: UnsafePointer<CChar>?, _ sharedNIK: UnsafePointer<UInt8>?,
    _ ruleKeys: UnsafeMutablePointer<UInt64>?, _ frequencyKeys: UnsafeMutablePointer<UInt64>?,
    _ family: UnsafeMutablePointer<UInt64>?, _ birthDate: UnsafeMutablePointer<Int32>?, _ firstName: UnsafeMutablePointer<UInt64>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let t = try tableHandle(table, "table"), n = t.rowCount
        let shared = try array(sharedNIK, "shared_nik"), ruleKeys = try array(ruleKeys, "rule_keys")
        let frequencyKeys = try array(frequencyKeys, "frequency_keys"), family = try array(family, "family")
        let birthDate = try array(birthDate, "birth_date"), firstName = try array(firstName, "first_name")
        let keys = try PartitionLinker(settings: linkSettings(configYAML)).keys(t, sharedNIKs: (0 ..< n).map { shared[$0] != 0 })
        for (k, rule) in keys.rules.enumerated() { for r in 0 ..< n { ruleKeys[k * n + r] = rule[r] } }
        for (k, kind) in keys.frequency.enumerated() { for r in 0 ..< n { frequencyKeys[k * n + r] = kind[r] } }
        for r in 0 ..< n {
            family[r] = keys.family[r]
            birthDate[r] = keys.birthDate[r]
            firstName[r] = keys.firstName[r]
        }
    }
}

/// What `padan_table_key_fields` returns: per key role of `links.csv`, each record's value.
@_cdecl("padan_table_key_fields")
public func padan_table_key_fields(
    _ table: OpaquePointer?, _ json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let out = try output(json)
        let t = try tableHandle(table, "table")
        let fields = Dictionary(uniqueKeysWithValues: LinkOutput.keyRoles.map { role in
            (role.rawValue, (0 ..< t.rowCount).map { t.value(role, row: $0) })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        out.pointee = cString(Array(try encoder.encode(fields)))
    }
}

@_cdecl("padan_partition_pairs")
public func padan_partition_pairs(
    _ tables: UnsafePointer<OpaquePointer?>?, _ count: Int32, _ scope: Int32, _ configYAML: UnsafePointer<CChar>?,
    _ modelJSON: UnsafePointer<CChar>?, _ sharedNIK: UnsafePointer<UInt8>?, _ counts: UnsafePointer<Int32>?,
    _ frequencies: UnsafePointer<Double>?, _ rule: Int32, _ earlier: UnsafePointer<UInt64>?,
    _ pairsCSV: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let out = try output(pairsCSV)
        guard let tables, count > 0 else { throw CError(code: padanUsage, message: "no tables") }
        let lists = try (0 ..< Int(count)).map { try tableHandle(tables[$0], "tables[\($0)]") }
        let kind = try linkScope(scope)
        let model = try MatchModel.decode(Data(try text(modelJSON, "the model").utf8), file: "model")
        let settings = try linkSettings(configYAML)
        let linker = try PartitionLinker(settings: settings)
        guard rule >= 0 && Int(rule) < settings.blocking.count else {
            throw CError(code: padanUsage, message: "rule \(rule) is not one of the \(settings.blocking.count) blocking rules")
        }
        let n = lists.reduce(0) { $0 + $1.rowCount }, k = Int(rule)
        let (flags, perRecord, frequency) = try bodyCounts(lists, sharedNIK, counts, frequencies)
        let earlierKeys = k == 0 ? [] : try (0 ..< k).map { j -> [UInt64] in
            let e = try array(earlier, "earlier")
            return (0 ..< n).map { e[j * n + $0] }
        }
        let scored = try linker.pairs(lists, sharedNIKs: flags, counts: perRecord,
                                      frequencies: frequency, rule: k, earlier: earlierKeys, model: model, scope: kind)
        out.pointee = cString(PartitionLinker.pairsCSV(scored, model: model))
    }
}

/// The shared-NIK flags (per list), counts (per kind, per record) and ``PartitionLinker/Frequencies``
/// of the whole body of records, from the C arrays of `padan_partition_pairs` and `padan_partition_train`.
private func bodyCounts(_ lists: [Table], _ sharedNIK: UnsafePointer<UInt8>?, _ counts: UnsafePointer<Int32>?,
                        _ frequencies: UnsafePointer<Double>?) throws -> ([[Bool]], [[Int32]], PartitionLinker.Frequencies) {
    let n = lists.reduce(0) { $0 + $1.rowCount }, kinds = PartitionLinker.frequencyKinds
    let shared = try array(sharedNIK, "shared_nik"), counts = try array(counts, "counts"), f = try array(frequencies, "frequencies")
    var flags: [[Bool]] = [], start = 0
    for t in lists {
        flags.append((start ..< start + t.rowCount).map { shared[$0] != 0 })
        start += t.rowCount
    }
    let given = (0 ..< 4 + kinds).map { f[$0] }
    guard given.allSatisfy({ $0.isFinite && $0 >= 0 }), given[0] < 1e15, given[0] >= Double(n),
          given[2] < 1e15, given[3] <= given[2], given[4...].allSatisfy({ $0 > 0 })
    else {
        throw CError(code: padanUsage, message: "frequencies: expected the total (at least the \(n) records given), the mean name frequency, the families' pairs, those born on one day (no more than the pairs) and \(kinds) positive mean counts, not \(given)")
    }
    let frequency = PartitionLinker.Frequencies(total: Int(f[0]), means: (0 ..< kinds).map { f[4 + $0] },
                                                meanNameFrequency: f[1], familyPairs: Int(f[2]), sameDay: Int(f[3]))
    return (flags, (0 ..< kinds).map { c in (0 ..< n).map { counts[c * n + $0] } }, frequency)
}

/// The scope numbers of padan.h.
private func linkScope(_ scope: Int32) throws -> Linker.Scope {
    let scopes: [Int32: Linker.Scope] = [0: .linkAndDedupe, 1: .link, 2: .dedupe]
    guard let kind = scopes[scope] else { throw CError(code: padanUsage, message: "scope \(scope) is not one of 0 (link and dedupe), 1 (link), 2 (dedupe)") }
    return kind
}

@_cdecl("padan_partition_train")
public func padan_partition_train(
    _ tables: UnsafePointer<OpaquePointer?>?, _ count: Int32, _ scope: Int32, _ configYAML: UnsafePointer<CChar>?,
    _ sharedNIK: UnsafePointer<UInt8>?, _ counts: UnsafePointer<Int32>?, _ frequencies: UnsafePointer<Double>?,
    _ modelJSON: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let out = try output(modelJSON)
        guard let tables, count > 0 else { throw CError(code: padanUsage, message: "no tables") }
        let lists = try (0 ..< Int(count)).map { try tableHandle(tables[$0], "tables[\($0)]") }
        let kind = try linkScope(scope)
        let (flags, perRecord, frequency) = try bodyCounts(lists, sharedNIK, counts, frequencies)
        let model = try PartitionLinker(settings: linkSettings(configYAML))
            .train(lists, sharedNIKs: flags, counts: perRecord, frequencies: frequency, scope: kind)
        out.pointee = cString(try LinkOutput.json(model))
    }
}

@_cdecl("padan_cluster_id")
public func padan_cluster_id(
    _ listName: UnsafePointer<CChar>?, _ recordID: UnsafePointer<CChar>?,
    _ id: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guarded(error) {
        let out = try output(id)
        out.pointee = cString(Array(Clusters.id(list: try text(listName, "the list name"), record: try text(recordID, "the record id")).utf8))
    }
}
