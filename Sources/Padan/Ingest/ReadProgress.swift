/// How far the reading of a large file has come, for a progress display.
public struct ReadProgress: Sendable, Equatable {
    /// The file being read.
    public var file: String
    /// Bytes read so far: of the file for delimited text, of the sheet's XML for a workbook.
    public var bytesRead: Int
    /// Bytes in all (of the file, or of the sheet's XML).
    public var totalBytes: Int
}
