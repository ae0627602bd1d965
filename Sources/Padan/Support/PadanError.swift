/// An error that names where the problem is: the file, the line (when there is one) and what is wrong.
///
/// `description` is the message a person sees, e.g. `city.csv:17: 15 fields where the header has 13`.
public struct PadanError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is; the CLI maps it to an exit code.
    public enum Kind: String, Sendable {
        /// The input cannot be read or is not what was asked for (exit code 1).
        case badInput
        /// A command-line or configuration mistake (exit code 1).
        case usage
        /// A configured limit was exceeded (exit code 2).
        case limit
        /// A bug or an operating-system failure (exit code 2).
        case internalError
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The file concerned, if any.
    public let file: String?
    /// The 1-based line (or sheet row) concerned, if any.
    public let line: Int?
    /// What went wrong, in a sentence.
    public let message: String
    /// The setting that would let the call go through (e.g. `force` to replace an existing
    /// output): the library names its own parameter and a front end its own flag for it.
    public let setting: String?

    /// An error of `kind` about `file` at `line`, saying `message`; `setting` names the setting that would lift it.
    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ message: String, setting: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
        self.setting = setting
    }

    /// `file:line: message`, as a person reads it.
    public var description: String {
        var prefix = ""
        if let file { prefix = file + (line.map { ":\($0)" } ?? "") + ": " }
        return prefix + message
    }
}
