import ArgumentParser
import Foundation
import Padan

/// `padan serve`: starts `padan-server`, the register's HTTP service, which is built apart so
/// that the command-line tool never links SwiftNIO. Its options are padan-server's, passed on.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a register over HTTP (JSON): POST /v1/match, GET /v1/people/{id}, /health, /metrics, /v1/openapi.yaml.",
        discussion: """
            Runs padan-server from beside this padan (build it with: swift build -c release --product padan-server) \
            with these options: --register REG, --host (127.0.0.1), --port (8080; 0 for any free one), \
            --audit-log FILE (REG.audit.jsonl), --max-body-bytes, --max-batch, --tls-certificate PEM and --tls-key PEM \
            (HTTPS); 'padan serve --help-server' lists them. \
            Every /v1/ request but the OpenAPI document needs a key from 'padan register key add REG NAME' \
            (Authorization: Bearer KEY); every answered lookup is appended to the audit log.

            EXAMPLE:
              padan register key add bansos.padan loket-1
              padan serve --register bansos.padan --port 8080
            """)

    @Argument(parsing: .allUnrecognized, help: "padan-server's options.")
    var options: [String] = []

    func run() throws {
        try reportingErrors {
            let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            let server = me.deletingLastPathComponent().appendingPathComponent("padan-server").path
            guard FileManager.default.isExecutableFile(atPath: server) else {
                throw PadanError(.usage, file: server, "padan serve runs padan-server, which is not built beside padan: build it with 'swift build -c release --product padan-server'")
            }
            let passed = options.map { $0 == "--help-server" ? "--help" : $0 }
            let argv = ([server] + passed).map { strdup($0) } + [nil]
            execv(server, argv)
            throw PadanError(.internalError, file: server, "cannot start: \(String(cString: strerror(errno)))")
        }
    }
}
