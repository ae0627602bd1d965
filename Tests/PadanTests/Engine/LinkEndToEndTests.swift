import Foundation
import Testing
@testable import Padan

/// The engine on the shipped corpora, against their truth.
@Suite struct LinkEndToEndTests {
    static func corpus(_ name: String) -> String { repositoryRoot + "/corpora/" + name }

    static func read(_ corpus: String) throws -> [Table] {
        try ["provinsi.csv", "kota.csv"].map { try TableReader.read(path: self.corpus(corpus) + "/" + $0) }
    }

    static func evaluate(_ result: LinkResult, corpus: String) throws -> LinkEvaluation {
        let truth = try EvaluationTruth.load(directory: self.corpus(corpus))
        let predicted = result.links.map { link in
            RecordPair(
                left: RecordRef(source: result.tables[link.left.list].name, id: result.tables[link.left.list].id(row: link.left.row)),
                right: RecordRef(source: result.tables[link.right.list].name, id: result.tables[link.right.list].id(row: link.right.row)))
        }
        return LinkEvaluation(truth: truth, predicted: predicted)
    }

    @Test func linksTheSmallCorpusWithoutLabels() throws {
        let result = try Linker().link(try Self.read("synth-2k"))
        let scores = try Self.evaluate(result, corpus: "synth-2k").crossList
        #expect(scores.precision >= 0.99, "\(scores)")
        #expect(scores.recall >= 0.99, "\(scores)")
        #expect(result.model.warnings.isEmpty, "\(result.model.warnings)")
    }

    @Test func findsDoubleRegistrationsWithinEachList() throws {
        let result = try Linker().link(try Self.read("synth-2k"), scope: .dedupe)
        #expect(result.links.allSatisfy { $0.left.list == $0.right.list })
        let scores = try #require(try Self.evaluate(result, corpus: "synth-2k").withinList)
        #expect(scores.precision >= 0.98 && scores.recall >= 0.98, "\(scores)")
    }

    @Test func linksAndDeduplicatesInOneModel() throws {
        let result = try Linker().link(try Self.read("synth-2k"), scope: .linkAndDedupe)
        let evaluation = try Self.evaluate(result, corpus: "synth-2k")
        let within = try #require(evaluation.withinList)
        #expect(evaluation.crossList.f1 >= 0.99, "\(evaluation.crossList)")
        #expect(within.f1 >= 0.98, "\(within)")
    }

