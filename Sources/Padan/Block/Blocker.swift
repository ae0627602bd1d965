/// Turns per-record blocking keys into candidate pairs.
///
/// For each rule, records are grouped by their 64-bit key hash (0 = no key); each group (block)
/// yields the allowed pairs among its records. Rules are OR-ed without materializing duplicates:
/// a pair is produced by rule k only if no earlier rule j produced it, which is checked from the
/// two records' keys under j (equal and the block not skipped) rather than by a set of pairs.
/// Blocks that would produce more than `maxBlockPairs` pairs (a very common name in one village,
/// a placeholder NIK) are skipped and reported.
struct Blocker {
    /// Which pairs of records may be compared.
    enum PairScope: Sendable {
        /// Only pairs from different lists (linking).
        case acrossLists
        /// Only pairs within the same list (deduplication).
        case withinLists
        /// Both (link and deduplicate).
        case all
    }

    /// Which records belong to which list, and which pairs are allowed.
    let index: PairScopeIndex
    let maxBlockPairs: Int
    let threads: Int
    /// Counts the work done (three passes of each rule over the records: keys, blocks, pairs).
    var meter: ProgressMeter? = nil

    /// A rule's keys: `keys[record]`, 0 where the record has no key.
    struct RuleKeys {
        var name: String
        var keys: [UInt64]
        /// Describes a record's key value in words (for oversized-block reports).
        var describe: (Int) -> String
    }

    /// A block: a run of `order` with one key.
    private struct Block { var start: Int32; var end: Int32 }

    private struct Grouped {
        var order: [UInt32] = []      // records with a key, sorted by (key, record)
        var blocks: [Block] = []      // blocks with at least one allowed pair, within the bound
        var emitted: [UInt64] = []    // keys, 0 for records without a key or in a skipped block
        var report: BlockingRuleReport
    }

    /// What blocking produced: the candidate pairs, a report per rule, and each rule's keys per
    /// record (the compare stage records which rules' keys each pair agrees on).
    struct Blocked: Sendable {
        var pairs: CandidatePairs
        var reports: [BlockingRuleReport]
        var ruleKeys: [[UInt64]]
    }

    /// The candidate pairs of `rules` over the packed records of `data`; more than
    /// `maxCandidatePairs` is an error naming the rule that produced the most.
    func block(_ rules: [BlockingRule], data: CompareData, tables: [Table], maxCandidatePairs: Int) throws -> Blocked {
        let ruleKeys = rules.enumerated().map { k, rule in
            BlockingKeys.keys(rule, ruleIndex: k, data: data, threads: threads, meter: meter)
        }
        let (pairs, reports) = self.pairs(rules: rules.enumerated().map { k, rule in
            RuleKeys(name: rule.name, keys: ruleKeys[k], describe: { rule.describe(record: $0, tables: tables, data: data) })
        })
        if pairs.count > maxCandidatePairs {
            let worst = reports.max { $0.pairs < $1.pairs }!
            throw PadanError(.limit, "blocking produced \(pairs.count) candidate pairs, over the limit of \(maxCandidatePairs); rule '\(worst.rule)' produced \(worst.pairs) of them (tighten it, or raise max_candidate_pairs)")
        }
        return Blocked(pairs: pairs, reports: reports, ruleKeys: ruleKeys)
    }

    func pairs(rules: [RuleKeys]) -> (CandidatePairs, [BlockingRuleReport]) {
        // Phase 1, one task per rule: sort by key, find blocks, skip the oversized ones.
        let grouped = Parallel.map(count: rules.count, threads: threads, minChunk: 1) { range in
            range.map { k -> Grouped in
                let grouped = group(rules[k])
                meter?.add(rules[k].keys.count)
                return grouped
            }
        }.flatMap { $0 }
        let emitted = grouped.map(\.emitted)
        var all = CandidatePairs()
        var reports: [BlockingRuleReport] = []
        for (k, g) in grouped.enumerated() {
            // Phase 2, chunks of blocks in parallel, results concatenated in block order.
            let chunks = Parallel.map(count: g.blocks.count, threads: threads, minChunk: 256) { range in
                emit(blocks: g.blocks[range], order: g.order, rule: k, emitted: emitted)
            }
            meter?.add(rules[k].keys.count)
            var report = g.report
            report.pairs = 0
            report.pairsIncludingEarlierRules = 0
            for (pairs, including) in chunks {
                all.append(contentsOf: pairs)
                report.pairs += pairs.count
                report.pairsIncludingEarlierRules += including
            }
            reports.append(report)
        }
        return (all, reports)
    }

    /// The pairs rule `k` adds to the rules before it, whose keys (0 where a record has none or
    /// its block was skipped) are `earlier`: one rule's share of ``pairs(rules:)``, for records
    /// that hold every block of rule `k` they are in (a partition of a run spread over a cluster).
    func pairs(rule: RuleKeys, index k: Int, earlier: [[UInt64]]) -> (CandidatePairs, BlockingRuleReport) {
        precondition(earlier.count == k && earlier.allSatisfy { $0.count == rule.keys.count }, "the keys of each earlier rule, one per record")
        let g = group(rule)
        let (pairs, including) = emit(blocks: g.blocks[...], order: g.order, rule: k, emitted: earlier)
        var report = g.report
        report.pairs = pairs.count
        report.pairsIncludingEarlierRules = including
        return (pairs, report)
    }

