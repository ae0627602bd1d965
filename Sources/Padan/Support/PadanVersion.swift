/// Padan's version, as `padan --version` prints it and results record it.
public enum PadanVersion {
    /// Semantic version of the library and the command-line tool.
    public static let current = "0.2.0"
}
