import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Padan

/// `padan serve`: the ``RegisterService`` on Hummingbird 2, with the index rebuilt in the
/// background when the register changes.
public enum RegisterServer {
    /// The OpenAPI document of the service (checked in as Sources/PadanServer/openapi.yaml).
    public static func openAPIDocument() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw PadanError(.internalError, "the OpenAPI document is missing from the build")
        }
        return Array(data)
    }

    /// A certificate chain and its private key, PEM files, for HTTPS.
    public struct TLSFiles: Sendable {
        public var certificate: String
        public var key: String
        public init(certificate: String, key: String) {
            self.certificate = certificate
            self.key = key
        }
    }

    /// Serves `register` on `host:port` until the process is stopped, over HTTPS when `tls` is
    /// given. `ready` is called once the index is built and the port is open, with the port
    /// (useful when `port` is 0).
    public static func run(register: String, host: String, port: Int, auditLog: String, tls: TLSFiles? = nil,
                           limits: RegisterService.Limits = .init(), refreshSeconds: Double = 5,
                           ready: (@Sendable (Int) -> Void)? = nil) async throws {
        let service = try RegisterService(register: register, auditLog: auditLog, limits: limits, openAPI: try openAPIDocument())
        let router = Router()
        let maxBody = limits.maxBodyBytes
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            var body: [UInt8] = []
            do {
                // One byte more than allowed, to tell "too large" from "exactly the limit".
                let buffer = try await request.body.collect(upTo: maxBody + 1)
                body = Array(buffer.readableBytesView)
            } catch {
                return respond(RegisterService.error(413, "the body is larger than \(maxBody) bytes"))
            }
            var key = request.headers[.authorization].flatMap { value -> String? in
                value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
            }
            if key == nil { key = request.headers.first { $0.name.canonicalName == "x-api-key" }?.value }
            let reply = service.handle(method: request.method.rawValue, path: request.uri.path, apiKey: key, body: body)
            return respond(reply)
        }
        for path in ["/health", "/metrics", "/v1/openapi.yaml", "/v1/people/:id"] { router.get(RouterPath(path), use: handler) }
        router.post("/v1/match", use: handler)
        let server: HTTPServerBuilder = try tls.map { try .tls(.http1(), tlsConfiguration: try tlsConfiguration($0)) } ?? .http1()
        let app = Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "padan"),
            onServerRunning: { channel in ready?(channel.localAddress?.port ?? port) })
        let refresher = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(refreshSeconds * 1e9))
                _ = try? service.refreshIfChanged()
            }
        }
        defer { refresher.cancel() }
        try await app.runService()
    }

    static func tlsConfiguration(_ files: TLSFiles) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        let key: NIOSSLPrivateKey
        do { chain = try NIOSSLCertificate.fromPEMFile(files.certificate) } catch {
            throw PadanError(.usage, file: files.certificate, "not a PEM certificate: \(error)")
        }
        do { key = try NIOSSLPrivateKey(file: files.key, format: .pem) } catch {
            throw PadanError(.usage, file: files.key, "not a PEM private key: \(error)")
        }
        if chain.isEmpty { throw PadanError(.usage, file: files.certificate, "holds no certificate") }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }

    static func respond(_ reply: RegisterService.Reply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        return Response(status: .init(code: reply.status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
