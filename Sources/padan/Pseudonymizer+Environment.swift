import Foundation
import Padan

extension Pseudonymizer {
    /// Reads the key from the environment variable `name` (for `--pseudonymize`): the library
    /// never reads the environment.
    static func environment(_ name: String = "PADAN_PSEUDONYM_KEY") throws -> Pseudonymizer {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw PadanError(.usage, "--pseudonymize needs the key in the environment variable \(name)")
        }
        return try Pseudonymizer(key: Array(value.utf8))
    }
}
