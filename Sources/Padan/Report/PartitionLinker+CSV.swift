extension PartitionLinker {
    /// Scored pairs as CSV: each record's list and row in the partition, the exact weight (to
    /// order links as one machine does), the probability and weight as `links.csv` writes them,
    /// each comparison's level and weight, and the rule.
    package static func pairsCSV(_ pairs: [ScoredPair], model: MatchModel) -> [UInt8] {
        var w = CSVWriter()
        var header = ["left_list", "left_row", "right_list", "right_row", "weight", "match_probability", "match_weight"]
        for c in model.comparisons { header += ["\(c.name)_level", "\(c.name)_weight"] }
        w.row(header + ["blocking_rule"])
        let levelNames = model.comparisons.map(\.levels)
        for p in pairs {
            w.field(String(p.left.list))
            w.field(String(p.left.row))
            w.field(String(p.right.list))
            w.field(String(p.right.row))
            w.field(String(p.weight))
            w.field(p.probability, decimals: 6)
            w.field(p.weight, decimals: 3)
            for k in levelNames.indices {
                if let level = p.levels[k] { w.field(levelNames[k][level]) } else { w.field("null") }
                w.field(p.weights[k], decimals: 3)
            }
            w.field(p.rule)
            w.endRow()
        }
        return w.bytes
    }
}
