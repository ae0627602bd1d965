/// A part that is not well-formed XML (or not text in an encoding Padan reads), with the 1-based
/// line of the part where the scanner stopped.
struct XMLSyntaxError: Error, Equatable {
    let line: Int
    let message: String
    /// The bytes are not text (not UTF-8, or broken UTF-16), as opposed to text that is not XML.
    var encoding = false
}
