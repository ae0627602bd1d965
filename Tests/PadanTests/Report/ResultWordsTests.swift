import Testing
@testable import Padan

/// The workbook's reasons speak Indonesian for every level of the built-in comparisons: a level
/// without its phrase would fall back to its English name ("tanggal lahir year only").
struct ResultWordsTests {
    @Test(arguments: Comparison.indonesianPresets.map(\.name))
    func everyBuiltInLevelHasAnIndonesianPhrase(comparison: String) throws {
        let preset = try #require(Comparison.indonesianPresets.first { $0.name == comparison })
        let phrases = ResultWords.phrases[comparison] ?? [:]
        for level in preset.comparator.levels.map(\.name) {
            #expect(phrases[level] != nil, "\(comparison): \(level)")
        }
        #expect(ResultWords.indonesian.level(comparison: "birth_date", level: "year_only", description: "")
            == "tahun lahir sama, satu tanggal pengganti")
    }
}