    /// The joint run trains each kind of pair apart, exactly as `link` and `dedupe` alone would:
    /// so it finds what each finds, with the same weights, and no fewer doubles for also linking.
    @Test func jointRunFindsExactlyWhatLinkAndDedupeFindAlone() throws {
        let tables = try Self.read("synth-2k")
        let joint = try Linker().link(tables, scope: .linkAndDedupe)
        let across = try Linker().link(tables, scope: .link), within = try Linker().link(tables, scope: .dedupe)
        func keyed(_ links: [ScoredPair]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: links.map { ("\($0.left.list):\($0.left.row)-\($0.right.list):\($0.right.row)", $0.weight) })
        }
        let expected = keyed(across.links).merging(keyed(within.links)) { a, _ in a }
        #expect(keyed(joint.links) == expected)
        #expect(!within.links.isEmpty && !across.links.isEmpty)
        #expect(joint.model.comparisons == across.model.comparisons)
        #expect(joint.model.comparisonsWithin == within.model.comparisons)
        #expect(joint.model.lambda == across.model.lambda && joint.model.lambdaWithin == within.model.lambda)
        // Saved and read back, the model weighs the joint run's pairs the same.
        let path = NSTemporaryDirectory() + "padan-joint-model-\(ProcessInfo.processInfo.processIdentifier).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try JSONEncoder().encode(joint.model).write(to: URL(fileURLWithPath: path))
        let again = try Linker().link(tables, scope: .linkAndDedupe, model: try MatchModel.load(path: path))
        #expect(keyed(again.links) == keyed(joint.links))
        // A model file whose within-list set does not match its across-list one is refused.
        var broken = joint.model
        broken.comparisonsWithin?[0].name = "renamed"
        try JSONEncoder().encode(broken).write(to: URL(fileURLWithPath: path))
        #expect { try MatchModel.load(path: path) } throws: { ($0 as? PadanError)?.message.contains("within-list comparisons") ?? false }
        broken = joint.model
        broken.comparisonsWithin?[0].u.removeLast()
        try JSONEncoder().encode(broken).write(to: URL(fileURLWithPath: path))
        #expect { try MatchModel.load(path: path) } throws: { ($0 as? PadanError)?.message.contains("levels but") ?? false }
    }

    @Test func oneToOneKeepsTheStrongestLinkPerRecordAndMovesTheRestToReview() throws {
        let tables = try Self.read("synth-2k")
        let all = try Linker().link(tables)
        var settings = LinkSettings.indonesianDefault
        settings.oneToOne = true
        let one = try Linker(settings: settings).link(tables)
        let lefts = one.links.map(\.left), rights = one.links.map(\.right)
        #expect(Set(lefts).count == lefts.count && Set(rights).count == rights.count)
        #expect(one.displacedByOneToOne > 0)
        #expect(one.links.count + one.displacedByOneToOne == all.links.count)
        #expect(one.review.count == all.review.count + one.displacedByOneToOne)
        #expect(LinkSummary(result: one, settings: settings).accountingHolds)
        let scores = try Self.evaluate(one, corpus: "synth-2k").crossList
        #expect(scores.precision >= 0.99, "\(scores)")
    }

    @Test func threeListsLinkedAndDeduplicatedIntoPeople() throws {
        let tables = try ["nasional.csv", "provinsi.csv", "kota.csv"].map {
            try TableReader.read(path: Self.corpus("three-lists-2k") + "/" + $0)
        }
        let result = try Linker().link(tables, scope: .linkAndDedupe)
        let clusters = Clusters(result: result)
        let truth = try EvaluationTruth.load(directory: Self.corpus("three-lists-2k"))
        let assignment = clusters.members.enumerated().flatMap { c, group in
            group.map { (RecordRef(source: tables[$0.list].name, id: tables[$0.list].id(row: $0.row)), clusters.ids[c]) }
        }
        let scores = ClusterEvaluation(truth: truth, assignment: assignment).pairwise
        #expect(scores.f1 >= 0.99, "\(scores)")
        let summary = LinkSummary(result: result, settings: .indonesianDefault, clusters: clusters)
        #expect(summary.overlap?["nasional+provinsi+kota"] ?? 0 > 0)
        #expect(summary.overlap?.values.reduce(0, +) == clusters.members.count)
    }

    @Test func sameOutputForAnyThreadCount() throws {
        let tables = try Self.read("synth-2k")
        var one = LinkSettings.indonesianDefault
        one.threads = 1
        var four = one
        four.threads = 4
        let a = try Linker(settings: one).link(tables), b = try Linker(settings: four).link(tables)
        #expect(a.model == b.model)
        #expect(a.links.count == b.links.count)
        for (x, y) in zip(a.links, b.links) {
            #expect(x.left == y.left && x.right == y.right && x.weight == y.weight && x.levels == y.levels)
        }
        #expect(a.review.map(\.left) == b.review.map(\.left))
        #expect(a.blocking == b.blocking)
    }

    @Test func everyRowIsAccountedFor() throws {
        let result = try Linker().link(try Self.read("synth-2k"))
        let summary = LinkSummary(result: result, settings: .indonesianDefault)
        #expect(summary.accountingHolds)
        for (i, t) in result.tables.enumerated() {
            let linked = Set(result.links.flatMap { [$0.left, $0.right] }.filter { $0.list == i }.map(\.row))
            #expect(linked.count + result.unmatched[i].count == t.rowCount)
            #expect(linked.isDisjoint(with: result.unmatched[i]))
        }
    }

    @Test func aGivenModelIsUsedAsItIs() throws {
        let tables = try Self.read("synth-2k")
        let trained = try Linker().link(tables)
        let reused = try Linker().link(tables, model: trained.model)
        #expect(reused.model == trained.model)
        #expect(reused.links.map(\.weight) == trained.links.map(\.weight))
    }

    @Test func aModelForOtherComparisonsIsRefused() throws {
        let tables = try Self.read("synth-2k")
        var model = try Linker().link(tables).model
        model.comparisons.removeLast()
        #expect(throws: PadanError.self) { try Linker().link(tables, model: model) }
    }

    @Test func linkingNeedsTwoLists() throws {
        let tables = try Self.read("synth-2k")
        #expect(throws: PadanError.self) { try Linker().link([tables[0]]) }
    }

    @Test func aListOfTwoRecordsTrainsAFiniteModel() throws {
        // Two records whose NIKs share the first 12 digits: one pair, the NIK neighbourhood a
        // single partner. The start of the prior was 2 (two records, one pair), and the
        // neighbourhood's levels took more than all of u: NaN weights, and a crash.
        let table = try Table(name: "dua", columns: [
            (name: "NIK", values: ["3273011203809999", "3273011203809998"]),
            (name: "NAMA", values: ["B ZZ", "C YY"]),
            (name: "TGL LAHIR", values: ["01-01-1970", "01-01-1971"]),
        ])
        for scope in [Linker.Scope.dedupe, .linkAndDedupe] {
            let result = try Linker().link([table], scope: scope)
            #expect(result.model.lambda > 0 && result.model.lambda <= 0.5, "\(scope)")
            #expect(result.model.comparisons.allSatisfy { c in (c.m + c.u).allSatisfy { $0.isFinite && $0 > 0 } }, "\(scope)")
            #expect(result.links.isEmpty && result.review.isEmpty, "different names, different birth dates")
        }
    }
}

