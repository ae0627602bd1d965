import Padan

/// Checks what every table a reader returns promises, and traps (a finding) when it does not:
/// one column per header name, each with one value per row; offsets that frame the bytes; every
/// value valid UTF-8 (fields that were not are decoded as Windows-1252); roles that name columns;
/// ids unique (two rows sharing an id would share a cluster).
public func checkTable(_ table: Table) {
    precondition(table.columns.count == table.columnNames.count, "columns and header names differ in number")
    precondition(table.ordinals.count == table.rowCount, "ordinals and rows differ in number")
    for (index, column) in table.columns.enumerated() {
        precondition(column.count == table.rowCount, "column \(index) has \(column.count) values for \(table.rowCount) rows")
        precondition(column.offsets.first == 0 && column.offsets.last.map(Int.init) == column.bytes.count,
                     "column \(index): offsets do not frame the bytes")
        for row in 0 ..< column.count {
            let range = column.range(row)
            precondition(range.lowerBound <= range.upperBound, "column \(index) row \(row): offsets go backwards")
            precondition(String(validating: column.bytes[range], as: UTF8.self) != nil,
                         "column \(index) row \(row) is not valid UTF-8")
        }
    }
    for (role, index) in table.roles {
        precondition(table.columnNames.indices.contains(index), "role \(role) names column \(index) of \(table.columnNames.count)")
        for row in 0 ..< table.rowCount { _ = table.value(role, row: row) }
    }
    var ids = Set<String>()
    for row in 0 ..< table.rowCount { precondition(ids.insert(table.id(row: row)).inserted, "row \(row) repeats an id") }
    for rejected in table.rejected {
        precondition(rejected.fields.count <= 64, "a rejected row keeps at most 64 fields")
    }
}
