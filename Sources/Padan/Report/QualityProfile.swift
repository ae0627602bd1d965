/// The data-quality part of `padan inspect`: what standardization found in a table.
///
/// NIK and KK classes with counts and examples, NIKs that disagree with the birth-date and sex
/// columns, NIKs carried by more than one record, household sizes by KK, fill rates of the
/// standardized fields, the most frequent name tokens, and the date formats seen.
public struct QualityProfile: Codable, Sendable, Equatable {
    /// A value and how often it occurs.
    public struct Count: Codable, Sendable, Equatable {
        public let value: String
        public let count: Int
    }

    /// A raw input value and the line it was read from.
    public struct Example: Codable, Sendable, Equatable {
        public let line: Int
        public let value: String
    }

    /// How many NIKs (or KKs) fell into one class, with a few examples.
    public struct ClassCount: Codable, Sendable, Equatable {
        public let nikClass: String
        public let count: Int
        public let examples: [Example]
    }

    /// NIK-embedded facts against a column.
    public struct AgreementCounts: Codable, Sendable, Equatable {
        public let agree: Int
        public let disagree: Int
        public let unknown: Int
        /// A few disagreements: the line, the NIK and the column's value.
        public let examples: [Disagreement]
    }

    public struct Disagreement: Codable, Sendable, Equatable {
        public let line: Int
        public let nik: String
        public let column: String
    }

    /// 16-digit NIKs that occur on more than one record.
    public struct Duplicates: Codable, Sendable, Equatable {
        /// How many distinct NIKs occur more than once.
        public let distinct: Int
        /// How many records carry one of them.
        public let records: Int
        /// The most repeated ones.
        public let largest: [Count]
    }

    /// The share of records with a non-empty standardized value.
    public struct FillRate: Codable, Sendable, Equatable {
        public let field: String
        public let rate: Double
    }

    public let referenceYear: Int
    public let rows: Int
    /// NIK classes in ``NIKClass`` order (classes with no record included); nil without a NIK column.
    public let nikClasses: [ClassCount]?
    public let kkClasses: [ClassCount]?
    /// NIK birth date against the birth-date column; nil unless the table has both.
    public let nikBirthDate: AgreementCounts?
    /// NIK sex against the sex column; nil unless the table has both.
    public let nikSex: AgreementCounts?
    public let duplicateNIKs: Duplicates?
    /// Household sizes: how many KK numbers have 1, 2, ... 9, 10+ records; nil without a KK column.
    public let householdSizes: [Count]?
    public let fillRates: [FillRate]
    /// The 20 most frequent tokens of standardized names.
    public let topNameTokens: [Count]
    /// Birth-date formats seen, most frequent first; nil without a birth-date column.
    public let dateFormats: [Count]?
    /// Birth-date flags (impossible, placeholder, two-digit year, Excel serial, unparsed, year only).
    public let dateFlags: [Count]?
    /// Sex as read: male, female, unknown; nil without a sex column.
    public let sex: [Count]?

    static let examplesPerClass = 3

