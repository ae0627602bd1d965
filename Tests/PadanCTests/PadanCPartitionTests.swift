import Foundation
import Testing
@testable import Padan
@testable import PadanC

/// The partitioned path's C functions (what padan.spark calls), called as a C program would: one
/// partition holding both lists whole gives one machine's scored pairs for a rule, and bad
/// handles, models, rules and frequencies give error codes, not crashes.
@Suite struct PadanCPartitionTests {
    typealias C = PadanCTests

    /// Runs step 1 and 2 over `tables` (each a whole list) and step 3 for `rule`, as padan.spark
    /// does with one partition; returns the code, the pairs' CSV and the error.
    static func pairs(_ tables: [OpaquePointer?], rows: [Int], model: String, rule: Int32,
                      frequencies override: [Double]? = nil)
        -> (code: Int32, csv: String, error: String, counts: [Int32], frequencies: [Double], earlier: [UInt64]) {
        let n = rows.reduce(0, +), kinds = PartitionLinker.frequencyKinds, rules = LinkSettings.indonesianDefault.blocking.count
        var ruleKeys: [[UInt64]] = [], frequencyKeys = [[UInt64]](repeating: [], count: kinds)
        for (t, r) in zip(tables, rows) {
            var nik = [UInt64](repeating: 0, count: r), fn = [UInt64](repeating: 0, count: r), bd = [Int32](repeating: 0, count: r)
            #expect(padan_partition_nik_evidence(t, nil, &nik, &bd, &fn, nil) == 0)
            let shared = [UInt8](repeating: 0, count: r)
            var rk = [UInt64](repeating: 0, count: rules * r), fk = [UInt64](repeating: 0, count: kinds * r)
            var fam = [UInt64](repeating: 0, count: r)
            #expect(padan_partition_keys(t, nil, shared, &rk, &fk, &fam, &bd, &fn, nil) == 0)
            ruleKeys.append(rk)
            for k in 0 ..< kinds { frequencyKeys[k] += fk[k * r ..< (k + 1) * r] }
        }
        var counts: [Int32] = []
        var means: [Double] = []
        for keys in frequencyKeys {
            let c = Dictionary(keys.filter { $0 != 0 }.map { ($0, Int32(1)) }, uniquingKeysWith: +)
            let each = keys.map { $0 == 0 ? 0 : c[$0]! }
            counts += each
            let present = each.filter { $0 > 0 }
            means.append(present.isEmpty ? 1 : Double(present.reduce(0) { $0 + Int($1) }) / Double(present.count))
        }
        let meanName = counts[0 ..< n].reduce(0.0) { $0 + Double(Float($1) / Float(n)) } / Double(n)
        let frequencies = override ?? ([Double(n), meanName, 0, 0] + means)
        // Rule `rule`'s earlier rules' keys, rule by rule over all records in list order.
        var earlier: [UInt64] = []
        for j in 0 ..< min(Int(rule), rules) {
            for (r, rk) in zip(rows, ruleKeys) { earlier += rk[j * r ..< (j + 1) * r] }
        }
        if earlier.isEmpty { earlier = [0] }
        let shared = [UInt8](repeating: 0, count: n)
        var out: UnsafeMutablePointer<CChar>?, error: UnsafeMutablePointer<CChar>?
        let code = tables.withUnsafeBufferPointer { t in
            model.withCString { padan_partition_pairs(t.baseAddress, Int32(t.count), 0, nil, $0, shared, counts, frequencies, rule, earlier, &out, &error) }
        }
        return (code, C.take(out), C.take(error), counts, frequencies, earlier)
    }

