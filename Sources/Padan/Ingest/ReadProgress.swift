/// How far the reading of a large file has come, for a progress display.
public struct ReadProgress: Sendable, Equatable {
    /// The file being read.
    public var file: String
    /// Bytes read so far: of the sheet's XML for a workbook.
    public var bytesRead: Int
    /// Bytes in all (of the sheet's XML for a workbook).
    public var totalBytes: Int
}
