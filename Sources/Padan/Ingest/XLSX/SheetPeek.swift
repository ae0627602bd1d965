/// Reads a worksheet only as far as its header: the first rows, until ``TableBuilder`` has
/// chosen the header (see ``HeaderDetector``), then stops the scan. Used to choose among the
/// sheets of a workbook without reading each whole.
struct SheetPeek: XMLHandler {
    var part: SheetPart

    /// Thrown to stop the scan once the header is known; ``ZipXMLPart`` ends the part there.
    struct Enough: Error {}

    mutating func startElement(_ tag: XMLTag) throws { try part.startElement(tag) }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        try part.endElement(name)
        if part.builder.header != nil { throw Enough() }
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws { try part.text(bytes) }
}
