/// LSD radix sort of (key, record) pairs by key, stable, so equal keys keep record order: the
/// result is ordered by (key, record) when the input is in record order.
///
/// Blocking sorts every rule's keys; for hundreds of thousands of 64-bit keys eight byte-wide
/// passes beat a comparison sort several times over. Passes whose byte is the same for every key
/// are skipped.
enum RadixSort {
    /// The records whose key is not 0 and their keys, ordered by (key, record).
    static func sortedNonZero(_ all: [UInt64]) -> (keys: [UInt64], records: [UInt32]) {
        var keys: [UInt64] = [], records: [UInt32] = []
        keys.reserveCapacity(all.count)
        records.reserveCapacity(all.count)
        for (r, k) in all.enumerated() where k != 0 {
            keys.append(k)
            records.append(UInt32(r))
        }
        sort(keys: &keys, records: &records)
        return (keys, records)
    }

    static func sort(keys: inout [UInt64], records: inout [UInt32]) {
        let n = keys.count
        guard n > 1 else { return }
        // The eight bytes' histograms in one read of the keys, not one read per pass.
        var histograms = [Int](repeating: 0, count: 8 * 256)
        histograms.withUnsafeMutableBufferPointer { h in
            keys.withUnsafeBufferPointer { k in
                for key in k {
                    var v = key
                    for pass in 0 ..< 8 {
                        h[pass &* 256 &+ Int(truncatingIfNeeded: v & 0xFF)] &+= 1
                        v >>= 8
                    }
                }
            }
        }
        var keys2 = [UInt64](repeating: 0, count: n)
        var records2 = [UInt32](repeating: 0, count: n)
        for pass in 0 ..< 8 {
            let shift = UInt64(pass * 8)
            let skip = histograms.withUnsafeMutableBufferPointer { h -> Bool in
                let counts = UnsafeMutableBufferPointer(rebasing: h[pass * 256 ..< pass * 256 + 256])
                if counts.contains(n) { return true }  // every key has the same byte here
                var total = 0
                for i in 0 ..< 256 {
                    let c = counts[i]
                    counts[i] = total
                    total += c
                }
                return false
            }
            if skip { continue }
            keys.withUnsafeBufferPointer { k in
                records.withUnsafeBufferPointer { r in
                    keys2.withUnsafeMutableBufferPointer { k2 in
                        records2.withUnsafeMutableBufferPointer { r2 in
                            histograms.withUnsafeMutableBufferPointer { h in
                                let c = UnsafeMutableBufferPointer(rebasing: h[pass * 256 ..< pass * 256 + 256])
                                for i in 0 ..< n {
                                    let b = Int(truncatingIfNeeded: (k[i] >> shift) & 0xFF)
                                    let at = c[b]
                                    c[b] = at &+ 1
                                    k2[at] = k[i]
                                    r2[at] = r[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keys2)
            swap(&records, &records2)
        }
    }
}
