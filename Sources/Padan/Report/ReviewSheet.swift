/// The review band as a person verifies it: both records side by side, the per-field explanation,
/// and a `decision` column to fill in (`review.csv` and the `review.xlsx` worksheet).
///
/// Decisions read back by ``ReviewDecisions``: `match` (also `ya`, `sama`, `y`, `yes`, `1`) or
/// `non-match` (also `tidak`, `beda`, `n`, `no`, `0`); blank means undecided.
enum ReviewSheet {
    /// The roles shown side by side, in this order.
    static let roles: [Role] = [.nik, .name, .birthDate, .sex, .birthPlace, .kk, .address, .rt, .rw, .village, .district, .regency]

    static func header(_ result: LinkResult) -> [String] {
        var h = ["decision", "left_source", "left_id", "right_source", "right_id", "match_probability", "match_weight"]
        for role in roles { h += ["left_\(role.rawValue)", "right_\(role.rawValue)"] }
        for c in result.model.comparisons { h += ["\(c.name)_level", "\(c.name)_weight"] }
        h.append("blocking_rule")
        return h
    }

    static func row(_ p: ScoredPair, _ result: LinkResult, pseudonymizer: Pseudonymizer?) -> [String] {
        let l = result.tables[p.left.list], r = result.tables[p.right.list]
        var row = ["", l.name, l.id(row: p.left.row), r.name, r.id(row: p.right.row),
                   CSVWriter.format(p.probability, decimals: 6), CSVWriter.format(p.weight, decimals: 3)]
        for role in roles {
            var values = [l.value(role, row: p.left.row), r.value(role, row: p.right.row)]
            if let pseudonymizer, role == .nik || role == .kk { values = values.map { pseudonymizer.pseudonym(Array($0.utf8)) } }
            row += values
        }
        for (k, c) in result.model.comparisons.enumerated() {
            row += [p.levels[k].map { c.levels[$0] } ?? "null", CSVWriter.format(p.weights[k], decimals: 3)]
        }
        row.append(p.rule)
        return row
    }

    static func csv(_ result: LinkResult, pseudonymizer: Pseudonymizer? = nil) -> [UInt8] {
        var w = CSVWriter(capacity: result.review.count * 400 + 512)
        w.row(header(result))
        for p in result.review { w.row(row(p, result, pseudonymizer: pseudonymizer)) }
        return w.bytes
    }

    static func workbook(_ result: LinkResult, pseudonymizer: Pseudonymizer? = nil) -> XLSXWriter {
        var rows: [[XLSXWriter.Cell]] = [header(result).map { .text($0) }]
        for p in result.review {
            rows.append(row(p, result, pseudonymizer: pseudonymizer).map { $0.isEmpty ? .empty : .text($0) })
        }
        let instructions: [[XLSXWriter.Cell]] = [
            [.text("Padan review")],
            [.text("Each row of the sheet 'review' is a pair of records that may be the same person.")],
            [.text("Write in the column 'decision': match (or ya / sama) when they are the same person,")],
            [.text("non-match (or tidak / beda) when they are not; leave it blank when undecided.")],
            [.text("Then: padan apply-review --result DIR --review review.xlsx")],
        ]
        return XLSXWriter(sheets: [
            .init(name: "review", rows: rows, widths: [10] + [Int](repeating: 18, count: rows[0].count - 1)),
            .init(name: "instructions", rows: instructions, widths: [100]),
        ])
    }
}
