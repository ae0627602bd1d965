import PadanKernels

/// Everything the comparisons read, for all input lists at once (records numbered globally).
struct CompareData: Sendable {
    var records: [CompareRecord]
    /// Standardized names, their phonetic keys and birth places, globally indexed.
    var name: ByteColumn
    var phonetic: ByteColumn
    var birthPlace: ByteColumn
    var nik: ByteColumn
    /// For each record, the fraction of all records that carry its standardized name (for the
    /// term-frequency adjustment of exact name agreement).
    var nameFrequency: [Float]
    /// For each record, how common its NIK's first 12 digits (region and birth date), its last 10
    /// (birth date and serial) and its birth date are, relative to the average record: the
    /// term-frequency scale of ``PairWeigher``. 1 where the value is missing.
    var nikPrefixRatio: [Float]
    var nikSuffixRatio: [Float]
    var birthDateRatio: [Float]
    /// For each record, how many records (itself included, every list counted) carry its NIK's
    /// first 12 digits: the size of its NIK neighbourhood, which the NIK's serial levels are
    /// weighed by (``MatchModel/Comparison/mByPrefixCount``). 0 without a usable NIK.
    var nikPrefixCount: [Int32] = []
    /// The average record's ``nameFrequency`` over the body of records the frequencies were
    /// counted on (a register's whole, for a lookup), against which a name's commonness scales
    /// `tokens_contained`.
    var meanNameFrequency: Double = 1
    /// Among pairs of records with the same KK and different first names (family members), the
    /// fraction born on the same day: twins. (1/365 when no family has two such members.)
    var sameBirthDateInFamily: Double
    /// The configured columns that comparisons and blocking rules read by name (see
    /// ``ColumnValues``), in the order of ``LinkSettings/columns``.
    var columns: [ColumnValues] = []

    /// The index in ``columns`` of the column named `name`.
    func column(named name: String) -> Int? { columns.firstIndex { $0.name == name } }
}