/// `padan link` as a user runs it.
@Suite struct LinkCommandTests {
    let dir = TemporaryDirectory()
    let left = LinkEndToEndTests.corpus("synth-2k") + "/provinsi.csv"
    let right = LinkEndToEndTests.corpus("synth-2k") + "/kota.csv"

    @Test func writesEveryOutputAndRefusesToOverwriteWithoutForce() throws {
        let out = dir.file("hasil")
        let r = try PadanProcess.run(["link", left, right, "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("provinsi: 2000 baris dibaca (2000 data, 0 ditolak)"), "\(r.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["clusters.csv", "hasil.xlsx", "links.csv", "model.json", "rejected.csv", "report-data.json", "report.html", "review.csv", "review.xlsx", "summary.json", "unmatched_kota.csv", "unmatched_provinsi.csv"])
        let links = try String(contentsOfFile: out + "/links.csv", encoding: .utf8)
        #expect(links.hasPrefix("left_id,right_id,match_probability,match_weight,left_name,left_nik,left_birth_date,left_village,right_name,right_nik,right_birth_date,right_village,nik_level,nik_weight,name_level,"))
        let again = try PadanProcess.run(["link", left, right, "--out", out])
        #expect(again.status == 1)
        #expect(again.stderr.contains("the output directory exists; use --force to replace it"))
        let forced = try PadanProcess.run(["link", left, right, "--out", out, "--force", "--model", out + "/model.json"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: out + "/links.csv", encoding: .utf8) == links)
        // No temporary directories are left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func theCommandWritesTheSameFilesForOneAndFourThreads() throws {
        for threads in ["1", "4"] {
            let r = try PadanProcess.run(["link", left, right, "--out", dir.file("t" + threads), "--threads", threads])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for file in ["links.csv", "review.csv", "unmatched_provinsi.csv", "unmatched_kota.csv", "model.json", "clusters.csv"] {
            let one = FileManager.default.contents(atPath: dir.file("t1/" + file))
            let four = FileManager.default.contents(atPath: dir.file("t4/" + file))
            #expect(one != nil && one == four, "\(file)")
        }
    }

    @Test func unmatchedFilesCarryTheOriginalRows() throws {
        let out = dir.file("hasil")
        _ = try PadanProcess.run(["link", left, right, "--out", out])
        let unmatched = try TableReader.read(path: out + "/unmatched_kota.csv")
        let original = try TableReader.read(path: right)
        #expect(unmatched.columnNames == original.columnNames)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let lists = summary["lists"] as! [[String: Any]]
        #expect(lists[1]["unmatched"] as? Int == unmatched.rowCount)
        #expect(summary["accountingHolds"] as? Bool == true)
    }

    @Test func badConfigurationIsAClearError() throws {
        let config = dir.write("padan.yaml", "link:\n  blocking:\n    - [nik_prefix13]\n")
        let r = try PadanProcess.run(["link", left, right, "--out", dir.file("x"), "--config", config])
        #expect(r.status == 1)
        #expect(r.stderr.contains("padan.yaml:3: link.blocking[0]: unknown blocking field 'nik_prefix13'"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("x")))
    }
}

/// Interrupting `padan link` leaves the previous results and no partial files.
@Suite struct InterruptedLinkTests {
    @Test func sigintLeavesThePreviousOutputIntact() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("hasil")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        dir.write("hasil/links.csv", "previous\n")
        let corpus = LinkEndToEndTests.corpus("synth-10k")
        let process = Process()
        process.executableURL = PadanProcess.executable
        process.arguments = ["link", corpus + "/provinsi.csv", corpus + "/kota.csv", "--out", out, "--force"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(400_000)
        process.interrupt()
        process.waitUntilExit()
        let entries = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(entries.filter { $0.hasPrefix(".") }.isEmpty, "a temporary directory was left: \(entries)")
        if process.terminationStatus == 130 {
            #expect(try String(contentsOfFile: out + "/links.csv", encoding: .utf8) == "previous\n")
        } else {
            // The run finished before the signal arrived: then the output must be complete.
            #expect(process.terminationStatus == 0)
            #expect(FileManager.default.fileExists(atPath: out + "/summary.json"))
        }
    }
}

/// A national list exported with DTKS/SIKS-NG column names links as well as with plain ones.
@Suite struct DTKSHeadersLinkTests {
    let dir = TemporaryDirectory()

    @Test func aThreeListLinkWithDTKSHeadersMapsSexBirthPlaceAndDistrictWithoutFlags() throws {
        let corpus = repositoryRoot + "/corpora/three-lists-2k/"
        let original = try String(contentsOfFile: corpus + "nasional.csv", encoding: .utf8)
        let body = original[original.firstIndex(of: "\n")!...]
        let dtks = "ID_ART,NIK,NO_KK,NAMA,TMPT_LHR,TGL_LHR,JNS_KEL,ALAMAT,RT,RW,NAMA_DESA,NAMA_KEC,NAMA_KAB" + body
        let nasional = dir.write("nasional.csv", dtks)
        let tables = try [nasional, corpus + "provinsi.csv", corpus + "kota.csv"].map { try TableReader.read(path: $0) }
        let plain = try TableReader.read(path: corpus + "nasional.csv")
        #expect(Set(tables[0].roles.keys) == Set(plain.roles.keys))
        for role in [Role.sex, .birthPlace, .district, .regency, .village] { #expect(tables[0].roles[role] != nil, "\(role)") }
        let result = try Linker().link(tables, scope: .linkAndDedupe)
        let clusters = Clusters(result: result)
        let truth = try EvaluationTruth.load(directory: corpus)
        let assignment = clusters.members.enumerated().flatMap { c, group in
            group.map { (RecordRef(source: tables[$0.list].name, id: tables[$0.list].id(row: $0.row)), clusters.ids[c]) }
        }
        let scores = ClusterEvaluation(truth: truth, assignment: assignment).pairwise
        #expect(scores.f1 >= 0.99, "\(scores)")
    }
}
