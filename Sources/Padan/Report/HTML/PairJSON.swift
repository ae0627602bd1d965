/// Pairs and records as compact JSON written by hand, for the page's script and for
/// `report-data.json` alike: a pair as `[left, right, probability, weight, levels, weights, rule,
/// band]`, a record as `[list, id, name, nik, born, village]` (what ``ReportData/Pair`` decodes).
///
/// The pairs are most of a result's report data, and Foundation's `JSONEncoder` spent 0.8 billion
/// instructions on them for a 20k × 20k run (9 % of the whole command); this writes the same values
/// in a few percent of that. Strings are escaped so that the text is also safe inside a
/// `<script>` element ("<" as `\u003c`); a number that is not finite is written as 0.
enum PairJSON {
    static func raw(_ s: String, into out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(34)
        for b in s.utf8 {
            switch b {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            // "<" as \u003c: neither "</script>" nor "<!--" can appear inside the script element.
            case 60: out.append(contentsOf: Array("\\u003c".utf8))
            case 0 ..< 32:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(34)
    }

    static func number(_ x: Double, into out: inout [UInt8]) { raw(x.isFinite ? "\(x)" : "0", into: &out) }

    static func strings(_ list: [String], into out: inout [UInt8]) {
        out.append(91)
        for (i, s) in list.enumerated() {
            if i > 0 { out.append(44) }
            string(s, into: &out)
        }
        out.append(93)
    }

    static func record(_ r: ReportData.Record, into out: inout [UInt8]) {
        strings([r.list, r.id, r.name, r.nik, r.born, r.village], into: &out)
    }

    /// `pairs` as a JSON array.
    static func pairs(_ pairs: [ReportData.Pair], into out: inout [UInt8]) {
        out.append(91)
        for (i, p) in pairs.enumerated() {
            raw(i > 0 ? ",[" : "[", into: &out)
            record(p.left, into: &out)
            out.append(44)
            record(p.right, into: &out)
            out.append(44)
            number(p.probability, into: &out)
            out.append(44)
            number(p.weight, into: &out)
            raw(",[", into: &out)
            raw(p.levels.map(String.init).joined(separator: ","), into: &out)
            raw("],[", into: &out)
            for (k, w) in p.weights.enumerated() {
                if k > 0 { out.append(44) }
                number(w, into: &out)
            }
            raw("],", into: &out)
            string(p.rule, into: &out)
            out.append(44)
            string(p.band, into: &out)
            out.append(93)
        }
        out.append(93)
    }
}
