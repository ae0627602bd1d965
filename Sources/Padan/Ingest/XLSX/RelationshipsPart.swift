/// A `_rels/*.rels` part: relation id → target path.
struct RelationshipsPart: XMLHandler {
    var targets: [String: String] = [:]

    mutating func startElement(_ tag: XMLTag) throws {
        guard XMLName.equals(tag.localName, "Relationship"),
              let id = tag.string(local: "Id"), let target = tag.string(local: "Target") else { return }
        targets[id] = target
    }

    mutating func endElement(_ name: UnsafeBufferPointer<UInt8>) throws {}
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}
