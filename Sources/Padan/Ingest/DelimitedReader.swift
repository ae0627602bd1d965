import Foundation

/// Reads delimited text (CSV, semicolon- or tab-separated, pipe-separated) as bytes, in a stream.
///
/// RFC 4180 quoting (delimiters, quotes and line breaks inside quoted fields, `""` for a quote),
/// a UTF-8 or UTF-16 byte-order mark, CRLF, LF or CR line ends, blank lines, trailing delimiters
/// and ragged rows (rejected with their line). Fields that are not valid UTF-8 are decoded as
/// Windows-1252, the encoding Excel uses for CSV on Indonesian Windows, and counted.
///
/// The file is read in 1 MiB chunks straight into the table's column arenas, so memory stays
/// proportional to the table.
struct DelimitedReader {
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]
    static let chunkSize = 1 << 20

    let path: String
    let options: ReadOptions
    /// Bytes read per `read` call after the first chunk (smaller in tests, to cut records anywhere).
    var chunkSize = DelimitedReader.chunkSize
    /// Called with the bytes read so far after each chunk after the first.
    var progress: ((Int) -> Void)?

    func read(firstChunk: [UInt8], handle: FileHandle?) throws -> Table {
        var format = SourceFormat(container: "csv")
        var start = 0
        var chunk = firstChunk
        var handle = handle
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) {
            format.byteOrderMark = true
            start = 3
        } else if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
            // Excel's "Unicode Text" export: UTF-16 with a BOM. Transcode the whole file at once.
            var data = Data(chunk)
            if let handle { data.append(try handle.readToEnd() ?? Data()) }
            guard let text = String(data: data, encoding: .utf16) else {
                throw PadanError(.badInput, file: path, "the file starts with a UTF-16 byte-order mark but is not valid UTF-16")
            }
            chunk = Array(text.utf8)
            handle = nil
            format.byteOrderMark = true
            format.encoding = "utf-16"
        }
        if let nul = chunk.firstIndex(of: 0) {
            throw PadanError(.badInput, file: path,
                             "this is not a text file (a NUL byte at offset \(nul)); "
                                 + "expected CSV/TSV text or an .xlsx workbook")
        }
        let delimiter = options.delimiter ?? Self.detectDelimiter(chunk[start...])
        format.delimiter = delimiter == 9 ? "\\t" : String(UnicodeScalar(delimiter))

        var parser = Parser(delimiter: delimiter, maxField: options.maxFieldBytes,
                            builder: TableBuilder(file: path, options: options, format: format))
        try chunk.withUnsafeBufferPointer { all in
            var at = start
            while at < all.count {
                let end = min(all.count, at + chunkSize)
                try parser.feed(UnsafeBufferPointer(rebasing: all[at ..< end]))
                at = end
            }
        }
        if let handle {
            var read = chunk.count
            while true {
                guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { break }
                try data.withUnsafeBytes { raw in try parser.feed(raw.bindMemory(to: UInt8.self)) }
                read += data.count
                progress?(read)
            }
        }
        try parser.finish()
        parser.builder.format.lineEndings = parser.lineEndingName
        return try parser.builder.finish()
    }

    /// Picks the delimiter that splits the first lines most consistently into the most fields:
    /// for each candidate, the most common non-zero field count, scored by the share of lines that
    /// have it; `,` when nothing fits (a one-column file). Title lines above the header (which
    /// have no delimiters, or fewer) do not decide it.
    static func detectDelimiter(_ sample: ArraySlice<UInt8>) -> UInt8 {
        var lines: [ArraySlice<UInt8>] = []
        var inQuote = false
        var lineStart = sample.startIndex
        for i in sample.indices {
            let b = sample[i]
            if b == UInt8(ascii: "\"") { inQuote.toggle() }
            if !inQuote && (b == 10 || b == 13) {
                if i > lineStart { lines.append(sample[lineStart ..< i]) }
                lineStart = i + 1
                if lines.count >= 50 { break }
            }
        }
        if lines.count < 50 && lineStart < sample.endIndex { lines.append(sample[lineStart...]) }
        guard !lines.isEmpty else { return candidates[0] }
        var best = candidates[0]
        var bestScore = 0.0
        for candidate in candidates {
            func count(_ line: ArraySlice<UInt8>) -> Int {
                var n = 0, q = false
                for b in line {
                    if b == UInt8(ascii: "\"") { q.toggle() } else if b == candidate && !q { n += 1 }
                }
                return n
            }
            var frequency: [Int: Int] = [:]
            for line in lines {
                let n = count(line)
                if n > 0 { frequency[n, default: 0] += 1 }
            }
            guard let (mode, agreeing) = frequency.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key })
            else { continue }
            let consistency = Double(agreeing) / Double(lines.count)
            let score = consistency * 1000 + Double(mode)
            if score > bestScore {
                bestScore = score
                best = candidate
            }
        }
        return best
    }

    /// The byte-level state machine.
    struct Parser {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

        let delimiter: UInt8
        let maxField: Int
        var builder: TableBuilder
        var state = State.fieldStart
        var record = RecordScratch()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var fieldLength = 0
        var lastWasCR = false
        var lf = 0, crlf = 0, cr = 0
        /// Byte classes: 1 delimiter, 2 line break, 3 quote, 0 anything else.
        var classes = [UInt8](repeating: 0, count: 256)

        init(delimiter: UInt8, maxField: Int, builder: TableBuilder) {
            self.delimiter = delimiter
            self.maxField = maxField
            self.builder = builder
            classes[Int(delimiter)] = 1
            classes[10] = 2
            classes[13] = 2
            classes[Int(UInt8(ascii: "\""))] = 3
        }

        var lineEndingName: String {
            let kinds = [(lf, "lf"), (crlf, "crlf"), (cr, "cr")].filter { $0.0 > 0 }
            if kinds.isEmpty { return "none" }
            return kinds.count == 1 ? kinds[0].1 : "mixed"
        }

        @inline(__always)
        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            fieldLength += bytes.count
            if fieldLength > maxField {
                if record.oversizedField == nil { record.oversizedField = record.ends.count }
                if record.oversizedField == record.ends.count { record.oversizedLength = fieldLength }
                return
            }
            record.bytes.append(contentsOf: bytes)
        }

        @inline(__always)
        mutating func endField() {
            record.ends.append(record.bytes.count)
            fieldLength = 0
        }

        mutating func endRecord() throws {
            endField()
            try builder.add(record, line: recordLine)
            record.reset()
        }

        mutating func feed(_ input: UnsafeBufferPointer<UInt8>) throws {
            let n = input.count
            var i = 0
            try classes.withUnsafeBufferPointer { cls in
                while i < n {
                    let b = input[i]
                    switch state {
                    case .quoted:
                        // Run to the next quote, counting line breaks for line numbers.
                        var j = i
                        while j < n && input[j] != 34 {
                            if input[j] == 10 { line += 1 }
                            j += 1
                        }
                        if j > i { append(UnsafeBufferPointer(rebasing: input[i ..< j])) }
                        if j < n { state = .quoteInQuoted }
                        i = j + 1
                        continue
                    case .quoteInQuoted:
                        if b == 34 {
                            append(UnsafeBufferPointer(rebasing: input[i ..< i + 1]))
                            state = .quoted
                            i += 1
                            continue
                        }
                        state = .unquoted  // closing quote; anything before the delimiter is kept
                    case .fieldStart:
                        if b == 34 {
                            state = .quoted
                            quoteLine = line
                            lastWasCR = false
                            i += 1
                            continue
                        }
                        state = .unquoted
                    case .unquoted:
                        break
                    }
                    // Unquoted: run to the next delimiter or line break.
                    var j = i
                    while j < n {
                        let k = cls[Int(input[j])]
                        if k == 1 || k == 2 { break }
                        j += 1
                    }
                    if j > i {
                        append(UnsafeBufferPointer(rebasing: input[i ..< j]))
                        lastWasCR = false
                    }
                    i = j
                    guard i < n else { break }
                    let c = input[i]
                    i += 1
                    if c == delimiter {
                        endField()
                        state = .fieldStart
                        lastWasCR = false
                    } else if c == 10 && lastWasCR {
                        lastWasCR = false
                        state = .fieldStart
                        cr -= 1
                        crlf += 1
                    } else {
                        if c == 10 { lf += 1 } else { cr += 1 }
                        try endRecord()
                        state = .fieldStart
                        line += 1
                        recordLine = line
                        lastWasCR = c == 13
                    }
                }
            }
        }

        mutating func finish() throws {
            switch state {
            case .quoted:
                if !builder.hasRows {
                    throw PadanError(.badInput, file: builder.file, line: quoteLine,
                                     "unterminated quoted field in the header")
                }
                endField()
                try builder.rejectUnreadable(
                    record, line: recordLine,
                    reason: "unterminated quoted field: the quote opened on line \(quoteLine) never closes, "
                        + "so everything after it up to the end of the file was swallowed")
                record.reset()
            case .fieldStart where record.ends.isEmpty && record.bytes.isEmpty && fieldLength == 0:
                break  // the file ended with a line break
            default:
                try endRecord()
            }
        }
    }
}
