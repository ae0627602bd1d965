/// Per-record key hashes for blocking rules, computed from the packed records.
enum BlockingKeys {
    /// The value of `field` for record `r` (0 when absent).
    @inline(__always)
    static func value(_ field: BlockingField, _ r: CompareRecord) -> UInt64 {
        switch field {
        case .nik: return r.nikUsable16 ? digitsHash(r.nik, 0 ..< 16) : 0
        case .nikPrefix12: return r.nikUsable16 ? digitsHash(r.nik, 0 ..< 12) : 0
        case .nikSuffix10: return r.nikUsable16 ? digitsHash(r.nik, 6 ..< 16) : 0
        case .kk: return r.kkUsable ? digitsHash(r.kk, 0 ..< 16) : 0
        case .name: return r.name
        case .namePhonetic: return r.phonetic
        case .namePhoneticSorted: return r.phoneticSorted
        case .firstNamePhonetic: return r.firstName
        case .birthDate: return r.birthDate == 0 ? 0 : UInt64(r.birthDate)
        case .birthYear: return r.birthDate == 0 ? 0 : UInt64(r.birthDate / 10000)
        case .sex: return UInt64(r.sex.rawValue)
        case .village: return r.village
        case .district: return r.district
        case .regency: return r.regency
        case .street: return r.street
        case .birthPlace: return r.birthPlace
        }
    }

    /// Hash of the digits `range` of a 16-digit value.
    @inline(__always)
    static func digitsHash(_ v: SIMD16<UInt8>, _ range: Range<Int>) -> UInt64 { CompareRecord.digitsHash(v, range) }

    /// Keys of `rule` (index `ruleIndex` seeds the hash) for every record; 0 = no key. `data`
    /// supplies the packed records and the columns the rule's column keys name.
    static func keys(_ rule: BlockingRule, ruleIndex: Int, data: CompareData, threads: Int, meter: ProgressMeter? = nil) -> [UInt64] {
        let records = data.records
        let columnParts = rule.columns.map { key -> [UInt64] in
            guard let c = data.column(named: key.column) else { return [UInt64](repeating: 0, count: records.count) }
            return columnKeys(key.transform, data.columns[c], threads: threads)
        }
        let fieldCount = rule.fields.count
        var keys = [UInt64](repeating: 0, count: records.count)
        keys.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            Parallel.forEach(count: records.count, threads: threads, minChunk: 8192, meter: meter) { range in
                var parts = [UInt64](repeating: 0, count: fieldCount + columnParts.count)
                for i in range {
                    var complete = true
                    for (f, field) in rule.fields.enumerated() {
                        let v = value(field, records[i])
                        if v == 0 { complete = false; break }
                        parts[f] = v
                    }
                    guard complete else { continue }
                    for (c, column) in columnParts.enumerated() {
                        let v = column[i]
                        if v == 0 { complete = false; break }
                        parts[fieldCount + c] = v
                    }
                    guard complete else { continue }
                    let h = parts.withUnsafeBytes { XXH3.hash($0, seed: UInt64(ruleIndex + 1)) }
                    slots.value[i] = h == 0 ? 1 : h
                }
            }
        }
        return keys
    }

    /// The key `transform` derives from each record's value of `column` (0 when it has none).
    static func columnKeys(_ transform: ColumnKey.Transform, _ column: ColumnValues, threads: Int) -> [UInt64] {
        switch transform {
        case .value: return column.hash
        case .phonetic: return column.phoneticHash
        case .year: return column.date.map { $0 == 0 ? 0 : UInt64($0 / 10000) }
        case .prefix, .suffix, .firstToken:
            let n = column.hash.count
            var out = [UInt64](repeating: 0, count: n)
            // Prefixes and suffixes of the letters and digits alone: `0812-3456` and `08123456`
            // are one phone number; the first token needs the spaces.
            let source = transform == .firstToken ? column.text : column.compact
            source.withUnsafeBuffers { bytes, offsets in
                for i in 0 ..< n {
                    let lo = Int(offsets[i]), hi = Int(offsets[i + 1])
                    guard hi > lo else { continue }
                    let part: Range<Int>
                    switch transform {
                    case .prefix(let k): part = lo ..< min(hi, lo + k)
                    case .suffix(let k): part = max(lo, hi - k) ..< hi
                    default: part = lo ..< (bytes[lo ..< hi].firstIndex(of: 32) ?? hi)
                    }
                    let h = XXH3.hash(UnsafeBufferPointer(rebasing: bytes[part]), seed: 3)
                    out[i] = h == 0 ? 1 : h
                }
            }
            return out
        }
    }
}
