/// What a streaming XML scan reports: element starts and ends, and text.
///
/// A handler is generic state that ``XMLScanner`` drives; the buffers it is handed are valid only
/// during the call. Text may arrive in several pieces for one text node (a long value split across
/// input chunks, or text around a CDATA section or a comment), so a handler appends rather than
/// assigns. Throwing from any method stops the scan with that error.
protocol XMLHandler {
    /// An element starts. A self-closing element (`<c r="A1"/>`) is a start followed by an end.
    mutating func startElement(_ tag: XMLTag) throws
    /// An element ends; `name` is its qualified name (with any prefix).
    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws
    /// Character data inside the root element, entities and line ends already decoded.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws
}