    /// Profiles `standardized`, the standardization of `table`.
    public init(table: Table, standardized s: StandardizedTable) {
        referenceYear = s.referenceYear
        rows = s.count
        let rowCount = s.count
        let has = { (role: Role) in table.roles[role] != nil }
        let line = { (row: Int) in Int(table.lineNumbers[row]) }

        func classes(_ role: Role, _ values: [NIKClass]) -> [ClassCount]? {
            guard has(role) else { return nil }
            var counts = [Int](repeating: 0, count: NIKClass.allCases.count)
            var examples = [[Example]](repeating: [], count: NIKClass.allCases.count)
            for (row, c) in values.enumerated() {
                let k = Int(c.rawValue)
                counts[k] += 1
                if examples[k].count < Self.examplesPerClass && c != .valid && c != .blank {
                    examples[k].append(Example(line: line(row), value: table.value(role, row: row)))
                }
            }
            return NIKClass.allCases.map {
                ClassCount(nikClass: String(describing: $0), count: counts[Int($0.rawValue)], examples: examples[Int($0.rawValue)])
            }
        }
        nikClasses = classes(.nik, s.nikClass)
        kkClasses = classes(.kk, s.kkClass)

        func agreement(_ values: [Agreement], _ role: Role) -> AgreementCounts? {
            guard has(.nik) && has(role) else { return nil }
            var counts = [0, 0, 0]
            var examples: [Disagreement] = []
            for (row, a) in values.enumerated() {
                counts[Int(a.rawValue)] += 1
                if a == .disagree && examples.count < 5 {
                    examples.append(Disagreement(line: line(row), nik: table.value(.nik, row: row), column: table.value(role, row: row)))
                }
            }
            return AgreementCounts(agree: counts[1], disagree: counts[2], unknown: counts[0], examples: examples)
        }
        nikBirthDate = agreement(s.nikBirthAgreement, .birthDate)
        nikSex = agreement(s.nikSexAgreement, .sex)

        duplicateNIKs = has(.nik) ? Self.duplicates(s.nik) : nil
        householdSizes = has(.kk) ? Self.households(s.kk, s.kkClass) : nil

        var rates: [FillRate] = []
        func rate(_ field: String, _ filled: Int) {
            rates.append(FillRate(field: field, rate: rowCount == 0 ? 0 : Double(filled) / Double(rowCount)))
        }
        func filled(_ c: ByteColumn) -> Int { (0 ..< c.count).reduce(0) { $0 + (c.length($1) > 0 ? 1 : 0) } }
        if has(.nik) { rate("nik", s.nikClass.reduce(0) { $0 + ($1 == .blank ? 0 : 1) }) }
        if has(.kk) { rate("kk", s.kkClass.reduce(0) { $0 + ($1 == .blank ? 0 : 1) }) }
        if has(.name) {
            rate("name", filled(s.name))
            rate("father_name", filled(s.fatherName))
        }
        if has(.birthDate) { rate("birth_date", s.birthDate.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }) }
        if has(.birthPlace) { rate("birth_place", filled(s.birthPlace)) }
        if has(.sex) { rate("sex", s.sex.reduce(0) { $0 + ($1 != .unknown ? 1 : 0) }) }
        if has(.address) {
            rate("street", filled(s.street))
            rate("house_number", filled(s.houseNumber))
        }
        if has(.address) || has(.rt) { rate("rt", s.rt.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }) }
        if has(.address) || has(.rw) || has(.rt) { rate("rw", s.rw.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }) }
        if has(.address) || has(.village) { rate("village", filled(s.village)) }
        if has(.address) || has(.district) { rate("district", filled(s.district)) }
        if has(.address) || has(.regency) { rate("regency", filled(s.regency)) }
        fillRates = rates

        topNameTokens = Self.topTokens(s.name, limit: 20)

        if has(.birthDate) {
            var formats: [DateFormat: Int] = [:]
            for f in s.birthDateFormat { formats[f, default: 0] += 1 }
            dateFormats = DateFormat.allCases.compactMap { f in formats[f].map { Count(value: f.rawValue, count: $0) } }
                .sorted { $0.count > $1.count }
            let named: [(String, DateFlags)] = [("impossible", .impossible), ("placeholder", .placeholder), ("two-digit year", .twoDigitYear),
                                                ("excel serial", .excelSerial), ("unparsed", .unparsed), ("year only", .yearOnly)]
            dateFlags = named.map { name, flag in Count(value: name, count: s.birthDateFlags.reduce(0) { $0 + ($1.contains(flag) ? 1 : 0) }) }
        } else {
            dateFormats = nil
            dateFlags = nil
        }
        if has(.sex) {
            var counts = [0, 0, 0]
            for x in s.sex { counts[Int(x.rawValue)] += 1 }
            sex = [Count(value: "male", count: counts[1]), Count(value: "female", count: counts[2]), Count(value: "unknown", count: counts[0])]
        } else {
            sex = nil
        }
    }

    /// 16-digit NIKs as integers, counted exactly.
    private static func sixteenDigitCounts(_ column: ByteColumn, include: (Int) -> Bool) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        column.withUnsafeBuffers { bytes, offsets in
            for row in 0 ..< column.count where offsets[row + 1] - offsets[row] == 16 && include(row) {
                var v: UInt64 = 0
                for k in Int(offsets[row]) ..< Int(offsets[row + 1]) { v = v &* 10 &+ UInt64(bytes[k] &- 48) }
                counts[v, default: 0] += 1
            }
        }
        return counts
    }

    private static func digits(_ v: UInt64) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 16 - s.count)) + s
    }

    private static func duplicates(_ nik: ByteColumn) -> Duplicates {
        let counts = sixteenDigitCounts(nik) { _ in true }
        let repeated = counts.filter { $0.value > 1 }
        let largest = repeated.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5)
        return Duplicates(distinct: repeated.count, records: repeated.values.reduce(0, +),
                          largest: largest.map { Count(value: digits($0.key), count: $0.value) })
    }

    private static func households(_ kk: ByteColumn, _ classes: [NIKClass]) -> [Count] {
        let counts = sixteenDigitCounts(kk) { classes[$0] == .valid || classes[$0] == .possiblyZeroedTail || classes[$0] == .unknownProvince }
        var sizes = [Int](repeating: 0, count: 11)
        for size in counts.values { sizes[min(size, 10)] += 1 }
        return (1 ... 10).map { Count(value: $0 == 10 ? "10+" : String($0), count: sizes[$0]) }
    }

    /// The most frequent tokens, ties broken by token; counted by hashing the arena's bytes, so a
    /// string is made only for the distinct tokens.
    private static func topTokens(_ names: ByteColumn, limit: Int) -> [Count] {
        var counts: [UInt64: (count: Int, start: Int, end: Int)] = [:]
        names.withUnsafeBuffers { bytes, offsets in
            for row in 0 ..< names.count {
                var start = Int(offsets[row])
                let end = Int(offsets[row + 1])
                for k in start ... end where k == end || bytes[k] == 32 {
                    if k > start {
                        let h = XXH3.hash(UnsafeBufferPointer(rebasing: bytes[start ..< k]))
                        if let c = counts[h] { counts[h] = (c.count + 1, c.start, c.end) } else { counts[h] = (1, start, k) }
                    }
                    start = k + 1
                }
            }
        }
        var byValue: [String: Int] = [:]
        for c in counts.values { byValue[String(decoding: names.bytes[c.start ..< c.end], as: UTF8.self), default: 0] += c.count }
        return byValue.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
            .map { Count(value: $0.key, count: $0.value) }
    }
}
