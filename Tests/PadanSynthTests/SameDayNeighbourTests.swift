import Foundation
import Testing
import Padan
import PadanSynth

/// Two people born the same day in one district have NIKs that differ only in the serial; one
/// typo more and they are one or two edits apart. The trainer measures how often that happens among
/// such pairs whose names differ (``MatchModel/Comparison/uGivenSameDayNearby``), and the
/// weigher uses that rate, not the random pairs', for pairs born the same day nearby. Without it,
/// a high-noise 200k corpus had 260 such pairs linked, every one of them false.
@Suite struct SameDayNeighbourTests {
    @Test func neighboursTwoNIKEditsApartAreWeighedByTheirOwnRate() throws {
        // Dense: enough people share a birth date and a district for the rates to be measured.
        let result = try DenseCorpus.link(seed: 9107)
        let nik = try #require(result.model.comparisons.firstIndex { $0.name == "nik" })
        let twoEdits = try #require(result.model.comparisons[nik].levels.firstIndex(of: "two_edits"))
        let measured = try #require(result.model.comparisons[nik].uGivenSameDayNearby,
                                    "\(result.model.comparisons[nik].uSource)")
        // Far more often than among random people.
        #expect(measured[twoEdits] > 10 * result.model.comparisons[nik].u[twoEdits], "\(result.model.comparisons[nik].uSource)")

        // No link rests on a NIK two edits away between two people with different names born the
        // same day nearby: with the measured rate such a pair's NIK counts against a match.
        let name = try #require(result.model.comparisons.firstIndex { $0.name == "name" })
        let date = try #require(result.model.comparisons.firstIndex { $0.name == "birth_date" })
        let household = try #require(result.model.comparisons.firstIndex { $0.name == "household" })
        let names = result.model.comparisons[name].levels, dates = result.model.comparisons[date].levels
        let homes = result.model.comparisons[household].levels
        let nearby = Set(["same_kk", "same_house", "same_rt_rw", "same_village", "same_district"])
        let neighbourLinks = result.links.filter { link in
            link.levels[nik] == twoEdits && link.levels[name].map { names[$0] } == "different"
                && link.levels[date].map { dates[$0] } == "exact" && link.levels[household].map { nearby.contains(homes[$0]) } == true
        }
        for link in neighbourLinks { #expect(link.weights[nik] < 0, "\(link)") }
    }
}
