import Foundation

/// Deterministic, realistic Indonesian name and NIK pairs for the kernel benchmarks.
///
/// Names are built from common given and family names (1 to 4 tokens, 4 to 40 bytes); the second
/// name of a pair is a variation as seen in agency lists: old and new spelling (OE/U, DJ/J, TJ/C,
/// J/Y, CH/KH, SJ/SY, NJ/NY), typos (substitution, insertion, deletion, swap), dropped or swapped
/// tokens, abbreviated MUHAMMAD, doubled or single consonants; one pair in five is two unrelated
/// names, as in a blocking bucket.
public enum PairCorpus {
    static let given = [
        "SITI", "NUR", "SRI", "MUHAMMAD", "AHMAD", "DEWI", "AGUS", "BUDI", "RINA", "YULI", "ASEP", "DEDE",
        "RIZKI", "PUTRI", "EKO", "DWI", "TRI", "ANDI", "FITRI", "INDAH", "JOKO", "SOEKARNO", "WAHYU", "HENDRA",
        "YUSUF", "IBRAHIM", "KHOIRUL", "NURUL", "DJOKO", "TJAHJO", "SUSILO", "BAMBANG", "SLAMET", "SUPRIJADI",
        "ABDUL", "RAHMAT", "LUTFI", "AYU", "KADEK", "I GUSTI", "NI LUH", "MOCHAMAD", "ACHMAD", "YOHANES",
    ]
    static let family = [
        "AMINAH", "RAHAYU", "HIDAYAT", "SETIAWAN", "KURNIASIH", "SAPUTRA", "LESTARI", "NURHAYATI", "SUHENDAR",
        "WIBOWO", "SANTOSO", "PRASETYO", "HARTONO", "SUSANTI", "WIJAYA", "KUSUMA", "NUGROHO", "PRATAMA",
        "SYAHPUTRA", "SIREGAR", "NASUTION", "SIMANJUNTAK", "HUTAPEA", "SOEHARTO", "SOEDIRMAN", "PURNAMASARI",
        "HANDAJANI", "SJAHRIR", "KARTINI", "ANGGRAINI", "RAMADHAN", "FIRMANSYAH", "HERMAWAN", "YULIANTI",
    ]
    /// Old (Van Ophuijsen / Soewandi) and new (EYD) spellings, both directions.
    static let spellings: [(String, String)] = [
        ("OE", "U"), ("DJ", "J"), ("TJ", "C"), ("J", "Y"), ("CH", "KH"), ("SJ", "SY"), ("NJ", "NY"),
        ("MM", "M"), ("AA", "A"), ("Y", "I"), ("MOCH", "MUH"),
    ]

    /// A SplitMix64 generator: the corpus is the same on every machine and run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    static func name(_ g: inout Generator) -> [String] {
        var tokens = [g.pick(given)]
        if g.below(3) > 0 { tokens.append(g.pick(given)) }
        tokens.append(g.pick(family))
        if g.below(4) == 0 { tokens.append(g.pick(family)) }
        while tokens.joined(separator: " ").utf8.count > 40 { tokens.removeLast() }
        return tokens
    }

    static func replaceFirst(_ s: String, _ a: String, _ b: String) -> String? {
        guard let r = s.range(of: a) else { return nil }
        return s.replacingCharacters(in: r, with: b)
    }

    static func typo(_ s: String, _ g: inout Generator) -> String {
        var b = Array(s.utf8)
        guard b.count > 2 else { return s }
        let letters = Array("ABCDEFGHIJKLMNOPRSTUWY".utf8)
        let i = g.below(b.count - 1)
        switch g.below(4) {
        case 0: b[i] = g.pick(letters)
        case 1: b.insert(g.pick(letters), at: i)
        case 2: b.remove(at: i)
        default: b.swapAt(i, i + 1)
        }
        return String(decoding: b, as: UTF8.self)
    }

    static func variant(_ tokens: [String], _ g: inout Generator) -> String {
        var t = tokens
        for _ in 0 ... g.below(2) {
            switch g.below(7) {
            case 0, 1:
                let (old, new) = g.pick(spellings)
                let k = g.below(t.count)
                t[k] = replaceFirst(t[k], old, new) ?? replaceFirst(t[k], new, old) ?? typo(t[k], &g)
            case 2, 3:
                let k = g.below(t.count)
                t[k] = typo(t[k], &g)
            case 4 where t.count > 2: t.remove(at: 1 + g.below(t.count - 1))
            case 5 where t.count > 1: t.swapAt(0, t.count - 1)
            case 6 where t[0] == "MUHAMMAD" || t[0] == "MOCHAMAD": t[0] = g.pick(["M.", "MOCH", "MUH", "MUHAMAD", "MOHAMMAD"])
            default:
                let k = g.below(t.count)
                t[k] = typo(t[k], &g)
            }
        }
        return t.joined(separator: " ")
    }

    /// `count` name pairs, deterministic for `seed`; every name has 4 to 40 bytes.
    public static func namePairs(count: Int = 4096, seed: UInt64 = 2024) -> [(String, String)] {
        var g = Generator(state: seed)
        var out: [(String, String)] = []
        out.reserveCapacity(count)
        while out.count < count {
            let tokens = name(&g)
            let a = tokens.joined(separator: " ")
            let b = g.below(5) == 0 ? name(&g).joined(separator: " ") : variant(tokens, &g)
            guard (4 ... 40).contains(a.utf8.count), (4 ... 40).contains(b.utf8.count) else { continue }
            out.append(g.below(2) == 0 ? (a, b) : (b, a))
        }
        return out
    }

    /// `count` NIK pairs: 16 digits (region, birth date with +40 for women, serial); the second is
    /// the same NIK with a typo, a swapped digit pair, a zeroed tail, or another person's NIK.
    public static func nikPairs(count: Int = 4096, seed: UInt64 = 1945) -> [(String, String)] {
        var g = Generator(state: seed)
        func nik() -> [UInt8] {
            let day = 1 + g.below(28) + (g.below(2) == 0 ? 40 : 0)
            let digits = [32, 73, g.below(30) + 1, day, g.below(12) + 1, g.below(100), g.below(100), g.below(100) + 1]
            return Array(digits.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined().utf8)
        }
        return (0 ..< count).map { i in
            let a = nik()
            var b = a
            switch i % 5 {
            case 0: b[g.below(16)] = UInt8(48 + g.below(10))
            case 1:
                let k = g.below(15)
                b.swapAt(k, k + 1)
            case 2: for k in (16 - 1 - g.below(3)) ..< 16 { b[k] = 48 }
            case 3: b = nik()
            default: break
            }
            return (String(decoding: a, as: UTF8.self), String(decoding: b, as: UTF8.self))
        }
    }

    /// Writes pairs as `a<TAB>b` lines.
    public static func write(_ pairs: [(String, String)], to path: String) throws {
        try pairs.map { "\($0)\t\($1)\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Reads `a<TAB>b` lines.
    public static func read(from path: String) throws -> [(String, String)] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }
}
