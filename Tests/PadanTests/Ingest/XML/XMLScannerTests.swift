import Foundation
import Testing
@testable import Padan

/// The streaming XML scanner: what it reports, how it fails, that chunk boundaries change nothing,
/// and that it agrees with a reference parser (Python's expat) on random documents.
@Suite struct XMLScannerTests {
    func events(_ xml: String, chunks: [Int] = []) throws -> [String] {
        try XMLEventRecorder.scan(Array(xml.utf8), chunks: chunks).get()
    }

    func failure(_ xml: [UInt8]) -> XMLSyntaxError? {
        if case .failure(let e) = XMLEventRecorder.scan(xml) { return e }
        return nil
    }

    func failure(_ xml: String) -> XMLSyntaxError? { failure(Array(xml.utf8)) }

    @Test func elementsAttributesAndText() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <x:sheet xmlns:x="urn:x"><row r="1" spans='1:2'><c r="A1" t="s"><v>12</v></c><c/></row></x:sheet>
            """
        #expect(try events(xml) == [
            "S:x:sheet", "A:xmlns:x=urn:x", "S:row", "A:r=1", "A:spans=1:2", "S:c", "A:r=A1", "A:t=s",
            "S:v", "T:12", "E:v", "E:c", "S:c", "E:c", "E:row", "E:x:sheet",
        ])
    }

    @Test func entitiesReferencesCDATAAndLineEnds() throws {
        let xml = "<a t=\"&lt;&amp;&#65;&#x1F600;\ta\r\nb\">x &gt; y &apos;&quot; &#233;\r\nz\rw<![CDATA[<&>]]]]><!-- c --></a>"
        let got = try events(xml)
        #expect(got == ["S:a", "A:t=<&A😀 a b", "T:x > y '\" é\nz\nw<&>]]", "E:a"], "\(got)")
    }

    @Test func processingInstructionsAndCommentsAnywhere() throws {
        // The fuzzer's <?x?>: a processing instruction with no data crashed Foundation's XMLParser.
        #expect(try events("<?x?><!-- a --><w><?x?><?pi data?></w><?x?>\n") == ["S:w", "E:w"])
    }

    @Test func chunkBoundariesChangeNothing() throws {
        let xml = """
            <?xml version="1.0"?><w a="&amp;x" b='y'><r>one &amp; two</r><![CDATA[cd]]><!-- -->\r\n<e/>tail&#10;</w>
            """
        let whole = try events(xml)
        for size in 1 ... 12 {
            #expect(try events(xml, chunks: [size]) == whole, "chunks of \(size)")
        }
        #expect(try events(xml, chunks: [1, 5, 2, 9, 3]) == whole)
    }

    @Test func longTextArrivesInPiecesAndWhole() throws {
        let body = String(repeating: "ab&amp;\r\n", count: 40_000)
        let xml = "<t>" + body + "</t>"
        let expected = String(repeating: "ab&\n", count: 40_000)
        #expect(try events(xml, chunks: [70_001]) == ["S:t", "T:" + expected, "E:t"])
        #expect(try events(xml, chunks: [1 << 16, 3]) == ["S:t", "T:" + expected, "E:t"])
    }

    @Test func utf16WithAndWithoutByteOrderMark() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a b=\"é\">NI’MAH 😀</a>"
        let expected = ["S:a", "A:b=é", "T:NI’MAH 😀", "E:a"]
        var little: [UInt8] = [0xFF, 0xFE], big: [UInt8] = [0xFE, 0xFF], bare: [UInt8] = []
        for unit in xml.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bare += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        for (name, bytes) in [("little", little), ("big", big), ("bare", bare)] {
            for chunks in [[], [1], [3]] {
                let got = XMLEventRecorder.scan(bytes, chunks: chunks)
                #expect((try? got.get()) == expected, "\(name) \(chunks): \(got)")
            }
        }
        #expect(failure([0xFF, 0xFE, 0x3C, 0x00, 0x61, 0x00, 0x3E, 0x00, 0x00, 0xD8, 0x3C, 0x00]) != nil)
    }

    @Test func aByteOrderMarkBeforeTheDeclaration() throws {
        #expect(try XMLEventRecorder.scan([0xEF, 0xBB, 0xBF] + Array("<?xml version='1.0'?><a/>".utf8)).get() == ["S:a", "E:a"])
    }

    @Test(arguments: [
        ("<a><b></a>", "does not match <b>"),
        ("<a></a><b/>", "a second root element"),
        ("<a>x</a>y", "text after the root element"),
        ("y<a/>", "text before the root element"),
        ("<a b=\"1\" b=\"2\"/>", "appears twice"),
        ("<a b=1/>", "not in quotes"),
        ("<a b=\"<\"/>", "'<' inside the tag"),
        ("<a>&nbsp;</a>", "is not defined"),
        ("<a>&#0;</a>", "does not allow"),
        ("<a>&#xD800;</a>", "does not allow"),
        ("<a>a & b</a>", "does not begin an entity reference"),
        ("<a>]]></a>", "']]>' in text"),
        ("<a><!-- a -- b --></a>", "-- inside it"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "DOCTYPE"),
        ("<a>", "ends inside element <a>"),
        ("<a", "ends inside a tag"),
        ("", "no root element"),
        ("   ", "no root element"),
        ("<a/><?xml version=\"1.0\"?>", "not at the start"),
        ("<?xml version=\"1 0\"?><a/>", "not a version number"),
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "UTF-8 or UTF-16"),
        ("<a b=\"1\"c=\"2\"/>", "needs a space"),
        ("<1a/>", "has no valid name"),
        ("</a>", "has no open element"),
        ("<![CDATA[x]]><a/>", "CDATA section outside"),
        ("<a>\u{0}</a>", "NUL"),
    ])
    func malformedDocumentsAreErrors(xml: String, message: String) throws {
        let error = try #require(failure(xml), "\(xml) was accepted")
        #expect(error.message.contains(message), "\(xml): \(error.message)")
    }

    @Test func errorsNameTheLine() throws {
        let error = try #require(failure("<a>\n<b>\n\n</c></a>"))
        #expect(error.line == 4)
        // The same line when the bytes before it were dropped from the buffer chunk by chunk.
        if case .failure(let e) = XMLEventRecorder.scan(Array("<a>\n<b>\n\n</c></a>".utf8), chunks: [2]) {
            #expect(e.line == 4)
        } else {
            Issue.record("accepted")
        }
    }

    @Test func bytesThatAreNotUTF8() throws {
        let error = try #require(failure(Array("<a>\nok\n".utf8) + [0xC3, 0x28] + Array("</a>".utf8)))
        #expect(error.encoding && error.line == 3)
        // A sequence cut by a chunk boundary is not an error.
        #expect(try XMLEventRecorder.scan(Array("<a>é</a>".utf8), chunks: [4]).get() == ["S:a", "T:é", "E:a"])
        #expect(failure(Array("<a>".utf8) + [0xE2, 0x82]) != nil)
    }

    @Test func markupOverTheLimitIsAnErrorTextIsNot() throws {
        let tag = "<a b=\"" + String(repeating: "x", count: 5000) + "\"/>"
        if case .failure(let e) = XMLEventRecorder.scan(Array(tag.utf8), chunks: [100], markupLimit: 1000) {
            #expect(e.message.contains("longer than 1000 bytes"))
        } else {
            Issue.record("a 5000-byte tag passed a 1000-byte limit")
        }
        let text = "<a>" + String(repeating: "x", count: 200_000) + "</a>"
        #expect(try XMLEventRecorder.scan(Array(text.utf8), chunks: [1000], markupLimit: 1000).get().count == 3)
    }

    // MARK: - Against a reference parser

    /// Random documents, half of them mutated at a random byte, scanned whole and in random chunks,
    /// must give what Python's expat (a conforming, widely used parser) gives: the same events for
    /// a document both accept, and a rejection for each one expat rejects.
    @Test func agreesWithExpatOnRandomDocuments() throws {
        var random = SplitMix64(seed: 20_261_201)
        var documents: [[UInt8]] = []
        for i in 0 ..< 2000 {
            var generator = RandomXML(random: &random)
            var doc = Array(generator.document().utf8)
            if i % 2 == 1 { RandomXML.mutate(&doc, random: &random) }
            documents.append(doc)
        }
        let reference = try Expat.parse(documents)
        var agreed = 0, rejected = 0
        for (i, doc) in documents.enumerated() {
            let chunks = (0 ..< 4).map { _ in Int(random.next() % 17) + 1 }
            let whole = XMLEventRecorder.scan(doc)
            let chunked = XMLEventRecorder.scan(doc, chunks: chunks)
            let shown = String(decoding: doc, as: UTF8.self)
            // Which encoding names a parser knows is its own affair (Python's codecs know 'UTF-',
            // libxml2 and Padan know 'utf8'): a mutated name is not compared.
            if let range = shown.range(of: "encoding="), !["UTF-8", "utf-8"].contains(where: {
                shown[range.upperBound...].dropFirst().hasPrefix($0 + String(shown[range.upperBound]))
            }) {
                continue
            }
            switch (reference[i], whole) {
            case (.some(let expected), .success(let got)):
                #expect(got == expected, "document \(i): \(shown)")
                agreed += 1
            case (.none, .failure):
                rejected += 1
            case (.some, .failure(let e)):
                Issue.record("document \(i) rejected (\(e.message)) but expat accepts it: \(shown)")
            case (.none, .success):
                Issue.record("document \(i) accepted but expat rejects it: \(shown)")
            }
            switch (whole, chunked) {
            case (.success(let a), .success(let b)): #expect(a == b, "document \(i) in chunks \(chunks)")
            case (.failure, .failure): break
            default: Issue.record("document \(i): whole and in chunks \(chunks) disagree")
            }
        }
        // Both kinds were really exercised.
        #expect(agreed > 600 && rejected > 300, "agreed \(agreed), rejected \(rejected)")
    }
}

/// Runs Python's expat over documents and returns each one's events (`nil`: rejected).
enum Expat {
    static let script = #"""
import json, sys, xml.parsers.expat
def parse(doc):
    events, text = [], []
    def flush():
        if text:
            events.append("T:" + "".join(text)); text.clear()
    def start(name, attrs):
        flush(); events.append("S:" + name)
        for k in range(0, len(attrs), 2):
            events.append("A:" + attrs[k] + "=" + attrs[k + 1])
    def end(name):
        flush(); events.append("E:" + name)
    p = xml.parsers.expat.ParserCreate()
    p.ordered_attributes = True
    p.StartElementHandler, p.EndElementHandler = start, end
    p.CharacterDataHandler = lambda data: text.append(data)
    try:
        p.Parse(doc, True)
    except Exception:
        return None
    flush()
    return events
data = open(sys.argv[1], "rb").read()
out, i = [], 0
while i < len(data):
    n = int(data[i:i + 12]); i += 12
    out.append(parse(data[i:i + n])); i += n
json.dump(out, open(sys.argv[2], "w"))
"""#

    static func parse(_ documents: [[UInt8]]) throws -> [[String]?] {
        let dir = TemporaryDirectory()
        var input: [UInt8] = []
        for doc in documents {
            input += Array(String(format: "%012d", doc.count).utf8) + doc
        }
        let inputPath = dir.file("docs.bin"), outputPath = dir.file("events.json"), scriptPath = dir.file("expat.py")
        try Data(input).write(to: URL(fileURLWithPath: inputPath))
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, inputPath, outputPath]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PadanError(.internalError, "python3 (the expat reference) failed with status \(process.terminationStatus)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outputPath)))
        guard let list = json as? [Any] else { throw PadanError(.internalError, "unexpected reference output") }
        return list.map { $0 as? [String] }
    }
}

/// Random documents in the shape of spreadsheet parts, with every construct the scanner reads.
struct RandomXML {
    var random: SplitMix64

    init(random: inout SplitMix64) {
        self.random = SplitMix64(seed: random.next())
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

    static let names = ["row", "c", "v", "t", "x:sheetData", "si", "é1", "_b.c-d", "a:b", "is", "r"]
    static let attributeNames = ["r", "t", "s", "xmlns:x", "spans", "x:id", "hidden", "état"]

    mutating func space() -> String { pick(["", "", " ", "\n", "\t", "\r\n", "  "]) }

    mutating func character(quote: Character?) -> String {
        var pieces = ["a", "Z", "0", " ", "é", "’", "😀", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;",
                      "&#x1F600;", "&#10;", "&#13;", "\t", "\n", "\r\n", "\r", ">", "]", "=", "/", "?", "!", "-"]
        if quote != "\"" { pieces.append("\"") }
        if quote != "'" { pieces.append("'") }
        return pick(pieces)
    }

    mutating func value(quote: Character?) -> String {
        (0 ..< Int(random.next() % 6)).map { _ in character(quote: quote) }.joined()
    }

    mutating func content(depth: Int) -> String {
        var out = ""
        for _ in 0 ..< Int(random.next() % 4) {
            switch random.next() % 10 {
            case 0 ..< 4 where depth < 5: out += element(depth: depth + 1)
            case 4: out += "<![CDATA[" + pick(["", "x", "<&>", "]", "]]", "a]b", "\r\n"]) + "]]>"
            case 5: out += "<!--" + pick(["", " c ", "-x", "<&>"]) + "-->"
            case 6: out += "<?pi" + pick(["", " data", " a?b"]) + "?>"
            default: out += value(quote: nil).replacingOccurrences(of: "]]>", with: "]")
            }
        }
        return out
    }

    mutating func element(depth: Int) -> String {
        let name = pick(Self.names)
        var tag = "<" + name
        var used = Set<String>()
        for _ in 0 ..< Int(random.next() % 4) {
            let attribute = pick(Self.attributeNames)
            guard used.insert(attribute).inserted else { continue }
            let q: Character = chance(70) ? "\"" : "'"
            tag += " " + space() + attribute + space() + "=" + space() + String(q) + value(quote: q) + String(q)
        }
        tag += space()
        if chance(25) { return tag + "/>" }
        return tag + ">" + content(depth: depth) + "</" + name + space() + ">"
    }

    mutating func document() -> String {
        var out = ""
        if chance(50) { out += pick(["<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>",
                                     "<?xml version=\"1.0\" encoding=\"utf-8\"?>"]) }
        if chance(30) { out += pick(["\n", "<!-- head -->", "<?x?>", "\r\n<?pi a?>"]) }
        out += element(depth: 0)
        if chance(30) { out += pick(["\n", "<!-- tail -->", "<?x?>", " \n"]) }
        return out
    }

    /// Inserts, deletes or replaces one byte, with bytes that matter to XML's syntax.
    static func mutate(_ doc: inout [UInt8], random: inout SplitMix64) {
        guard !doc.isEmpty else { return }
        let at = Int(random.next() % UInt64(doc.count))
        let tricky = Array("<>&;\"'/=!?-[]# xa".utf8)
        let byte = tricky[Int(random.next() % UInt64(tricky.count))]
        switch random.next() % 3 {
        case 0: doc.insert(byte, at: at)
        case 1: doc.remove(at: at)
        default: doc[at] = byte
        }
    }
}
