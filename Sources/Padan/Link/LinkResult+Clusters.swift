extension Clusters {
    /// Clusters of `result`'s records from its links, no cluster larger than `maxSize`.
    public init(result: LinkResult, maxSize: Int = 20) {
        self.init(links: result.links, tables: result.tables, maxSize: maxSize)
    }
}