    @inline(__always)
    private func allowed(_ a: UInt32, _ b: UInt32) -> Bool { index.allowed(Int(a), Int(b)) }

    /// Allowed pairs among `n` records of a block, counted per list.
    private func allowedPairs(_ members: ArraySlice<UInt32>) -> Int {
        var perList: [UInt16: Int] = [:]
        for r in members { perList[index.listOf[Int(r)], default: 0] += 1 }
        let n = members.count
        let within = perList.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        let total = n * (n - 1) / 2
        switch index.scope {
        case .acrossLists: return total - within
        case .withinLists: return within
        case .all: return total
        }
    }

    /// `keys` with 0 for every record before `index.firstNew` whose key no record from there on
    /// has: the blocks an incremental link can take a pair from, each still whole (so skipped as
    /// a run over all the records would skip it), without sorting the keys of every block of
    /// records held before.
    static func keysSharedWithNew(_ keys: [UInt64], firstNew: Int) -> [UInt64] {
        var fresh = keys[firstNew...].filter { $0 != 0 }
        fresh.sort()
        // A bitmap of the new keys' low bits rules out most held keys in one load.
        let bits = 1 << 20, mask = UInt64(bits - 1)
        var bitmap = [UInt64](repeating: 0, count: bits / 64)
        for k in fresh { bitmap[Int((k & mask) >> 6)] |= 1 << (k & 63) }
        var out = keys
        out.withUnsafeMutableBufferPointer { o in
            bitmap.withUnsafeBufferPointer { b in
                fresh.withUnsafeBufferPointer { f in
                    for i in 0 ..< firstNew {
                        let k = o[i]
                        guard k != 0 else { continue }
                        if b[Int((k & mask) >> 6)] & (1 << (k & 63)) == 0 { o[i] = 0; continue }
                        var lo = 0, hi = f.count
                        while lo < hi {
                            let mid = (lo + hi) >> 1
                            if f[mid] < k { lo = mid + 1 } else { hi = mid }
                        }
                        if lo == f.count || f[lo] != k { o[i] = 0 }
                    }
                }
            }
        }
        return out
    }

    private func group(_ rule: RuleKeys) -> Grouped {
        // Stable, and the input is in record order: the result is ordered by (key, record). An
        // incremental link sorts only the keys of blocks holding a new record: the others give
        // no allowed pair.
        let incremental = index.firstNew > 0 && index.firstNew < rule.keys.count
        let (sortedKeys, order) = RadixSort.sortedNonZero(
            incremental ? Self.keysSharedWithNew(rule.keys, firstNew: index.firstNew) : rule.keys)
        var g = Grouped(report: BlockingRuleReport(
            rule: rule.name, recordsWithKey: incremental ? rule.keys.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } : sortedKeys.count,
            blocks: 0, pairs: 0, pairsIncludingEarlierRules: 0,
            oversizedBlocks: 0, oversizedPairs: 0, oversizedExamples: []))
        g.order = order
        g.emitted = rule.keys
        var oversized: [(pairs: Int, first: UInt32, size: Int)] = []
        var start = 0
        while start < sortedKeys.count {
            var end = start + 1
            while end < sortedKeys.count && sortedKeys[end] == sortedKeys[start] { end += 1 }
            if end - start > 1 {
                let pairs = allowedPairs(g.order[start ..< end])
                if pairs > maxBlockPairs {
                    g.report.oversizedBlocks += 1
                    g.report.oversizedPairs += pairs
                    oversized.append((pairs, g.order[start], end - start))
                    for i in start ..< end { g.emitted[Int(g.order[i])] = 0 }
                } else if pairs > 0 {
                    g.blocks.append(Block(start: Int32(start), end: Int32(end)))
                }
            }
            start = end
        }
        g.report.blocks = g.blocks.count
        oversized.sort { $0.pairs != $1.pairs ? $0.pairs > $1.pairs : $0.first < $1.first }
        g.report.oversizedExamples = oversized.prefix(5).map {
            "\(rule.describe(Int($0.first))): \($0.size) records, \($0.pairs) pairs"
        }
        return g
    }

    private func emit(blocks: ArraySlice<Block>, order: [UInt32], rule k: Int, emitted: [[UInt64]]) -> (CandidatePairs, Int) {
        var out = CandidatePairs()
        var including = 0
        for block in blocks {
            let s = Int(block.start), e = Int(block.end)
            for i in s ..< e {
                let a = order[i]
                for j in (i + 1) ..< e {
                    let b = order[j]
                    guard allowed(a, b) else { continue }
                    including += 1
                    var earlier = false
                    for r in 0 ..< k {
                        let ka = emitted[r][Int(a)]
                        if ka != 0 && ka == emitted[r][Int(b)] { earlier = true; break }
                    }
                    if earlier { continue }
                    out.left.append(min(a, b))
                    out.right.append(max(a, b))
                    out.rule.append(UInt8(k))
                }
            }
        }
        return (out, including)
    }
}
