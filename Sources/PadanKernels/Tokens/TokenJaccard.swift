/// Jaccard similarity of token sets: `|A ∩ B| / |A ∪ B|`, tokens being the non-empty runs
/// between ASCII spaces, duplicates counted once.
///
///     TokenJaccard.similarity("SITI AMINAH", "AMINAH SITI")     // 1.0
///     TokenJaccard.similarity("MUHAMMAD RIZKI", "MOCH RIZKI")   // 1/3
///
/// Two strings without tokens score 1.0.
public enum TokenJaccard {
    /// `|A ∩ B| / |A ∪ B|` over the token sets of `a` and `b`.
    ///
    ///     TokenJaccard.similarity(a, b)
    ///
    /// - Complexity: O(t² + m + n) for t tokens; temporary memory only.
    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        Tokens.with(a, sorted: true, unique: true) { ta in
            Tokens.with(b, sorted: true, unique: true) { tb in
                if ta.isEmpty && tb.isEmpty { return 1 }
                var common = 0, i = 0, j = 0
                while i < ta.count && j < tb.count {
                    let order = Tokens.compare(ta[i], tb[j])
                    if order == 0 { common += 1 }
                    if order <= 0 { i += 1 }
                    if order >= 0 { j += 1 }
                }
                return Double(common) / Double(ta.count + tb.count - common)
            }
        }
    }

    /// ``similarity(_:_:)`` on the UTF-8 bytes of `a` and `b`.
    ///
    ///     TokenJaccard.similarity("SITI AMINAH", "SITI") // 0.5
    ///
    /// - Complexity: As the buffer overload.
    public static func similarity(_ a: String, _ b: String) -> Double {
        Bytes.with(a, b) { similarity($0, $1) }
    }

    /// `similarity` on the bytes of `a` and `b`.
    ///
    ///     TokenJaccard.similarity(Array("SITI AMINAH".utf8), Array("SITI".utf8)) // 0.5
    ///
    /// - Complexity: As the buffer overload.
    public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Bytes.with(a, b) { similarity($0, $1) }
    }
}
