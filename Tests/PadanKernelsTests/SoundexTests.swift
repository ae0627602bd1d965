import Testing
import PadanKernels

/// Soundex against the examples of the US National Archives' rules.
@Suite struct SoundexTests {
    @Test(arguments: [
        ("Robert", "R163"), ("Rupert", "R163"), ("Rubin", "R150"), ("Ashcraft", "A261"), ("Ashcroft", "A261"),
        ("Tymczak", "T522"), ("Pfister", "P236"), ("Honeyman", "H555"), ("Lee", "L000"), ("Gutierrez", "G362"),
        ("o'hara", "O600"), ("", ""), ("1234", ""),
    ])
    func code(word: String, expected: String) {
        #expect(Soundex.code(word) == expected)
    }
}
