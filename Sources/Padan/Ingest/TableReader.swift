import Foundation

/// Reads an input list, whatever the office exported: delimited text, an `.xlsx` workbook, or an
/// HTML table saved as `.xls`.
///
/// The format is decided by the file's content, not its name: a zip container is read as a
/// workbook, anything else as delimited text (a CSV renamed to `.xlsx` is read as CSV, with a
/// warning). Binary files, the old `.xls` format and empty files are clear errors.
///
/// ```swift
/// var options = ReadOptions()
/// options.mapping.explicit[.nik] = ["NO_NIK"]
/// let table = try TableReader.read(path: "kota.csv", options: options)
/// print(table.rowCount, table.rejected.count)
/// ```
public enum TableReader {
    /// Reads the file at `path`. Throws ``PadanError`` naming the file (and line) when it cannot.
    ///
    /// `progress`, when given, is called from time to time while a workbook's sheet is read.
    public static func read(path: String, options: ReadOptions = ReadOptions(),
                            progress: (@Sendable (ReadProgress) -> Void)? = nil) throws -> Table {
        try read(path: path, options: options, chunkSize: DelimitedReader.chunkSize, progress: progress)
    }

    /// Reads several files at once (one thread each, up to `threads`; 0: one per processor), in
    /// order; `options(i)` gives the options for file `i`.
    public static func read(paths: [String], threads: Int = 0, progress: (@Sendable (ReadProgress) -> Void)? = nil,
                            options: (Int) -> ReadOptions) throws -> [Table] {
        let results = Parallel.map(count: paths.count, threads: threads, minChunk: 1) { range in
            range.map { i in Result { try read(path: paths[i], options: options(i), progress: progress) } }
        }.flatMap { $0 }
        return try results.map { try $0.get() }
    }

    /// Markup that web applications save under an `.xls` name.
    enum Markup: String {
        case htmlTable = "an HTML table (a web page)"
        case htmlPage = "an HTML page with no table"
        case spreadsheetML = "an Excel 2003 XML spreadsheet"
    }

    /// What markup file `first` starts, if it is one.
    static func markup(_ first: [UInt8]) -> Markup? {
        var start = first.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < first.count && (first[start] == 32 || first[start] == 9 || first[start] == 10 || first[start] == 13) {
            start += 1
        }
        guard start < first.count, first[start] == UInt8(ascii: "<") else { return nil }
        let head = String(decoding: first[start...].prefix(4096), as: UTF8.self).lowercased()
        if head.contains("urn:schemas-microsoft-com:office:spreadsheet") {
            return .spreadsheetML
        }
        for tag in ["<!doctype html", "<html", "<table", "<head", "<body", "<meta", "<style", "<tr"] where head.hasPrefix(tag) {
            let all = String(decoding: first[start...], as: UTF8.self).lowercased()
            return all.contains("<table") || all.contains("<tr") ? .htmlTable : .htmlPage
        }
        return nil
    }

    static func read(path: String, options: ReadOptions, chunkSize: Int,
                     progress: (@Sendable (ReadProgress) -> Void)? = nil) throws -> Table {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PadanError(.badInput, file: path, "no such file")
        }
        if isDirectory.boolValue { throw PadanError(.badInput, file: path, "is a directory, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw PadanError(.badInput, file: path, "cannot be opened for reading")
        }
        defer { try? handle.close() }
        let first: [UInt8]
        do {
            // At least 64 KiB, so the byte-order mark, the format and the delimiter can be sniffed.
            first = Array(try handle.read(upToCount: max(chunkSize, 1 << 16)) ?? Data())
        } catch {
            throw PadanError(.badInput, file: path, "cannot be read: \(error.localizedDescription)")
        }
        if first.isEmpty { throw PadanError(.badInput, file: path, "the file is empty") }
        if first.starts(with: [0x50, 0x4B, 0x03, 0x04]) && ODSReader.isODS(first) {
            return try ODSReader(path: path, options: options).read()
        }
        if first.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            var reader = XLSXReader(path: path, options: options)
            if let progress {
                // About a hundred reports over the sheet, not one per inflated chunk.
                var next = 0
                reader.progress = { done, total in
                    guard done >= next || done == total else { return }
                    next = done + max(total / 100, 1 << 20)
                    progress(ReadProgress(file: path, bytesRead: done, totalBytes: total))
                }
            }
            return try reader.read()
        }
        if first.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw PadanError(.badInput, file: path,
                             "this is an old Excel .xls workbook, which Padan does not read; "
                                 + "save it as .xlsx or CSV")
        }
        switch Self.markup(first) {
        case .htmlTable?:
            var bytes = first
            do {
                bytes += Array(try handle.readToEnd() ?? Data())
            } catch {
                throw PadanError(.badInput, file: path, "cannot be read: \(error.localizedDescription)")
            }
            var table = try HTMLTableReader(path: path, options: options).read(bytes)
            if path.lowercased().hasSuffix(".xls") {
                table.warnings.insert("the file is named .xls but is an HTML table (a web page); it was read as one", at: 0)
            }
            return table
        case let kind?:
            throw PadanError(.badInput, file: path,
                             "this is \(kind.rawValue), not a list Padan reads (web applications export lists this way "
                                 + "under an .xls name); open it in Excel or LibreOffice Calc and save it as .xlsx or CSV")
        case nil: break
        }
        var reader = DelimitedReader(path: path, options: options, chunkSize: chunkSize)
        if let progress, let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0 {
            reader.progress = { progress(ReadProgress(file: path, bytesRead: min($0, size), totalBytes: size)) }
        }
        var table = try reader.read(firstChunk: first, handle: handle)
        if path.lowercased().hasSuffix(".xlsx") {
            table.warnings.insert("the file is named .xlsx but holds delimited text; it was read as text", at: 0)
        }
        return table
    }
}
