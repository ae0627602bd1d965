extension BlockingRule {
    /// Record `record`'s key values under this rule, in words (for reports on oversized blocks).
    func describe(record: Int, tables: [Table], data: CompareData) -> String {
        var list = 0, row = record
        while row >= tables[list].rowCount { row -= tables[list].rowCount; list += 1 }
        let t = tables[list]
        let parts = fields.map { field -> String in
            switch field {
            case .nik, .nikPrefix12, .nikSuffix10: return "NIK \(t.value(.nik, row: row))"
            case .kk: return "KK \(t.value(.kk, row: row))"
            case .name, .namePhonetic, .namePhoneticSorted, .firstNamePhonetic: return "name \(data.name.string(record))"
            case .birthDate, .birthYear: return "born \(t.value(.birthDate, row: row))"
            case .sex: return "sex \(t.value(.sex, row: row))"
            case .village: return "village \(t.value(.village, row: row))"
            case .district: return "district \(t.value(.district, row: row))"
            case .regency: return "regency \(t.value(.regency, row: row))"
            case .street: return "street \(t.value(.address, row: row))"
            case .birthPlace: return "born in \(t.value(.birthPlace, row: row))"
            }
        }
        let columns = columns.map { key -> String in
            guard let c = data.column(named: key.column) else { return key.description }
            return "\(key.description) \(data.columns[c].text.string(record))"
        }
        return (parts + columns).joined(separator: ", ")
    }
}