extension CompareData {
    static func sameBirthDateInFamily(_ records: [CompareRecord]) -> Double {
        var keys: [UInt64] = [], index: [UInt32] = []
        for (i, r) in records.enumerated() where r.kkUsable && r.birthDate != 0 && r.firstName != 0 {
            keys.append(CompareRecord.digitsHash(r.kk, 0 ..< 16))
            index.append(UInt32(i))
        }
        RadixSort.sort(keys: &keys, records: &index)
        var pairs = 0, sameDay = 0
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end] == keys[start] { end += 1 }
            if end - start <= familyMaxSize {
                for i in start ..< end {
                    for j in (i + 1) ..< end {
                        let x = records[Int(index[i])], y = records[Int(index[j])]
                        guard x.firstName != y.firstName else { continue }
                        pairs += 1
                        if x.birthDate == y.birthDate { sameDay += 1 }
                    }
                }
            }
            start = end
        }
        return twinRate(familyPairs: pairs, sameDay: sameDay)
    }

    /// A KK on more records than this is a data-entry artefact, not a family: the twin rate
    /// leaves it out.
    static let familyMaxSize = 30

    /// The share of pairs of a family's members with different first names born on one day,
    /// from those counts (1 in 365 until there are 100 pairs).
    static func twinRate(familyPairs pairs: Int, sameDay: Int) -> Double {
        pairs < 100 ? 1.0 / 365 : max(Double(sameDay), 0.5) / Double(pairs)
    }

    /// For each key, how many records carry it (0 for key 0), by sorting rather than hashing.
    static func counts(_ keys: [UInt64]) -> [Int32] {
        let (sorted, index) = RadixSort.sortedNonZero(keys)
        var out = [Int32](repeating: 0, count: keys.count)
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end] == sorted[start] { end += 1 }
            for j in start ..< end { out[Int(index[j])] = Int32(end - start) }
            start = end
        }
        return out
    }

    /// For each record, its key's count relative to the average count over records that have a
    /// key (1 for records without one).
    static func ratios(_ c: [Int32]) -> [Float] {
        let present = c.filter { $0 > 0 }
        guard !present.isEmpty else { return [Float](repeating: 1, count: c.count) }
        let mean = Double(present.reduce(0) { $0 + Int($1) }) / Double(present.count)
        return c.map { $0 == 0 ? 1 : Float(Double($0) / mean) }
    }

    /// Packs the records of all lists, numbered globally in list order, and prepares `columns`
    /// (read from the `tables` the standardized ones came from).
    static func build(_ standardized: [StandardizedTable], tables: [Table], columns: [ColumnSource],
                      referenceYear: Int, threads: Int, meter: ProgressMeter? = nil) throws -> CompareData {
        var data = build(standardized, threads: threads, meter: meter)
        data.columns = try columns.map { try ColumnValues.build($0, tables: tables, referenceYear: referenceYear) }
        return data
    }

    /// ``build(_:tables:columns:referenceYear:threads:meter:)`` from lists already packed.
    static func build(packed: [PackedList], tables: [Table], columns: [ColumnSource],
                      referenceYear: Int, threads: Int) throws -> CompareData {
        var data = build(packed: packed, threads: threads)
        data.columns = try columns.map { try ColumnValues.build($0, tables: tables, referenceYear: referenceYear) }
        return data
    }

    /// The keys whose counts over the records are their frequencies: the name, the NIK's first
    /// 12 and last 10 digits, the birth date (0: none).
    static let frequencyKeys: [@Sendable (CompareRecord) -> UInt64] = [
        { $0.name },
        { $0.nikUsable16 ? CompareRecord.digitsHash($0.nik, 0 ..< 12) : 0 },
        { $0.nikUsable16 ? CompareRecord.digitsHash($0.nik, 6 ..< 16) : 0 },
        { $0.birthDate == 0 ? 0 : UInt64($0.birthDate) },
    ]

    /// Packs the records of all lists, numbered globally in list order.
    static func build(_ tables: [StandardizedTable], threads: Int, meter: ProgressMeter? = nil) -> CompareData {
        var records: [CompareRecord] = []
        records.reserveCapacity(tables.reduce(0) { $0 + $1.count })
        for t in tables { records += CompareRecord.pack(t, threads: threads, meter: meter) }
        return counted(records: records, name: ByteColumn(concatenating: tables.map(\.name)),
                       phonetic: ByteColumn(concatenating: tables.map(\.namePhonetic)),
                       birthPlace: ByteColumn(concatenating: tables.map(\.birthPlace)),
                       nik: ByteColumn(concatenating: tables.map(\.nik)), threads: threads)
    }

    /// Joins lists packed one by one (a register's), numbered globally in list order.
    static func build(packed lists: [PackedList], threads: Int) -> CompareData {
        var records: [CompareRecord] = []
        records.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for l in lists { records += l.records }
        return counted(records: records, name: ByteColumn(concatenating: lists.map(\.name)),
                       phonetic: ByteColumn(concatenating: lists.map(\.phonetic)),
                       birthPlace: ByteColumn(concatenating: lists.map(\.birthPlace)),
                       nik: ByteColumn(concatenating: lists.map(\.nik)), threads: threads)
    }

    /// The data of `records` and their columns, with the frequencies counted over all of them.
    private static func counted(records: [CompareRecord], name: ByteColumn, phonetic: ByteColumn, birthPlace: ByteColumn,
                                nik: ByteColumn, threads: Int) -> CompareData {
        // Four independent counts over all records and the families' twin rate, one task each.
        let keyed = frequencyKeys
        let tasks = Parallel.map(count: keyed.count + 1, threads: threads, minChunk: 1) { range in
            range.map { k -> (counts: [Int32], twins: Double) in
                k < keyed.count ? (counts(records.map(keyed[k])), 0) : ([], sameBirthDateInFamily(records))
            }
        }.flatMap { $0 }
        let counted = tasks.map(\.counts)
        let total = Float(max(1, records.count))
        let frequency = counted[0].map { Float($0) / total }
        return CompareData(
            records: records, name: name, phonetic: phonetic, birthPlace: birthPlace, nik: nik, nameFrequency: frequency,
            nikPrefixRatio: ratios(counted[1]), nikSuffixRatio: ratios(counted[2]), birthDateRatio: ratios(counted[3]),
            nikPrefixCount: counted[1],
            meanNameFrequency: frequency.isEmpty ? 1 : max(frequency.reduce(0.0) { $0 + Double($1) } / Double(frequency.count), 1e-9),
            sameBirthDateInFamily: tasks[keyed.count].twins)
    }
}
