/// Token-based ratios for names whose words come in any order ("SITI AMINAH" / "AMINAH SITI"),
/// built on the Indel similarity (the "ratio" of fuzzywuzzy and rapidfuzz, here in 0...1).
/// Tokens are the non-empty runs between ASCII spaces.
///
///     TokenRatio.sortRatio("SITI AMINAH", "AMINAH SITI")        // 1.0
///     TokenRatio.setRatio("MUHAMMAD RIZKI", "RIZKI MUHAMMAD S") // 1.0 (one side's tokens ⊂ other's)
///
/// Two strings without tokens score 1.0; exactly one without tokens scores 0.0.
public enum TokenRatio {
    /// The Indel similarity of the two token lists, each sorted bytewise and joined by single
    /// spaces.
    ///
    ///     TokenRatio.sortRatio(a, b)
    ///
    /// - Complexity: O(t² + m·n/64) for t tokens; temporary memory only.
    public static func sortRatio(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        Tokens.with(a, sorted: true, unique: false) { ta in
            Tokens.with(b, sorted: true, unique: false) { tb in
                Tokens.joined(ta) { ja in Tokens.joined(tb) { jb in Indel.normalizedSimilarity(ja, jb) } }
            }
        }
    }

    /// ``sortRatio(_:_:)`` on the UTF-8 bytes of `a` and `b`.
    ///
    ///     TokenRatio.sortRatio("SITI AMINAH", "AMINAH SITI") // 1.0
    ///
    /// - Complexity: As the buffer overload.
    public static func sortRatio(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { sortRatio($0, $1) }
    }

    /// `sortRatio` on the bytes of `a` and `b`.
    ///
    ///     TokenRatio.sortRatio(Array("SITI AMINAH".utf8), Array("AMINAH SITI".utf8)) // 1.0
    ///
    /// - Complexity: As the buffer overload.
    public static func sortRatio(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { sortRatio($0, $1) }
    }

    /// The token-set ratio: with `T` the sorted common tokens and `A`, `B` each side's own
    /// tokens (sets, sorted, joined by spaces), the best Indel similarity among `T` vs `T A`,
    /// `T` vs `T B` and `T A` vs `T B`; 1.0 when the tokens of one side are a subset of the
    /// other's (and `T` is not empty).
    ///
    ///     TokenRatio.setRatio(a, b)
    ///
    /// - Complexity: O(t² + m·n/64); temporary memory only.
    public static func setRatio(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        Tokens.with(a, sorted: true, unique: true) { ta in
            Tokens.with(b, sorted: true, unique: true) { tb in
                if ta.isEmpty || tb.isEmpty { return ta.isEmpty && tb.isEmpty ? 1 : 0 }
                return Tokens.decompose(ta, tb) { common, onlyA, onlyB in
                    if !common.isEmpty && (onlyA.isEmpty || onlyB.isEmpty) { return 1 }
                    // `T A` and `T B` share the prefix `T `, so their Indel distance is that of
                    // `A` and `B`; `T` is a prefix of `T A`, so that distance is `1 + |A|`.
                    let t = Tokens.joinedLength(common)
                    let la = Tokens.joinedLength(onlyA), lb = Tokens.joinedLength(onlyB)
                    let separator = common.isEmpty ? 0 : 1
                    let ta = t + separator + la, tb = t + separator + lb
                    let apart = Tokens.joined(onlyA) { ja in Tokens.joined(onlyB) { jb in Indel.distance(ja, jb) } }
                    var best = Normalization.similarity(apart, maximum: ta + tb)
                    if !common.isEmpty {
                        best = max(best, Normalization.similarity(1 + la, maximum: t + ta))
                        best = max(best, Normalization.similarity(1 + lb, maximum: t + tb))
                    }
                    return best
                }
            }
        }
    }

    /// ``setRatio(_:_:)`` on the UTF-8 bytes of `a` and `b`.
    ///
    ///     TokenRatio.setRatio("SITI AMINAH", "AMINAH SITI NURHALIZA") // 1.0
    ///
    /// - Complexity: As the buffer overload.
    public static func setRatio(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { setRatio($0, $1) }
    }

    /// `setRatio` on the bytes of `a` and `b`.
    ///
    ///     TokenRatio.setRatio(Array("SITI AMINAH".utf8), Array("AMINAH SITI NURHALIZA".utf8)) // 1.0
    ///
    /// - Complexity: As the buffer overload.
    public static func setRatio(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { setRatio($0, $1) }
    }
}
