import Testing
@testable import Padan

/// The `generic` preset on lists whose NIKs it does not read: names, birth dates, sex, address and
/// birth place alone, through the column comparators and column blocking keys.
@Suite struct GenericPresetTests {
    @Test func linksWithoutTheNIK() throws {
        let tables = try LinkEndToEndTests.read("synth-2k")
        var settings = LinkSettings.generic
        settings.uSamplePairs = 50_000
        let one = try Linker(settings: { var s = settings; s.threads = 1; return s }()).link(tables)
        let evaluation = try LinkEndToEndTests.evaluate(one, corpus: "synth-2k")
        // Without the NIK, typos in names and dates cost recall; what it links must still be right.
        #expect(evaluation.crossList.precision >= 0.98, "precision \(evaluation.crossList.precision)")
        #expect(evaluation.crossList.f1 >= 0.9, "F1 \(evaluation.crossList.f1)")
        #expect(one.model.comparisons.map(\.name) == ["name", "birth_date", "sex", "address", "birth_place"])
        // The same links for any thread count.
        settings.threads = 3
        let three = try Linker(settings: settings).link(tables)
        #expect(three.links.map(\.left) == one.links.map(\.left) && three.links.map(\.right) == one.links.map(\.right))
        #expect(three.links.map(\.weight) == one.links.map(\.weight))
    }
}
