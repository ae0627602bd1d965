/// Finds the header among the first rows of a sheet or text file.
///
/// Office lists rarely start with their header: a title ("DAFTAR PENERIMA BANSOS ... TAHAP 2"),
/// the office's name and a blank row come first, the header may take two rows (a parent row
/// such as IDENTITAS over NIK, NAMA, TGL LAHIR, with merged cells), and a row numbering the
/// columns "(1) (2) (3)" may follow it. Every candidate row, and every pair of adjacent rows read
/// as parent and child, is scored against ``HeaderVocabulary``; the best wins, the earliest on
/// ties, a pair only when it scores clearly above both its rows. With nothing that looks like a
/// header, the first row is the header (as in a plain CSV).
enum HeaderDetector {
    /// How many non-blank rows are looked at.
    static let searchRows = 30

    /// The header found: which candidate rows it takes, the column names, and the column-numbering
    /// rows right below it.
    struct Choice: Equatable {
        var rows: [Int]
        var names: [String]
        var score: Double
        var numberingRows: [Int] = []
    }

    /// Chooses the header among `rows` (the cells of the first non-blank rows, trimmed).
    static func choose(_ rows: [[String]]) -> Choice {
        precondition(!rows.isEmpty)
        let single = rows.map(HeaderVocabulary.score)
        var best = Choice(rows: [0], names: rows[0], score: single[0])
        for i in rows.indices {
            if single[i] > best.score { best = Choice(rows: [i], names: rows[i], score: single[i]) }
            guard i + 1 < rows.count else { continue }
            let names = combine(parent: rows[i], child: rows[i + 1])
            let pair = HeaderVocabulary.score(names)
            if pair > max(single[i], single[i + 1]) + 0.5 && pair > best.score {
                best = Choice(rows: [i, i + 1], names: names, score: pair)
            }
        }
        best.numberingRows = numberingRows(after: best.rows.last!, in: rows)
        return best
    }

    /// The numbering rows that directly follow row `index`.
    static func numberingRows(after index: Int, in rows: [[String]]) -> [Int] {
        var found: [Int] = []
        var k = index + 1
        while k < rows.count && isNumberingRow(rows[k]) {
            found.append(k)
            k += 1
        }
        return found
    }

    /// Column names from a parent row over a child row. A parent cell spreads right over the
    /// empty parent cells after it (a merged cell keeps its text in its first cell only) as long
    /// as the child row has text there. A column with no child text takes the parent's (a cell
    /// merged down over both rows); a child that means nothing alone is tried with its parent
    /// (`TEMPAT` under `LAHIR`).
    static func combine(parent: [String], child: [String]) -> [String] {
        let width = max(parent.count, child.count)
        var spread = ""
        var names: [String] = []
        for c in 0 ..< width {
            let p = c < parent.count ? parent[c] : ""
            let ch = c < child.count ? child[c] : ""
            if !p.isEmpty { spread = p } else if ch.isEmpty { spread = "" }
            if ch.isEmpty {
                names.append(p)
                continue
            }
            if spread.isEmpty {
                names.append(ch)
                continue
            }
            if let m = HeaderVocabulary.match(ch), !m.leading {
                names.append(ch)
            } else if let m = HeaderVocabulary.match(ch + " " + spread), !m.leading {
                names.append(ch + " " + spread)
            } else if let m = HeaderVocabulary.match(spread + " " + ch), !m.leading {
                names.append(spread + " " + ch)
            } else {
                names.append(ch)
            }
        }
        return names
    }

    /// Whether `cells` number the columns: at least three cells, each a small number (`1`,
    /// `(1)`, `1.`), counting up by one.
    static func isNumberingRow(_ cells: [String]) -> Bool {
        var previous: Int?
        var count = 0
        for cell in cells where !cell.isEmpty {
            var digits = Substring(cell)
            if digits.hasPrefix("(") && digits.hasSuffix(")") { digits = digits.dropFirst().dropLast() }
            if digits.hasSuffix(".") { digits = digits.dropLast() }
            guard digits.count <= 3, let n = Int(digits), n >= 0 else { return false }
            if let previous, n != previous + 1 { return false }
            previous = n
            count += 1
        }
        return count >= 3
    }
}
