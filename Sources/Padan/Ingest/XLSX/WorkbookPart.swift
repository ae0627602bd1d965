/// `xl/workbook.xml`: the sheets in tab order with their relation ids and visibility, and
/// whether dates count from 1904.
struct WorkbookPart: XMLHandler {
    struct Sheet: Equatable {
        var name: String
        var relation: String
        /// `hidden` or `veryHidden` in the workbook.
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    var date1904 = false

    mutating func startElement(_ tag: XMLTag) throws {
        let local = tag.localName
        if XMLName.equals(local, "sheet") {
            let relation = tag.value(local: "id").map { String(decoding: $0, as: UTF8.self) } ?? ""
            let state = tag.string(local: "state") ?? "visible"
            sheets.append(Sheet(name: tag.string(local: "name") ?? "Sheet\(sheets.count + 1)", relation: relation,
                                hidden: state == "hidden" || state == "veryHidden"))
        } else if XMLName.equals(local, "workbookPr") {
            let v = tag.string(local: "date1904")?.lowercased()
            date1904 = v == "1" || v == "true"
        }
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {}
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}
