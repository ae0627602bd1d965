/// How often each name, NIK prefix and suffix and birth date occurs among a body of records (a
/// register's), so that a few records scored against that body get the frequencies they would
/// have in it, not among themselves.
///
/// A register's lookup scores one person against a handful of candidates: counted among those,
/// a name shared by the candidates would look common and weigh little. With these frequencies
/// each record's name frequency and NIK and birth-date ratios are what a run over the whole
/// register gives them (``CompareData/build(_:threads:meter:)``), the record itself included.
struct TermFrequencies: Sendable {
    /// Per key kind (``CompareData/frequencyKeys``), each key's count.
    let counts: [[UInt64: Int32]]
    /// Per key kind, the average count over records with a key (the ratios' denominator).
    let means: [Double]
    /// The number of records counted.
    let total: Int
    let sameBirthDateInFamily: Double
    /// ``CompareData/meanNameFrequency`` of the body counted.
    let meanNameFrequency: Double

    init(_ data: CompareData) {
        var counts: [[UInt64: Int32]] = [], means: [Double] = []
        for keyed in CompareData.frequencyKeys {
            var c: [UInt64: Int32] = [:]
            c.reserveCapacity(data.records.count)
            var present = 0
            for r in data.records {
                let k = keyed(r)
                if k != 0 { c[k, default: 0] += 1; present += 1 }
            }
            // The mean over records of their key's count: Σ count² / records with a key.
            let squares = c.values.reduce(0.0) { $0 + Double($1) * Double($1) }
            means.append(present == 0 ? 1 : squares / Double(present))
            counts.append(c)
        }
        self.counts = counts
        self.means = means
        total = max(1, data.records.count)
        sameBirthDateInFamily = data.sameBirthDateInFamily
        meanNameFrequency = data.meanNameFrequency
    }

    /// `data` with every record's frequencies taken from these counts (a key not among them
    /// counts once: the record's own).
    func apply(to data: inout CompareData) {
        func count(_ kind: Int, _ r: CompareRecord) -> Int32 {
            let k = CompareData.frequencyKeys[kind](r)
            return k == 0 ? 0 : max(1, counts[kind][k] ?? 0)
        }
        data.nameFrequency = data.records.map { Float(count(0, $0)) / Float(total) }
        data.nikPrefixRatio = data.records.map { r in let c = count(1, r); return c == 0 ? 1 : Float(Double(c) / means[1]) }
        data.nikPrefixCount = data.records.map { count(1, $0) }
        data.nikSuffixRatio = data.records.map { r in let c = count(2, r); return c == 0 ? 1 : Float(Double(c) / means[2]) }
        data.birthDateRatio = data.records.map { r in let c = count(3, r); return c == 0 ? 1 : Float(Double(c) / means[3]) }
        data.sameBirthDateInFamily = sameBirthDateInFamily
        data.meanNameFrequency = meanNameFrequency
    }
}
