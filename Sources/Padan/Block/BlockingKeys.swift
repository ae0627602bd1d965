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
    static func digitsHash(_ v: SIMD16<UInt8>, _ range: Range<Int>) -> UInt64 {
        var copy = v
        return withUnsafeBytes(of: &copy) { raw in
            let h = XXH3.hash(UnsafeRawBufferPointer(rebasing: raw[range]))
            return h == 0 ? 1 : h
        }
    }

    /// Keys of `rule` (index `ruleIndex` seeds the hash) for every record; 0 = no key.
    static func keys(_ rule: BlockingRule, ruleIndex: Int, records: [CompareRecord], threads: Int) -> [UInt64] {
        var keys = [UInt64](repeating: 0, count: records.count)
        keys.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeSendable(out)
            Parallel.forEach(count: records.count, threads: threads, minChunk: 8192) { range in
                var parts = [UInt64](repeating: 0, count: rule.fields.count)
                for i in range {
                    var complete = true
                    for (f, field) in rule.fields.enumerated() {
                        let v = value(field, records[i])
                        if v == 0 { complete = false; break }
                        parts[f] = v
                    }
                    guard complete else { continue }
                    let h = parts.withUnsafeBytes { XXH3.hash($0, seed: UInt64(ruleIndex + 1)) }
                    slots.value[i] = h == 0 ? 1 : h
                }
            }
        }
        return keys
    }
}
