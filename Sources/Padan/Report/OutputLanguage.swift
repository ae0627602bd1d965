/// The language of the outputs people read: the results workbook, the printed summary and the
/// review sheet's instructions. Indonesian by default, since the people who act on the results
/// work in it; file names, CSV headers and `summary.json` keys stay the same in both, for tools.
public enum OutputLanguage: String, Sendable, Codable, CaseIterable {
    /// Bahasa Indonesia (`--lang id`, the default).
    case indonesian = "id"
    /// English (`--lang en`).
    case english = "en"

    /// The language for a `--lang` value (`id`, `en`, or their names), or `nil`.
    public init?(code: String) {
        switch code.lowercased() {
        case "id", "ind", "indonesia", "indonesian", "bahasa": self = .indonesian
        case "en", "eng", "english", "inggris": self = .english
        default: return nil
        }
    }

    var words: ResultWords { self == .indonesian ? .indonesian : .english }
}
