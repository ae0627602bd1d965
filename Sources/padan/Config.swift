import ArgumentParser
import Padan

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or check a configuration file.",
        discussion: """
            With --print-default, prints a built-in configuration (--preset indonesia, the default, or generic) \
            as YAML to start a file from; with --check FILE, reads FILE and reports the first problem (file, \
            line, key) or 'ok'.

            EXAMPLES:
              padan config --print-default > padan.yaml
              padan config --print-default --preset generic > febrl.yaml
              padan config --check padan.yaml
            """)

    @Flag(help: "Print the built-in configuration.")
    var printDefault = false

    @Option(help: ArgumentHelp("With --print-default: the preset to print (indonesia, generic).", valueName: "NAME"))
    var preset: String = "indonesia"

    @Option(help: ArgumentHelp("Check a configuration file.", valueName: "FILE"))
    var check: String?

    func validate() throws {
        if printDefault == (check != nil) { throw ValidationError("give either --print-default or --check FILE") }
        if LinkSettings.preset(named: preset) == nil {
            throw ValidationError("unknown preset '\(preset)'; presets: \(LinkSettings.presets.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        try reportingErrors {
            if printDefault {
                print(Configuration.defaultYAML(preset: preset)!, terminator: "")
            } else if let check {
                _ = try Configuration.load(path: check)
                print("\(check): ok")
            }
        }
    }
}
