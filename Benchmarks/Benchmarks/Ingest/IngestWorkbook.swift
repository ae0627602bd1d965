import Foundation
import ZIPFoundation

/// Writes ``IngestCorpus``'s rows as an `.xlsx` workbook the way Excel stores a typed-in list: text
/// in the shared-string table, the row number as a number, every part deflated.
enum IngestWorkbook {
    static func write(rows count: Int, to path: String) throws {
        var strings: [String: Int] = [:]
        var table: [String] = []
        func index(_ s: String) -> Int {
            if let i = strings[s] { return i }
            strings[s] = table.count
            table.append(s)
            return table.count - 1
        }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        func column(_ i: Int) -> String { String(UnicodeScalar(UInt8(65 + i))) }
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in ([IngestCorpus.header] + IngestCorpus.rows(count)).enumerated() {
            sheet += "<row r=\"\(r + 1)\" spans=\"1:13\">"
            for (c, value) in row.enumerated() {
                let ref = column(c) + String(r + 1)
                if r > 0 && c == 0 {
                    sheet += "<c r=\"\(ref)\"><v>\(value)</v></c>"
                } else {
                    sheet += "<c r=\"\(ref)\" t=\"s\"><v>\(index(value))</v></c>"
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        var sst = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\r\n"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"\(table.count)\">"
        for s in table { sst += "<si><t>\(escape(s))</t></si>" }
        sst += "</sst>"
        let parts = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Penerima" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#),
            ("xl/sharedStrings.xml", sst),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
    }
}
