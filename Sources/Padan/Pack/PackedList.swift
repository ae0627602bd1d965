/// One list's records packed for comparing: the part of ``CompareData`` that depends on that
/// list alone (each record's ``CompareRecord`` and the four text columns comparisons read).
///
/// The frequencies in ``CompareData`` count over every list linked together, so they are worked
/// out when the lists' packed parts are joined (``CompareData/build(packed:threads:)``), never
/// stored here. A register keeps each list's packed part (see `PackedCache`), so an addition
/// standardizes and packs only the added list.
struct PackedList: Sendable, Equatable {
    var records: [CompareRecord]
    var name: ByteColumn
    var phonetic: ByteColumn
    var birthPlace: ByteColumn
    var nik: ByteColumn

    var count: Int { records.count }

    init(records: [CompareRecord], name: ByteColumn, phonetic: ByteColumn, birthPlace: ByteColumn, nik: ByteColumn) {
        self.records = records
        self.name = name
        self.phonetic = phonetic
        self.birthPlace = birthPlace
        self.nik = nik
    }

    /// Packs every record of `s` (threads as in ``Parallel``).
    init(_ s: StandardizedTable, threads: Int, meter: ProgressMeter? = nil) {
        self.init(records: CompareRecord.pack(s, threads: threads, meter: meter), name: s.name,
                  phonetic: s.namePhonetic, birthPlace: s.birthPlace, nik: s.nik)
    }

    /// Standardizes and packs `table` (one whose roles are already joined, see
    /// ``LinkSettings/joiningRoles(_:)``).
    init(table: Table, referenceYear: Int, threads: Int, meter: ProgressMeter? = nil) {
        self.init(StandardizedTable(table: table, referenceYear: referenceYear, threads: threads, meter: meter),
                  threads: threads)
    }
}

extension CompareRecord: Equatable {
    static func == (a: CompareRecord, b: CompareRecord) -> Bool {
        withUnsafeBytes(of: a) { x in withUnsafeBytes(of: b) { y in x.elementsEqual(y) } }
    }
}
