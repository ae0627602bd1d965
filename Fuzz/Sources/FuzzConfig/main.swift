// Fuzzes the configuration parser, `Configuration.parse(_:file:)`: the input is decoded as UTF-8
// (invalid bytes become U+FFFD, as `Configuration.load` does) and parsed. A thrown PadanError is
// the expected answer to a bad file; a crash, trap, sanitizer report, hang or any other error type
// is a finding. A configuration that parses must give read limits inside the ranges the parser
// enforces.
import FuzzSupport
import Padan

runFuzzer { data in
    let text = String(decoding: data, as: UTF8.self)
    do {
        let config = try Configuration.parse(text, file: "fuzz.yaml")
        precondition(config.read.maxFieldBytes >= 1 && config.read.maxColumns >= 1 && (config.read.maxRows ?? 1) >= 1,
                     "a parsed configuration has a read limit below 1")
    } catch is PadanError {
        // The parser's answer to a bad file.
    } catch {
        fatalError("Configuration.parse threw something other than a PadanError: \(error)")
    }
}
