extension Table {
    /// The table with one more column, `values` under the header `name`, carrying `role`.
    func carrying(_ role: Role, by values: ByteColumn, named name: String) -> Table {
        var roles = self.roles
        roles[role] = columns.count
        return Table(name: self.name, path: path, columnNames: columnNames + [name], columns: columns + [values],
                     roles: roles, lineNumbers: lineNumbers, ordinals: ordinals, rejected: rejected,
                     format: format, warnings: warnings)
    }
}
