import Foundation
import Testing
@testable import Padan

@Suite struct QualityProfileTests {
    static let table = StandardizeTest.table([
        .nik: ["'3273015208800003", "3.27301E+15", "3273011208800010", "1234567890123456", "3273015208800003", "3273015208800003", ""],
        .kk: ["3273010101200031", "3273010101200031", "3273010101200031", "3273010101200045", "", "3273010101200046", "3273010101200046"],
        .name: ["HJ. SITI AMINAH, S.PD", "M. RIZKI", "SITI RAHMA", "DJOKO", "SITI AMINAH", "SITI AMINAH", ""],
        .birthDate: ["12-08-1980", "12 Agustus 1985", "29445", "01-01-1950", "13-08-1980", "12/08/80", ""],
        .sex: ["P", "L", "L", "1", "L", "P", ""],
        .address: ["JL. MERDEKA NO. 12 RT 002 RW 005", "GG. MAWAR RT.2/RW.5", "", "", "", "", ""],
    ])

    @Test func countsWhatStandardizationFound() {
        let q = QualityProfile(table: Self.table, standardized: StandardizedTable(table: Self.table, threads: 1))
        let nik = Dictionary(uniqueKeysWithValues: (q.nikClasses ?? []).map { ($0.nikClass, $0.count) })
        #expect(nik["valid"] == 3 && nik["excelScientific"] == 1 && nik["possiblyZeroedTail"] == 1 && nik["placeholder"] == 1 && nik["blank"] == 1)
        #expect(q.nikClasses?.first { $0.nikClass == "excelScientific" }?.examples == [.init(line: 3, value: "3.27301E+15")])
        #expect(q.nikBirthDate?.agree == 3 && q.nikBirthDate?.disagree == 1)
        #expect(q.nikBirthDate?.examples.first == .init(line: 6, nik: "3273015208800003", column: "13-08-1980"))
        #expect(q.nikSex?.disagree == 1 && q.nikSex?.agree == 3)
        #expect(q.duplicateNIKs == .init(distinct: 1, records: 3, largest: [.init(value: "3273015208800003", count: 3)]))
        #expect(q.householdSizes?.prefix(3).map(\.count) == [1, 1, 1])
        #expect(q.topNameTokens.first == .init(value: "SITI", count: 4))
        #expect(q.dateFormats?.first == .init(value: "DD-MM-YYYY", count: 3))
        #expect(q.dateFlags?.first { $0.value == "excel serial" }?.count == 1)
        #expect(q.dateFlags?.first { $0.value == "two-digit year" }?.count == 1)
        #expect(q.fillRates.first { $0.field == "rt" }?.rate == 2.0 / 7.0)
        #expect(q.sex == [.init(value: "male", count: 4), .init(value: "female", count: 2), .init(value: "unknown", count: 1)])
    }

    @Test func tableProfileCarriesItAndEncodes() throws {
        let profile = TableProfile(table: Self.table, referenceYear: 2025, threads: 1)
        let json = String(decoding: try JSONEncoder().encode(profile), as: UTF8.self)
        #expect(json.contains("\"quality\""))
        #expect(json.contains("\"nikClasses\""))
        #expect(profile.quality.rows == 7)
    }
}
