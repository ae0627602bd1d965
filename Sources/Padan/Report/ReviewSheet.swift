/// The review band as a person verifies it: both records side by side, the per-field explanation,
/// and a `decision` column to fill in (`review.csv` and the `review.xlsx` worksheet).
///
/// Decisions read back by ``ReviewDecisions``: `match` (also `ya`, `sama`, `y`, `yes`, `1`) or
/// `non-match` (also `tidak`, `beda`, `n`, `no`, `0`); blank means undecided.
enum ReviewSheet {
    /// The roles shown side by side, in this order.
    static let roles: [Role] = [.nik, .name, .birthDate, .sex, .birthPlace, .kk, .address, .rt, .rw, .village, .district, .regency]

    static func header(_ result: LinkResult) -> [String] {
        header(comparisons: result) + ["result_fingerprint"]
    }

    private static func header(comparisons result: LinkResult) -> [String] {
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

    /// `review.csv`: one row per pair in the review band, each with the result's fingerprint.
    static func csv(_ result: LinkResult, fingerprint: String, pseudonymizer: Pseudonymizer? = nil,
                    into w: inout CSVWriter) {
        w.row(header(result))
        for p in result.review { w.row(row(p, result, pseudonymizer: pseudonymizer) + [fingerprint]) }
    }

    /// `review.xlsx`: the results workbook's check sheet and its instructions.
    static func workbook(_ result: LinkResult, settings: LinkSettings, words: ResultWords, fingerprint: String,
                         pseudonymizer: Pseudonymizer? = nil) -> XLSXWriter {
        XLSXWriter(sheets: [
            ResultWorkbook.checkSheet(result, settings: settings, words: words, fingerprint: fingerprint, pseudonymizer: pseudonymizer),
            ResultWorkbook.instructionsSheet(words: words, fingerprint: fingerprint),
        ], threads: settings.threads)
    }
}
