import Foundation

/// A streaming scanner for the XML that spreadsheet files are made of (SpreadsheetML parts of
/// `.xlsx`, OpenDocument's `content.xml`), on bytes.
///
/// Bytes are fed in chunks as they come out of the zip entry; a chunk's complete constructs are
/// reported to an ``XMLHandler`` and only an unfinished tail is kept, so a 150 MB sheet is never
/// held whole. It reads elements, attributes, text, the five predefined entities and numeric
/// character references, CDATA sections, comments, processing instructions and the XML
/// declaration, in UTF-8 or UTF-16, with XML's line-end and attribute-value normalization. It
/// checks what makes a document well-formed (one root, matching end tags, quoted attributes,
/// no duplicate attribute, no `<` in values, no undefined entity, no `]]>` or `--` out of place,
/// well-formed UTF-8) and stops with an ``XMLSyntaxError`` naming the line otherwise.
///
/// Deliberately not read: document type declarations (a `<!DOCTYPE` is an error, so no entity is
/// ever expanded and nothing is fetched), and namespaces beyond their prefixes (handlers match on
/// local names). Control characters other than NUL are accepted in text, as the readers this
/// replaced accepted them. One tag, comment, processing instruction or CDATA section may be at
/// most ``markupLimit`` bytes; text of any length is handed over in pieces.
///
/// - Complexity: one pass over the bytes, O(depth) memory beyond the current chunk.
struct XMLScanner {
    /// The longest single tag, comment, processing instruction or CDATA section accepted.
    let markupLimit: Int
    private var decoder = XMLInputDecoder()
    /// Decoded bytes not yet scanned.
    private var buffer: [UInt8] = []
    /// How far `buffer` is known to be well-formed UTF-8.
    private var validEnd = 0
    private var state = State()

    /// Scanner state apart from the buffer, so it can be borrowed while the buffer is.
    fileprivate struct State {
        /// The names of the open elements, end to end. A level's bytes stay after it closes, so
        /// the next sibling of the same name (the usual case: `<c>` after `<c>`) is pushed by a
        /// comparison, not a copy.
        var names: [UInt8] = []
        /// Where each level's name is in `names`; entries from `depth` on are stale.
        var levels: [Range<Int>] = []
        var depth = 0
        /// The current tag's attributes: the first `spanCount` entries.
        var spans: [XMLTag.Span] = []
        var spanCount = 0
        var scratch: [UInt8] = []
        var rootSeen = false
        var rootClosed = false
        var atDocumentStart = true
        /// Newlines in the bytes already dropped from the buffer.
        var linesBefore = 0

        var topName: Range<Int> { levels[depth - 1] }

        mutating func push(_ name: UnsafeBufferPointer<UInt8>) {
            let start = depth == 0 ? 0 : levels[depth - 1].upperBound
            let range = start ..< start + name.count
            let cached = range.upperBound <= names.count && names.withUnsafeBufferPointer {
                XMLName.same(UnsafeBufferPointer(rebasing: $0[range]), name)
            }
            if !cached {
                if names.count > start { names.removeSubrange(start...) }
                names.append(contentsOf: name)
            }
            if depth < levels.count { levels[depth] = range } else { levels.append(range) }
            depth += 1
        }

        mutating func addSpan(_ span: XMLTag.Span) {
            if spanCount < spans.count { spans[spanCount] = span } else { spans.append(span) }
            spanCount += 1
        }
    }

    init(markupLimit: Int = 4 << 20) {
        self.markupLimit = markupLimit
    }

    /// Whether the part began with a byte-order mark.
    var byteOrderMark: Bool { decoder.byteOrderMark }

    /// Scans the constructs that `chunk` completes.
    mutating func feed<H: XMLHandler>(_ chunk: UnsafeRawBufferPointer, into handler: inout H) throws {
        try run(chunk, final: false, into: &handler)
    }