    @Test func onePartitionScoresWhatOneMachineScores() throws {
        let a = try C.read(C.corpus("provinsi.csv")), b = try C.read(C.corpus("kota.csv"))
        defer { _ = padan_table_free(a); _ = padan_table_free(b) }
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: C.corpus($0)) }
        let whole = try Linker().link(tables, scope: .linkAndDedupe)
        let model = String(decoding: try JSONEncoder().encode(whole.model), as: UTF8.self)
        let rule1 = Self.pairs([a, b], rows: [2000, 2000], model: model, rule: 1)
        #expect(rule1.code == 0, "\(rule1.error)")
        let lines = rule1.csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("left_list,left_row,right_list,right_row,weight,match_probability") == true)
        #expect(lines.count > 10)
        // The same inputs handed to the library directly: the C layer's flattening (counts kind by
        // kind, earlier keys rule by rule) reaches it as meant.
        let n = 4000, kinds = PartitionLinker.frequencyKinds, f = rule1.frequencies
        let direct = try PartitionLinker(settings: .indonesianDefault).pairs(
            tables, sharedNIKs: [[Bool](repeating: false, count: 2000), [Bool](repeating: false, count: 2000)],
            counts: (0 ..< kinds).map { Array(rule1.counts[$0 * n ..< ($0 + 1) * n]) },
            frequencies: .init(total: Int(f[0]), means: Array(f[4...]), meanNameFrequency: f[1], familyPairs: Int(f[2]), sameDay: Int(f[3])),
            rule: 1, earlier: [Array(rule1.earlier[0 ..< n])], model: whole.model, scope: .linkAndDedupe)
        #expect(String(decoding: PartitionLinker.pairsCSV(direct, model: whole.model), as: UTF8.self) == rule1.csv)
        #expect(direct.allSatisfy { $0.rule == LinkSettings.indonesianDefault.blocking[1].name && $0.probability >= 0.2 })
    }

    @Test func trainingThroughTheCABIIsPartitionLinkersModel() throws {
        let a = try C.read(C.corpus("provinsi.csv")), b = try C.read(C.corpus("kota.csv"))
        defer { _ = padan_table_free(a); _ = padan_table_free(b) }
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: C.corpus($0)) }
        // The counts over all records, as padan.spark makes them (the pairs helper's steps 1 and 2;
        // it counts no families, so the twin rate is the default).
        let counted = Self.pairs([a, b], rows: [2000, 2000], model: "{", rule: 0)
        let f = counted.frequencies, kinds = PartitionLinker.frequencyKinds
        let expected = try PartitionLinker(settings: .indonesianDefault).train(
            tables, sharedNIKs: [[Bool]](repeating: [Bool](repeating: false, count: 2000), count: 2),
            counts: (0 ..< kinds).map { Array(counted.counts[$0 * 4000 ..< ($0 + 1) * 4000]) },
            frequencies: .init(total: Int(f[0]), means: Array(f[4...]), meanNameFrequency: f[1], familyPairs: 0, sameDay: 0),
            scope: .linkAndDedupe)
        let shared = [UInt8](repeating: 0, count: 4000)
        var out: UnsafeMutablePointer<CChar>?, error: UnsafeMutablePointer<CChar>?
        let code = [a, b].withUnsafeBufferPointer { t in
            padan_partition_train(t.baseAddress, 2, 0, nil, shared, counted.counts, counted.frequencies, &out, &error)
        }
        #expect(code == 0, "\(C.take(error))")
        #expect(C.take(out) == String(decoding: try LinkOutput.json(expected), as: UTF8.self))
        // A bad handle, no output pointer, a scope that is not one, frequencies that are not numbers.
        let bogus = OpaquePointer(bitPattern: 0xDEAD_BEE0)
        #expect([bogus, b].withUnsafeBufferPointer { padan_partition_train($0.baseAddress, 2, 0, nil, shared, counted.counts, counted.frequencies, &out, nil) } == 4)
        #expect([a, b].withUnsafeBufferPointer { padan_partition_train($0.baseAddress, 2, 0, nil, shared, counted.counts, counted.frequencies, nil, nil) } == 2)
        #expect([a, b].withUnsafeBufferPointer { padan_partition_train($0.baseAddress, 2, 7, nil, shared, counted.counts, counted.frequencies, &out, nil) } == 2)
        let nan = [Double.nan] + counted.frequencies.dropFirst()
        #expect([a, b].withUnsafeBufferPointer { padan_partition_train($0.baseAddress, 2, 0, nil, shared, counted.counts, nan, &out, nil) } == 2)
        #expect(padan_partition_train(nil, 0, 0, nil, nil, nil, nil, &out, nil) == 2)
    }

    @Test func keyFieldsAreWhatLinksShowDerivedColumnsIncluded() throws {
        // A name in parts and a TTL column: links.csv shows the joined name and the date split off.
        let names = ["NIK", "NAMA DEPAN", "NAMA BELAKANG", "TTL", "DESA_KELURAHAN"]
        let values: [String?] = ["3204161101980003", "3204160508040002", "SITI", "AGUS", "AMINAH", nil,
                                 "BANDUNG, 11-01-1998", "08-05-2004", "BAROS", nil]
        var table: OpaquePointer?
        let created = try C.withCStrings(names) { n in
            try C.withCStrings(values) { v in "daftar".withCString { padan_table_create($0, 5, n, 2, v, &table, nil) } }
        }
        #expect(created == 0)
        defer { _ = padan_table_free(table) }
        var out: UnsafeMutablePointer<CChar>?
        #expect(padan_table_key_fields(table, &out, nil) == 0)
        let fields = try JSONDecoder().decode([String: [String]].self, from: Data(C.take(out).utf8))
        let t = try Table(name: "daftar", columns: names.indices.map { c in (name: names[c], values: [values[2 * c], values[2 * c + 1]]) })
        for role in LinkOutput.keyRoles {
            #expect(fields[role.rawValue] == [t.value(role, row: 0), t.value(role, row: 1)], "\(role)")
        }
        #expect(fields["name"] == ["SITI AMINAH", "AGUS"])
        #expect(fields["birth_date"]?.allSatisfy { !$0.isEmpty } == true)
        #expect(fields["village"] == ["BAROS", ""])
        let bogus = OpaquePointer(bitPattern: 0xDEAD_BEE0)
        #expect(padan_table_key_fields(bogus, &out, nil) == 4)
        #expect(padan_table_key_fields(table, nil, nil) == 2)
    }

    @Test func badInputsGiveCodesNotCrashes() throws {
        let a = try C.read(C.corpus("provinsi.csv")), b = try C.read(C.corpus("kota.csv"))
        defer { _ = padan_table_free(a); _ = padan_table_free(b) }
        let tables = try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: C.corpus($0)) }
        let model = String(decoding: try JSONEncoder().encode(try Linker().link(tables).model), as: UTF8.self)
        let bogus = OpaquePointer(bitPattern: 0xDEAD_BEE0)
        // A made-up handle, in each step.
        var nik = [UInt64](repeating: 0, count: 1), fn = nik, bd = [Int32](repeating: 0, count: 1)
        #expect(padan_partition_nik_evidence(bogus, nil, &nik, &bd, &fn, nil) == 4)
        #expect(padan_partition_nik_evidence(a, nil, nil, &bd, &fn, nil) == 2)
        #expect(padan_partition_keys(bogus, nil, nil, nil, nil, nil, nil, nil, nil) == 4)
        // A model that is not one, a rule that is not there, frequencies that are not numbers.
        let badModel = Self.pairs([a, b], rows: [2000, 2000], model: "{", rule: 0)
        #expect(badModel.code == 2 && badModel.error.contains("model"), "\(badModel.error)")
        let noRule = Self.pairs([a, b], rows: [2000, 2000], model: model, rule: 99)
        #expect(noRule.code == 2 && noRule.error.contains("rule 99"))
        let nan = Self.pairs([a, b], rows: [2000, 2000], model: model, rule: 0, frequencies: [.nan, 0, 0, 0, 1, 1, 1, 1])
        #expect(nan.code == 2 && nan.error.contains("frequencies"), "\(nan)")
        let few = Self.pairs([a, b], rows: [2000, 2000], model: model, rule: 0, frequencies: [10, 0, 0, 0, 1, 1, 1, 1])
        #expect(few.code == 2, "a total below the records given")
        // Settings a partition cannot honour, and a bad configuration.
        var out: UnsafeMutablePointer<CChar>?, error: UnsafeMutablePointer<CChar>?
        let oneToOne = "one_to_one: true\n".withCString { padan_config_describe($0, &out, &error) }
        #expect(oneToOne == 2 && C.take(error).contains("one_to_one"))
        let badConfig = "threshold: 7\n".withCString { padan_config_describe($0, &out, &error) }
        #expect(badConfig == 2 && !C.take(error).isEmpty)
        #expect(padan_config_describe(nil, nil, nil) == 2)
        let sameDay = Self.pairs([a, b], rows: [2000, 2000], model: model, rule: 0, frequencies: [4000, 0, 100, 101, 1, 1, 1, 1])
        #expect(sameDay.code == 2, "more same-day pairs than pairs")
        // The shared-NIK test: three unrelated people share a NIK; with two born on one day, two
        // people do not; without arrays, an error.
        var shared: Int32 = -1
        #expect(padan_partition_shared_nik(3, [19800101, 19900202, 20000303], [11, 22, 33], &shared, nil) == 0 && shared == 1)
        #expect(padan_partition_shared_nik(3, [19800101, 19800101, 20000303], [11, 22, 33], &shared, nil) == 0 && shared == 0)
        #expect(padan_partition_shared_nik(4, [19800101, 0, 0, 20000303], [11, 11, 22, 33], &shared, nil) == 0 && shared == 1)
        #expect(padan_partition_shared_nik(3, nil, nil, &shared, nil) == 2)
        let described = "".withCString { padan_config_describe($0, &out, &error) }
        let json = C.take(out)
        #expect(described == 0 && json.contains("\"shared_nik_people\":3") && json.contains("\"family_max_size\":30"), "\(json)")
        #expect(padan_cluster_id(nil, nil, &out, nil) == 2)
    }
}
