/// A person's sex as the lists record it.
public enum Sex: UInt8, Sendable, CaseIterable, Codable {
    /// Not given, or written in a way that was not recognized.
    case unknown = 0
    case male = 1
    case female = 2
}