    /// Scans what is left and checks that the document is complete.
    mutating func finish<H: XMLHandler>(into handler: inout H) throws {
        try run(UnsafeRawBufferPointer(start: nil, count: 0), final: true, into: &handler)
        if state.depth > 0 {
            throw XMLSyntaxError(line: state.linesBefore + 1,
                                 message: "the part ends inside element <\(openName())>")
        }
        if !state.rootSeen {
            throw XMLSyntaxError(line: state.linesBefore + 1, message: "the part has no root element")
        }
    }

    private func openName() -> String {
        String(decoding: state.names[state.topName], as: UTF8.self)
    }

    private mutating func run<H: XMLHandler>(_ chunk: UnsafeRawBufferPointer, final: Bool, into handler: inout H) throws {
        do {
            try decoder.decode(chunk, into: &buffer, final: final)
        } catch let e as XMLDecodeError {
            throw XMLSyntaxError(line: line(at: buffer.count), message: e.message, encoding: true)
        }
        var invalidAt = 0
        let valid = buffer.withUnsafeBufferPointer {
            UTF8Prefix.validEnd($0, from: validEnd, final: final, invalidAt: &invalidAt)
        }
        guard let valid else {
            throw XMLSyntaxError(line: line(at: invalidAt), message: "bytes that are not UTF-8", encoding: true)
        }
        validEnd = valid
        var s = State()
        swap(&s, &state)
        defer { swap(&s, &state) }
        let limit = markupLimit
        let consumed: Int
        do {
            consumed = try buffer.withUnsafeBufferPointer { all in
                try Self.scan(UnsafeBufferPointer(rebasing: all[..<valid]), final: final, limit: limit,
                              state: &s, handler: &handler)
            }
        } catch let failure as ScanFailure {
            throw XMLSyntaxError(line: s.linesBefore + 1 + newlines(in: 0 ..< failure.offset), message: failure.message)
        }
        s.linesBefore += newlines(in: 0 ..< consumed)
        buffer.removeSubrange(0 ..< consumed)
        validEnd -= consumed
    }

    private func newlines(in range: Range<Int>) -> Int {
        buffer.withUnsafeBufferPointer { all in
            let p = UnsafeBufferPointer(rebasing: all[..<range.upperBound])
            var count = 0
            var at = range.lowerBound
            while let hit = Self.find(0x0A, p, from: at) {
                count &+= 1
                at = hit + 1
            }
            return count
        }
    }

    private func line(at offset: Int) -> Int {
        state.linesBefore + 1 + newlines(in: 0 ..< min(offset, buffer.count))
    }

    // MARK: - The scan

    private struct ScanFailure: Error {
        let offset: Int
        let message: String
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&")
    private static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, rbracket = UInt8(ascii: "]")
    private static let slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), bang = UInt8(ascii: "!")
    private static let dash = UInt8(ascii: "-"), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")

