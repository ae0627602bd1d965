/// What the compare stage produces: for every candidate pair, one level per comparison (in a flat
/// buffer, `comparisonCount` bytes per pair), the flags the evidence rules read, and which blocking
/// rules' keys the pair agrees on (bit k for rule k; the training sessions select by it).
struct ComparedPairs: Sendable {
    var pairs: CandidatePairs
    var comparisonCount: Int
    var levels: [UInt8]
    var flags: [UInt8]
    var agreement: [UInt32]

    /// The pairs at `indices`, in that order.
    func subset(_ indices: [Int]) -> ComparedPairs {
        let c = comparisonCount
        var out = ComparedPairs(pairs: CandidatePairs(), comparisonCount: c, levels: [], flags: [], agreement: [])
        out.pairs.left.reserveCapacity(indices.count)
        out.pairs.right.reserveCapacity(indices.count)
        out.pairs.rule.reserveCapacity(indices.count)
        out.levels.reserveCapacity(indices.count * c)
        out.flags.reserveCapacity(indices.count)
        out.agreement.reserveCapacity(indices.count)
        for p in indices {
            out.pairs.left.append(pairs.left[p])
            out.pairs.right.append(pairs.right[p])
            out.pairs.rule.append(pairs.rule[p])
            out.levels.append(contentsOf: levels[p * c ..< (p + 1) * c])
            out.flags.append(flags[p])
            out.agreement.append(agreement[p])
        }
        return out
    }
}

extension Comparer {
    /// Compares every pair of `pairs`, in chunks on `threads` threads, each pair's results written
    /// at its own index: the same output for any thread count. `ruleKeys[k][record]` are the
    /// blocking keys of rule k.
    func compare(_ pairs: CandidatePairs, data: CompareData, ruleKeys: [[UInt64]], threads: Int, meter: ProgressMeter? = nil) -> ComparedPairs {
        // The rules' keys laid out record by record, so a pair reads two short runs instead of
        // two entries per rule.
        let ruleCount = ruleKeys.count
        var keysByRecord = [UInt64](repeating: 0, count: data.records.count * ruleCount)
        for (k, keys) in ruleKeys.enumerated() {
            for (r, key) in keys.enumerated() { keysByRecord[r * ruleCount + k] = key }
        }
        let c = plans.count
        var levels = [UInt8](repeating: 0, count: pairs.count * c)
        var agreement = [UInt32](repeating: 0, count: pairs.count)
        var flags = [UInt8](repeating: 0, count: pairs.count)
        levels.withUnsafeMutableBufferPointer { levelsOut in
            agreement.withUnsafeMutableBufferPointer { agreementOut in
                flags.withUnsafeMutableBufferPointer { flagsOut in
                    let l = UnsafeSendable(levelsOut), g = UnsafeSendable(agreementOut), f = UnsafeSendable(flagsOut)
                    Parallel.forEach(count: pairs.count, threads: threads, minChunk: 4096, meter: meter) { range in
                        for p in range {
                            let a = Int(pairs.left[p]), b = Int(pairs.right[p])
                            f.value[p] = self.levels(data, a, b, into: UnsafeMutableBufferPointer(rebasing: l.value[p * c ..< (p + 1) * c]))
                            var mask: UInt32 = 0
                            for k in 0 ..< ruleCount {
                                let ka = keysByRecord[a &* ruleCount &+ k]
                                if ka != 0 && ka == keysByRecord[b &* ruleCount &+ k] { mask |= 1 << UInt32(k) }
                            }
                            g.value[p] = mask
                        }
                    }
                }
            }
        }
        return ComparedPairs(pairs: pairs, comparisonCount: c, levels: levels, flags: flags, agreement: agreement)
    }
}
