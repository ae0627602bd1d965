import Foundation
import Testing
@testable import Padan

/// The FEBRL benchmark lists (corpora/febrl), linked with their shipped configurations and no
/// labels, judged against the truth their record ids give.
@Suite struct FebrlTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("corpora/febrl").path

    func run(_ corpus: String, lists: [String], config: String, configFrom: String? = nil, scope: Linker.Scope) throws -> (LinkEvaluation, LinkResult) {
        let dir = Self.root + "/" + corpus
        let configuration = try Configuration.load(path: Self.root + "/" + (configFrom ?? corpus) + "/" + config)
        let tables = try lists.map { try TableReader.read(path: dir + "/\($0).csv", options: configuration.read) }
        let result = try Linker(settings: configuration.link).link(tables, scope: scope)
        let truth = try EvaluationTruth.load(directory: dir)
        let predicted = result.links.map { link in
            RecordPair(left: RecordRef(source: tables[link.left.list].name, id: tables[link.left.list].id(row: link.left.row)),
                       right: RecordRef(source: tables[link.right.list].name, id: tables[link.right.list].id(row: link.right.row)))
        }
        return (LinkEvaluation(truth: truth, predicted: predicted), result)
    }

    @Test func febrl4LinksWithoutLabels() throws {
        let (evaluation, result) = try run("febrl4", lists: ["dataset4a", "dataset4b"], config: "febrl4.yaml", scope: .link)
        #expect(evaluation.crossList.f1 >= 0.9995, "FEBRL4 F1 \(evaluation.crossList.f1)")
        // Every comparison was learned from the data, none left at its defaults.
        #expect(result.model.comparisons.allSatisfy { $0.mSource != ["default"] })
    }

    @Test func febrl3DeduplicatesWithoutLabels() throws {
        let (evaluation, _) = try run("febrl3", lists: ["dataset3"], config: "febrl3.yaml", scope: .dedupe)
        let within = try #require(evaluation.withinList)
        #expect(within.f1 >= 0.998, "FEBRL3 pairwise F1 \(within.f1)")
    }

    /// The FEBRL3 configuration was written for the shape of these lists, not for its rows: the
    /// other FEBRL deduplication lists, which it was not written against, link as well with it.
    @Test(arguments: [("febrl1", 0.998), ("febrl2", 0.995)])
    func febrl3ConfigurationOnOtherLists(corpus: String, minimum: Double) throws {
        let list = corpus.replacingOccurrences(of: "febrl", with: "dataset")
        let (evaluation, _) = try run(corpus, lists: [list], config: "febrl3.yaml", configFrom: "febrl3", scope: .dedupe)
        let within = try #require(evaluation.withinList)
        #expect(within.f1 >= minimum, "\(corpus) pairwise F1 \(within.f1)")
    }
}

/// The README's example: two lists with given name and surname apart, a phone and a postcode.
@Suite struct ContactsExampleTests {
    @Test func readmeConfigurationLinksTheTwoLists() throws {
        let dir = URL(fileURLWithPath: FebrlTests.root).deletingLastPathComponent().appendingPathComponent("contacts").path
        let configuration = try Configuration.load(path: dir + "/contacts.yaml")
        let tables = try ["survey", "bank"].map { try TableReader.read(path: dir + "/\($0).csv", options: configuration.read) }
        let result = try Linker(settings: configuration.link).link(tables)
        let truth = try EvaluationTruth.load(directory: dir)
        let predicted = result.links.map { link in
            RecordPair(left: RecordRef(source: tables[link.left.list].name, id: tables[link.left.list].id(row: link.left.row)),
                       right: RecordRef(source: tables[link.right.list].name, id: tables[link.right.list].id(row: link.right.row)))
        }
        let evaluation = LinkEvaluation(truth: truth, predicted: predicted)
        #expect(evaluation.crossList.f1 >= 0.99, "F1 \(evaluation.crossList.f1)")
        #expect(evaluation.crossList.falsePositives == 0)
        // links.csv explains every link by the configured comparisons' level names.
        #expect(result.model.comparisons.map(\.name) == ["given_name", "surname", "phone", "postcode"])
        #expect(result.model.comparisons[2].levels == ["exact", "one_substitution", "adjacent_transposition", "two_edits", "different"])
    }
}