    @inline(__always)
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    @inline(__always)
    private static func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F || b == 0x3A || b >= 0x80
    }

    @inline(__always)
    private static func isNameChar(_ b: UInt8) -> Bool {
        isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E
    }

    @inline(__always)
    private static func find(_ byte: UInt8, _ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < p.count, let base = p.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), p.count - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func show(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: p[range.lowerBound ..< min(range.upperBound, range.lowerBound + 60)], as: UTF8.self)
    }

    /// Scans `p` and returns how many bytes were consumed; the rest is an unfinished construct
    /// (or text that may go on) to be scanned again with more bytes.
    private static func scan<H: XMLHandler>(_ p: UnsafeBufferPointer<UInt8>, final: Bool, limit: Int,
                                            state s: inout State, handler: inout H) throws -> Int {
        var pos = 0
        let n = p.count
        /// An unfinished construct at `pos`: wait for more, or fail at the end or over the limit.
        func incomplete(_ what: String) throws -> Int {
            if final { throw ScanFailure(offset: pos, message: "the part ends inside \(what)") }
            if n - pos > limit {
                throw ScanFailure(offset: pos, message: "\(what) longer than \(limit) bytes")
            }
            return pos
        }
        while pos < n {
            if p[pos] != lt {
                guard let next = find(lt, p, from: pos) else {
                    if final {
                        try text(p, pos, n, state: &s, handler: &handler)
                        return n
                    }
                    // Long text goes out in pieces; short text waits for the rest.
                    guard n - pos >= 1 << 16 else { return pos }
                    let cut = safeCut(p, pos, n)
                    guard cut > pos else { return pos }
                    try text(p, pos, cut, state: &s, handler: &handler)
                    return cut
                }
                try text(p, pos, next, state: &s, handler: &handler)
                pos = next
                continue
            }
            guard pos + 1 < n else { return try incomplete("a tag") }
            switch p[pos + 1] {
            case slash:
                guard let close = find(gt, p, from: pos + 2) else { return try incomplete("an end tag") }
                try endTag(p, pos, close, state: &s, handler: &handler)
                pos = close + 1
            case question:
                var k = pos + 2
                var end: Int?
                while let q = find(question, p, from: k) {
                    guard q + 1 < n else { break }
                    if p[q + 1] == gt { end = q; break }
                    k = q + 1
                }
                guard let end else { return try incomplete("a processing instruction") }
                try processingInstruction(p, pos, end, state: &s)
                pos = end + 2
            case bang:
                guard n - pos >= 4 else { return try incomplete("markup") }
                if p[pos + 2] == dash && p[pos + 3] == dash {
                    var k = pos + 4
                    var end: Int?
                    while let d = find(dash, p, from: k) {
                        guard d + 2 < n else { break }
                        if p[d + 1] == dash {
                            guard p[d + 2] == gt else {
                                throw ScanFailure(offset: d, message: "a comment with -- inside it")
                            }
                            end = d
                            break
                        }
                        k = d + 1
                    }
                    guard let end else { return try incomplete("a comment") }
                    s.atDocumentStart = false
                    pos = end + 3
                } else if matches(p, pos, "<![CDATA[") {
                    guard s.depth > 0 else {
                        throw ScanFailure(offset: pos, message: "a CDATA section outside the root element")
                    }
                    var k = pos + 9
                    var end: Int?
                    while let b = find(rbracket, p, from: k) {
                        guard b + 2 < n else { break }
                        if p[b + 1] == rbracket && p[b + 2] == gt { end = b; break }
                        k = b + 1
                    }
                    guard let end else { return try incomplete("a CDATA section") }
                    try cdata(p, pos + 9, end, state: &s, handler: &handler)
                    pos = end + 3
                } else if n - pos < 9 && prefixOf(p, pos, "<![CDATA[") {
                    return try incomplete("markup")
                } else if matches(p, pos, "<!DOCTYPE") || (n - pos < 9 && prefixOf(p, pos, "<!DOCTYPE")) {
                    throw ScanFailure(offset: pos, message: "a DOCTYPE declaration, which spreadsheet parts never have "
                                          + "(Padan does not read them, so no entity is ever expanded)")
                } else {
                    throw ScanFailure(offset: pos, message: "'\(show(p, pos ..< min(n, pos + 12)))' is not a comment or CDATA section")
                }
            default:
                // A start tag ends at the first '>' outside quotes; a '<' before it is an error.
                var k = pos + 1
                var inQuote: UInt8 = 0
                var close: Int?
                while k < n {
                    let b = p[k]
                    if b == lt {
                        throw ScanFailure(offset: k, message: "a '<' inside the tag '\(show(p, pos ..< k))'")
                    }
                    if inQuote != 0 {
                        if b == inQuote { inQuote = 0 }
                    } else if b == quote || b == apostrophe {
                        inQuote = b
                    } else if b == gt {
                        close = k
                        break
                    }
                    k += 1
                }
                guard let close else { return try incomplete("a tag") }
                try startTag(p, pos, close, state: &s, handler: &handler)
                pos = close + 1
            }
        }
        return pos
    }

    @inline(__always)
    private static func matches(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: StaticString) -> Bool {
        let m = literal.utf8CodeUnitCount
        guard p.count - at >= m else { return false }
        for i in 0 ..< m where p[at + i] != literal.utf8Start[i] { return false }
        return true
    }

    /// Whether what is left of `p` from `at` is the start of `literal`.
    private static func prefixOf(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: StaticString) -> Bool {
        let m = min(literal.utf8CodeUnitCount, p.count - at)
        for i in 0 ..< m where p[at + i] != literal.utf8Start[i] { return false }
        return true
    }

    /// Where text without a closing '<' may be cut: not inside an entity reference, and not after
    /// a CR (a CR LF pair is one line end) or a ']' (which might begin `]]>`).
    private static func safeCut(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var cut = end
        var k = end - 1
        while k >= max(start, end - 40) {
            if p[k] == UInt8(ascii: ";") { break }
            if p[k] == amp { cut = k; break }
            k -= 1
        }
        while cut > start && (p[cut - 1] == cr || p[cut - 1] == rbracket) { cut -= 1 }
        return cut
    }

    private static func text<H: XMLHandler>(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                            state s: inout State, handler: inout H) throws {
        guard start < end else { return }
        if s.depth == 0 {
            for i in start ..< end where !isSpace(p[i]) {
                let message = s.rootClosed ? "text after the root element has ended" : "text before the root element"
                throw ScanFailure(offset: i, message: "\(message): '\(show(p, i ..< end))'")
            }
            s.atDocumentStart = false
            return
        }
        var plain = true
        for i in start ..< end {
            let b = p[i]
            if b == amp || b == cr || b == rbracket || b == 0 { plain = false; break }
        }
        if plain {
            try handler.text(UnsafeBufferPointer(rebasing: p[start ..< end]))
            return
        }
        s.scratch.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let b = p[i]
            switch b {
            case amp:
                i = try reference(p, i, end, into: &s.scratch)
            case cr:
                s.scratch.append(lf)
                i += (i + 1 < end && p[i + 1] == lf) ? 2 : 1
            case rbracket:
                if i + 2 < end && p[i + 1] == rbracket && p[i + 2] == gt {
                    throw ScanFailure(offset: i, message: "']]>' in text, outside a CDATA section")
                }
                s.scratch.append(b)
                i += 1
            case 0:
                throw ScanFailure(offset: i, message: "a NUL byte in text")
            default:
                s.scratch.append(b)
                i += 1
            }
        }
        try s.scratch.withUnsafeBufferPointer { try handler.text($0) }
    }

    private static func cdata<H: XMLHandler>(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                             state s: inout State, handler: inout H) throws {
        guard start < end else { return }
        guard find(cr, UnsafeBufferPointer(rebasing: p[..<end]), from: start) != nil
                || find(0, UnsafeBufferPointer(rebasing: p[..<end]), from: start) != nil else {
            try handler.text(UnsafeBufferPointer(rebasing: p[start ..< end]))
            return
        }
        s.scratch.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let b = p[i]
            if b == 0 { throw ScanFailure(offset: i, message: "a NUL byte in a CDATA section") }
            if b == cr {
                s.scratch.append(lf)
                i += (i + 1 < end && p[i + 1] == lf) ? 2 : 1
            } else {
                s.scratch.append(b)
                i += 1
            }
        }
        try s.scratch.withUnsafeBufferPointer { try handler.text($0) }
    }

    /// Decodes the entity or character reference at `at` (an '&') into `out`; returns the offset
    /// after its ';'.
    private static func reference(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int, into out: inout [UInt8]) throws -> Int {
        var semi = at + 1
        while semi < end && semi < at + 40 && p[semi] != UInt8(ascii: ";") { semi += 1 }
        guard semi < end, p[semi] == UInt8(ascii: ";") else {
            throw ScanFailure(offset: at, message: "an '&' that does not begin an entity reference ('\(show(p, at ..< end))')")
        }
        let body = UnsafeBufferPointer(rebasing: p[(at + 1) ..< semi])
        if body.first == UInt8(ascii: "#") {
            var value: UInt32 = 0
            var digits = 0
            let hex = body.count > 1 && body[1] == UInt8(ascii: "x")
            for b in body.dropFirst(hex ? 2 : 1) {
                let d: UInt32
                switch b {
                case 48...57: d = UInt32(b - 48)
                case 97...102 where hex: d = UInt32(b - 87)
                case 65...70 where hex: d = UInt32(b - 55)
                default: throw ScanFailure(offset: at, message: "a malformed character reference '&\(show(p, (at + 1) ..< semi));'")
                }
                value = min(value * (hex ? 16 : 10) + d, 0x11_0000)
                digits += 1
            }
            let allowed = value == 0x9 || value == 0xA || value == 0xD || (0x20 ... 0xD7FF).contains(value)
                || (0xE000 ... 0xFFFD).contains(value) || (0x1_0000 ... 0x10_FFFF).contains(value)
            guard digits > 0, allowed else {
                throw ScanFailure(offset: at, message: "the character reference '&\(show(p, (at + 1) ..< semi));' names a character XML does not allow")
            }
            Windows1252.appendUTF8(value, to: &out)
        } else if XMLName.equals(body, "lt") { out.append(lt)
        } else if XMLName.equals(body, "gt") { out.append(gt)
        } else if XMLName.equals(body, "amp") { out.append(amp)
        } else if XMLName.equals(body, "apos") { out.append(apostrophe)
        } else if XMLName.equals(body, "quot") { out.append(quote)
        } else {
            throw ScanFailure(offset: at, message: "the entity '&\(show(p, (at + 1) ..< semi));' is not defined "
                                  + "(XML parts use only &lt; &gt; &amp; &apos; &quot; and numeric references)")
        }
        return semi + 1
    }

    /// Reads a name at `at`; returns its end.
    @inline(__always)
    private static func name(_ p: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int, what: @autoclosure () -> String) throws -> Int {
        guard at < end, isNameStart(p[at]) else {
            throw ScanFailure(offset: at, message: "\(what()) has no valid name")
        }
        var i = at + 1
        while i < end && isNameChar(p[i]) { i += 1 }
        return i
    }

    private static func startTag<H: XMLHandler>(_ p: UnsafeBufferPointer<UInt8>, _ open: Int, _ close: Int,
                                                state s: inout State, handler: inout H) throws {
        let nameStart = open + 1
        let nameEnd = try name(p, nameStart, close, what: "the tag '\(show(p, open ..< close + 1))'")
        s.spanCount = 0
        if !s.scratch.isEmpty { s.scratch.removeAll(keepingCapacity: true) }
        var selfClosing = false
        var i = nameEnd
        while true {
            let spaced = i < close && isSpace(p[i])
            while i < close && isSpace(p[i]) { i += 1 }
            if i == close { break }
            if p[i] == slash {
                guard i + 1 == close else {
                    throw ScanFailure(offset: i, message: "a '/' inside the tag '\(show(p, open ..< close + 1))'")
                }
                selfClosing = true
                break
            }
            guard spaced else {
                throw ScanFailure(offset: i, message: "the tag '\(show(p, open ..< close + 1))' needs a space before each attribute")
            }
            let an = i
            let ae = try name(p, i, close, what: "an attribute in '\(show(p, open ..< close + 1))'")
            i = ae
            while i < close && isSpace(p[i]) { i += 1 }
            guard i < close, p[i] == UInt8(ascii: "=") else {
                throw ScanFailure(offset: i, message: "attribute '\(show(p, an ..< ae))' has no value")
            }
            i += 1
            while i < close && isSpace(p[i]) { i += 1 }
            guard i < close, p[i] == quote || p[i] == apostrophe else {
                throw ScanFailure(offset: i, message: "the value of attribute '\(show(p, an ..< ae))' is not in quotes")
            }
            let q = p[i]
            let vs = i + 1
            var ve = vs
            var plain = true
            while p[ve] != q {  // the closing quote is before `close`: the tag was scanned for it
                let b = p[ve]
                if b == amp || b == cr || b == lf || b == 0x09 { plain = false }
                if b == 0 { throw ScanFailure(offset: ve, message: "a NUL byte in an attribute value") }
                ve += 1
            }
            let attributeName = UnsafeBufferPointer(rebasing: p[an ..< ae])
            for k in 0 ..< s.spanCount {
                let other = s.spans[k]
                if XMLName.same(UnsafeBufferPointer(rebasing: p[other.nameStart ..< other.nameEnd]), attributeName) {
                    throw ScanFailure(offset: an, message: "attribute '\(show(p, an ..< ae))' appears twice in one tag")
                }
            }
            if plain {
                s.addSpan(XMLTag.Span(nameStart: an, nameEnd: ae, valueStart: vs, valueEnd: ve, decoded: false))
            } else {
                let ds = s.scratch.count
                var k = vs
                while k < ve {
                    let b = p[k]
                    if b == amp {
                        k = try reference(p, k, ve, into: &s.scratch)
                    } else if b == cr {
                        s.scratch.append(0x20)
                        k += (k + 1 < ve && p[k + 1] == lf) ? 2 : 1
                    } else {
                        s.scratch.append(b == lf || b == 0x09 ? 0x20 : b)
                        k += 1
                    }
                }
                s.addSpan(XMLTag.Span(nameStart: an, nameEnd: ae, valueStart: ds, valueEnd: s.scratch.count, decoded: true))
            }
            i = ve + 1
        }
        if s.depth == 0 {
            if s.rootClosed {
                throw ScanFailure(offset: open, message: "a second root element <\(show(p, nameStart ..< nameEnd))>")
            }
            s.rootSeen = true
        }
        s.atDocumentStart = false
        let name = UnsafeBufferPointer(rebasing: p[nameStart ..< nameEnd])
        let count = s.spanCount
        try s.spans.withUnsafeBufferPointer { spans in
            try s.scratch.withUnsafeBufferPointer { scratch in
                try handler.startElement(XMLTag(name: name, spans: UnsafeBufferPointer(rebasing: spans[..<count]),
                                                source: p, scratch: scratch))
            }
        }
        if selfClosing {
            try handler.endElement(name)
            if s.depth == 0 { s.rootClosed = true }
        } else {
            s.push(name)
        }
    }

    private static func endTag<H: XMLHandler>(_ p: UnsafeBufferPointer<UInt8>, _ open: Int, _ close: Int,
                                              state s: inout State, handler: inout H) throws {
        let nameStart = open + 2
        let nameEnd = try name(p, nameStart, close, what: "the end tag '\(show(p, open ..< close + 1))'")
        var i = nameEnd
        while i < close && isSpace(p[i]) { i += 1 }
        guard i == close else {
            throw ScanFailure(offset: i, message: "unexpected '\(show(p, i ..< close))' in the end tag '\(show(p, open ..< close + 1))'")
        }
        let name = UnsafeBufferPointer(rebasing: p[nameStart ..< nameEnd])
        guard s.depth > 0 else {
            throw ScanFailure(offset: open, message: "the end tag </\(show(p, nameStart ..< nameEnd))> has no open element")
        }
        let top = s.topName
        let matches = s.names.withUnsafeBufferPointer { names in
            XMLName.same(UnsafeBufferPointer(rebasing: names[top]), name)
        }
        guard matches else {
            let expected = String(decoding: s.names[top], as: UTF8.self)
            throw ScanFailure(offset: open, message: "the end tag </\(show(p, nameStart ..< nameEnd))> does not match <\(expected)>")
        }
        s.depth -= 1
        try handler.endElement(name)
        if s.depth == 0 { s.rootClosed = true }
    }

    private static func processingInstruction(_ p: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int, state s: inout State) throws {
        let targetEnd = try name(p, open + 2, end, what: "the processing instruction '\(show(p, open ..< end + 2))'")
        guard targetEnd == end || isSpace(p[targetEnd]) else {
            throw ScanFailure(offset: targetEnd, message: "the processing instruction '\(show(p, open ..< end + 2))' needs a space after its target")
        }
        let target = UnsafeBufferPointer(rebasing: p[(open + 2) ..< targetEnd])
        let isXML = target.count == 3 && target[0] | 0x20 == 0x78 && target[1] | 0x20 == 0x6D && target[2] | 0x20 == 0x6C
        if isXML {
            guard XMLName.equals(target, "xml"), s.atDocumentStart else {
                throw ScanFailure(offset: open, message: "an XML declaration that is not at the start of the part")
            }
            try declaration(p, targetEnd, end)
        }
        s.atDocumentStart = false
    }

    /// Checks `version="1.x" [encoding="…"] [standalone="yes|no"]` and that the encoding is one
    /// the scanner reads.
    private static func declaration(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
        var i = start
        var seen: [String] = []
        while true {
            let spaced = i < end && isSpace(p[i])
            while i < end && isSpace(p[i]) { i += 1 }
            if i == end { break }
            guard spaced else { throw ScanFailure(offset: i, message: "a malformed XML declaration") }
            let ns = i
            while i < end && isNameChar(p[i]) { i += 1 }
            let key = String(decoding: p[ns ..< i], as: UTF8.self)
            while i < end && isSpace(p[i]) { i += 1 }
            guard i < end, p[i] == UInt8(ascii: "=") else { throw ScanFailure(offset: i, message: "a malformed XML declaration") }
            i += 1
            while i < end && isSpace(p[i]) { i += 1 }
            guard i < end, p[i] == quote || p[i] == apostrophe else {
                throw ScanFailure(offset: i, message: "a malformed XML declaration")
            }
            let q = p[i]
            let vs = i + 1
            guard let ve = find(q, UnsafeBufferPointer(rebasing: p[..<end]), from: vs) else {
                throw ScanFailure(offset: i, message: "a malformed XML declaration")
            }
            let value = String(decoding: p[vs ..< ve], as: UTF8.self)
            i = ve + 1
            let order = ["version", "encoding", "standalone"]
            guard let rank = order.firstIndex(of: key), seen.allSatisfy({ order.firstIndex(of: $0)! < rank }),
                  seen.isEmpty == (key == "version") else {
                throw ScanFailure(offset: ns, message: "a malformed XML declaration ('\(key)' out of place)")
            }
            seen.append(key)
            switch key {
            case "version":
                // As expat: any run of version characters (XML 1.0's VersionNum is 1.x; 1.1 reads the same here).
                guard !value.isEmpty, value.utf8.allSatisfy({ isNameChar($0) && $0 < 0x80 }) else {
                    throw ScanFailure(offset: vs, message: "XML version '\(value)' is not a version number")
                }
            case "encoding":
                let e = value.lowercased()
                guard ["utf-8", "utf8", "utf-16", "utf16", "us-ascii", "ascii"].contains(e) else {
                    throw ScanFailure(offset: vs, message: "the part declares encoding '\(value)'; spreadsheet parts are UTF-8 or UTF-16")
                }
            default:
                guard value == "yes" || value == "no" else {
                    throw ScanFailure(offset: vs, message: "standalone must be 'yes' or 'no', not '\(value)'")
                }
            }
        }
        guard seen.first == "version" else { throw ScanFailure(offset: start, message: "an XML declaration with no version") }
    }
}
