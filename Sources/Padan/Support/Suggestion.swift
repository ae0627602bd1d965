import PadanKernels

/// "Did you mean …?" for a misspelt name: a configuration key, a command, a preset.
package enum Suggestion {
    /// The candidate closest to `word` by edit distance (adjacent swaps count one edit), when it is
    /// close enough to be what was meant: at most 2 edits, and fewer than half the word's length.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let folded = word.lowercased()
        var best: (distance: Int, name: String)?
        for candidate in candidates {
            let d = OSA.distance(folded, candidate.lowercased(), cutoff: 2)
            guard d <= 2, d * 2 < max(folded.count, 2) else { continue }
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.name) {
                best = (d, candidate)
            }
        }
        return best?.name
    }

    /// ` (did you mean 'threshold'?)`, or nothing.
    package static func phrase(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
