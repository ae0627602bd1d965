import ArgumentParser
import Foundation
import Padan

/// `padan serve`: starts `padan-server`, the register's HTTP service, which is built apart so
/// that the command-line tool never links SwiftNIO.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a register over HTTP (JSON): POST /v1/match, GET /v1/people/{id}, /health, /metrics, /v1/openapi.yaml.",
        discussion: """
            Runs padan-server from beside this padan (build it with: swift build -c release --product padan-server). \
            Every /v1/ request but the OpenAPI document needs a key from 'padan register key add REG NAME' \
            (Authorization: Bearer KEY); every answered lookup is appended to the audit log.

            EXAMPLE:
              padan register key add bansos.padan loket-1
              padan serve --register bansos.padan --port 8080
            """)

    @Option(help: "The register.")
    var register: String

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port (0: any free one, printed when ready).")
    var port = 8080

    @Option(help: ArgumentHelp("The audit log (JSON lines, appended; default: REGISTER.audit.jsonl).", valueName: "FILE"))
    var auditLog: String?

    @Option(help: "Largest request body in bytes.")
    var maxBodyBytes = 1 << 20

    @Option(help: "Most people in one batch.")
    var maxBatch = 100

    func run() throws {
        try reportingErrors {
            let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            let server = me.deletingLastPathComponent().appendingPathComponent("padan-server").path
            guard FileManager.default.isExecutableFile(atPath: server) else {
                throw PadanError(.usage, file: server, "padan serve runs padan-server, which is not built beside padan: build it with 'swift build -c release --product padan-server'")
            }
            _ = try Register.open(at: register, readOnly: true)
            var arguments = [server, "--register", register, "--host", host, "--port", String(port),
                             "--max-body-bytes", String(maxBodyBytes), "--max-batch", String(maxBatch)]
            if let auditLog { arguments += ["--audit-log", auditLog] }
            let argv = arguments.map { strdup($0) } + [nil]
            execv(server, argv)
            throw PadanError(.internalError, file: server, "cannot start: \(String(cString: strerror(errno)))")
        }
    }
}
