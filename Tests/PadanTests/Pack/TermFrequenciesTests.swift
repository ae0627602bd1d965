import Testing
@testable import Padan

/// A register lookup scores a few records with the frequencies of the whole register
/// (``TermFrequencies``): each record's name frequency, NIK neighbourhood size and the average
/// name frequency that scales `tokens_contained` must be what a run over the whole body gives,
/// not what the few records give among themselves.
@Suite struct TermFrequenciesTests {
    @Test func aFewRecordsGetTheFrequenciesOfTheWholeBody() throws {
        let tables = try ["provinsi", "kota"].map { try TableReader.read(path: LinkEndToEndTests.corpus("synth-2k") + "/\($0).csv") }
        let standardized = tables.map { StandardizedTable(table: $0, threads: 2) }
        let data = try CompareData.build(standardized, tables: tables, columns: [], referenceYear: 2025, threads: 2)
        let frequencies = TermFrequencies(data)

        var few = data
        let kept = [0, 1, 2, 3, 4, data.records.count - 1]
        few.records = kept.map { data.records[$0] }
        few.meanNameFrequency = 1
        frequencies.apply(to: &few)
        #expect(few.meanNameFrequency == data.meanNameFrequency)
        #expect(data.meanNameFrequency > 0 && data.meanNameFrequency < 1)
        #expect(few.nameFrequency == kept.map { data.nameFrequency[$0] })
        #expect(few.nikPrefixCount == kept.map { data.nikPrefixCount[$0] })
        // Computed among the six alone, the average would differ.
        let alone = few.nameFrequency.reduce(0.0) { $0 + Double($1) } / Double(few.nameFrequency.count)
        #expect(alone != data.meanNameFrequency)
    }
}
