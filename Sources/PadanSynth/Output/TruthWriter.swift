/// Writes the truth: which rows are the same person, across lists and within each list.
enum TruthWriter {
    /// Writes `links.csv`, `duplicates.csv` and `entities.csv`; returns the numbers of cross-list
    /// and within-list pairs. `rows[l][r]` is the person behind row `r` of list `l`.
    static func write(directory: String, names: [String], rows: [[Int32]], ids: [[String]]) throws -> (Int, Int) {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 22)

        let entities = try ChunkedFile(path: directory + "/entities.csv")
        out.append(contentsOf: "source,id,entity_id\n".utf8)
        for (l, list) in rows.enumerated() {
            for (r, person) in list.enumerated() {
                line(&out, names[l], ids[l][r], "P" + Synthesizer.pad(Int(person), 7))
                if out.count > 1 << 22 { try entities.write(&out) }
            }
        }
        try entities.write(&out)
        try entities.close()

        // Rows of each list by person, in row order.
        let byPerson: [[Int32: [Int32]]] = rows.map { list in
            var m: [Int32: [Int32]] = [:]
            m.reserveCapacity(list.count)
            for (r, person) in list.enumerated() { m[person, default: []].append(Int32(r)) }
            return m
        }

        var linkCount = 0
        let links = try ChunkedFile(path: directory + "/links.csv")
        out.append(contentsOf: "left_source,left_id,right_source,right_id\n".utf8)
        for a in 0 ..< rows.count {
            for b in (a + 1) ..< rows.count {
                for (r, person) in rows[a].enumerated() {
                    guard let matches = byPerson[b][person] else { continue }
                    for m in matches {
                        line(&out, names[a], ids[a][r], names[b], ids[b][Int(m)])
                        linkCount += 1
                    }
                    if out.count > 1 << 22 { try links.write(&out) }
                }
            }
        }
        try links.write(&out)
        try links.close()

        var dupCount = 0
        let dups = try ChunkedFile(path: directory + "/duplicates.csv")
        out.append(contentsOf: "source,id_a,id_b\n".utf8)
        for (l, list) in rows.enumerated() {
            for (r, person) in list.enumerated() {
                let all = byPerson[l][person]!
                guard all.count > 1 else { continue }
                for earlier in all where Int(earlier) < r {
                    line(&out, names[l], ids[l][Int(earlier)], ids[l][r])
                    dupCount += 1
                }
                if out.count > 1 << 22 { try dups.write(&out) }
            }
        }
        try dups.write(&out)
        try dups.close()
        return (linkCount, dupCount)
    }

    private static func line(_ out: inout [UInt8], _ fields: String...) {
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: f.utf8)
        }
        out.append(10)
    }
}
