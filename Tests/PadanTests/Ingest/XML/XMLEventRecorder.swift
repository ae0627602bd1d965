@testable import Padan

/// Records what a scan reports as plain strings, merging adjacent text: `S:name`, `A:name=value`
/// (attributes in document order), `E:name`, `T:text`. The same form as the reference script.
struct XMLEventRecorder: XMLHandler {
    var events: [String] = []
    private var pendingText: [UInt8] = []

    private mutating func flush() {
        if !pendingText.isEmpty {
            events.append("T:" + String(decoding: pendingText, as: UTF8.self))
            pendingText.removeAll()
        }
    }

    mutating func startElement(_ tag: XMLTag) throws {
        flush()
        events.append("S:" + String(decoding: tag.name, as: UTF8.self))
        for i in 0 ..< tag.attributeCount {
            events.append("A:" + String(decoding: tag.attributeName(i), as: UTF8.self) + "="
                          + String(decoding: tag.attributeValue(i), as: UTF8.self))
        }
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {
        flush()
        events.append("E:" + String(decoding: name, as: UTF8.self))
    }

    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        pendingText.append(contentsOf: bytes)
    }

    /// Scans `document` in chunks of the given sizes (cycled), or whole when `chunks` is empty.
    static func scan(_ document: [UInt8], chunks: [Int] = [], markupLimit: Int = 4 << 20) -> Result<[String], XMLSyntaxError> {
        var scanner = XMLScanner(markupLimit: markupLimit)
        var recorder = XMLEventRecorder()
        do {
            var i = 0
            var k = 0
            while i < document.count {
                let size = chunks.isEmpty ? document.count : max(1, chunks[k % chunks.count])
                k += 1
                let end = min(document.count, i + size)
                try document[i ..< end].withUnsafeBytes { try scanner.feed($0, into: &recorder) }
                i = end
            }
            try scanner.finish(into: &recorder)
            recorder.flush()
            return .success(recorder.events)
        } catch let e as XMLSyntaxError {
            return .failure(e)
        } catch {
            return .failure(XMLSyntaxError(line: 0, message: "\(error)"))
        }
    }
}
