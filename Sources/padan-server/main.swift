import ArgumentParser
import Foundation
import Padan
import PadanServer

/// `padan-server` (started by `padan serve`): the register's JSON HTTP service.
@main
struct PadanServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "padan-server",
        abstract: "Serve a register over HTTP: POST /v1/match, GET /v1/people/{id}, /health, /metrics, /v1/openapi.yaml.",
        discussion: """
            Every /v1/ request but the OpenAPI document needs a key made with 'padan register key add' \
            (Authorization: Bearer KEY). Every answered lookup is appended to the audit log.
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

    @Option(help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM); needs --tls-key.", valueName: "FILE"))
    var tlsCertificate: String?

    @Option(help: ArgumentHelp("The certificate's private key (PEM).", valueName: "FILE"))
    var tlsKey: String?

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError("--tls-certificate and --tls-key go together") }
    }

    func run() async throws {
        var limits = RegisterService.Limits()
        limits.maxBodyBytes = maxBodyBytes
        limits.maxBatch = maxBatch
        do {
            let tls = tlsCertificate.map { RegisterServer.TLSFiles(certificate: $0, key: tlsKey!) }
            try await RegisterServer.run(register: register, host: host, port: port, auditLog: auditLog ?? register + ".audit.jsonl",
                                         tls: tls, limits: limits) { port in
                FileHandle.standardOutput.write(Data("padan-server: serving \(register) on \(tls == nil ? "http" : "https")://\(host):\(port)\n".utf8))
            }
        } catch let e as PadanError {
            FileHandle.standardError.write(Data("padan-server: \(e)\n".utf8))
            throw ExitCode(1)
        }
    }
}
