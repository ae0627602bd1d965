import Yams

/// A YAML mapping being read into settings, with errors that name the file, line and key, and
/// with unknown keys reported instead of ignored (a misspelt key must not silently do nothing).
struct YAMLDocument {
    let file: String
    let node: Node
    let path: String

    static func parse(_ text: String, file: String) throws -> YAMLDocument {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return YAMLDocument(file: file, node: Node.mapping(.init([])), path: "")
            }
            return YAMLDocument(file: file, node: node, path: "")
        } catch let error as YamlError {
            throw PadanError(.usage, file: file, "not valid YAML: \(error)")
        } catch {
            throw PadanError(.usage, file: file, "not valid YAML: \(error)")
        }
    }

    var line: Int? { node.mark.map { $0.line } }

    func fail(_ message: String) -> PadanError {
        PadanError(.usage, file: file, line: line, (path.isEmpty ? "" : "\(path): ") + message)
    }

    /// The mapping's entries, after checking that every key is one of `allowed` (any key when nil).
    func mapping(allowed: Set<String>?) throws -> [(key: String, value: YAMLDocument)] {
        guard let mapping = node.mapping else { throw fail("expected a mapping of keys to values") }
        var result: [(String, YAMLDocument)] = []
        for (k, v) in mapping {
            guard let key = k.string else { throw fail("keys must be text") }
            let child = YAMLDocument(file: file, node: v, path: path.isEmpty ? key : "\(path).\(key)")
            if let allowed, !allowed.contains(key) {
                let at = YAMLDocument(file: file, node: k, path: child.path)
                throw at.fail("unknown key\(Suggestion.phrase(for: key, among: allowed)); expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            result.append((key, child))
        }
        return result
    }

    func string() throws -> String {
        guard let s = node.scalar?.string else { throw fail("expected a single value") }
        return s
    }

    /// A value that may be given as one string or a list of strings.
    func strings() throws -> [String] {
        if let s = node.scalar?.string { return [s] }
        guard let seq = node.sequence else { throw fail("expected a value or a list of values") }
        return try seq.map { try YAMLDocument(file: file, node: $0, path: path).string() }
    }

    func int(in range: ClosedRange<Int>) throws -> Int {
        guard let v = node.int else { throw fail("expected a whole number") }
        guard range.contains(v) else { throw fail("\(v) is out of range \(range.lowerBound)...\(range.upperBound)") }
        return v
    }

    func double(in range: ClosedRange<Double>) throws -> Double {
        guard let v = node.float ?? node.int.map(Double.init) else { throw fail("expected a number") }
        guard range.contains(v) else { throw fail("\(v) is out of range \(range.lowerBound)...\(range.upperBound)") }
        return v
    }

    func bool() throws -> Bool {
        guard let v = node.bool else { throw fail("expected true or false") }
        return v
    }
}
