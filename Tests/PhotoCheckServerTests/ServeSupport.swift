import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckServer

/// Builders shared by the server tests: an application, uploads and JSON reading.
enum Serve {
    static let passing = "frll-005-blue-480x640.jpg"
    static let failing = "selfie-head-tilted-busy-bg-03.jpg"

    static func photo(_ name: String) -> [UInt8] { Fixtures.bytes(Fixtures.real(name)) }

    /// A server with `configuration`, run with Hummingbird's router test client.
    static func test<T: Sendable>(
        _ configuration: ServeConfiguration = ServeConfiguration(), setup: TestingSetup = .router,
        _ body: @Sendable (PhotoServer, any TestClientProtocol) async throws -> T
    ) async throws -> T {
        let server = PhotoServer(configuration: configuration)
        var logger = Logger(label: "photocheck-test")
        logger.logLevel = .warning
        let app = server.application(logger: logger)
        defer { server.pool.shutdown() }
        return try await app.test(setup) { client in try await body(server, client) }
    }

    /// A multipart/form-data body with `fields` (name, file name or nil, bytes).
    static func form(_ fields: [(name: String, filename: String?, bytes: [UInt8])], boundary: String = "----photocheck-test-7f3a") -> ByteBuffer {
        var out: [UInt8] = []
        for field in fields {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field.name)\""
            if let filename = field.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: image/jpeg" }
            head += "\r\n\r\n"
            out += Array(head.utf8) + field.bytes + Array("\r\n".utf8)
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: out)
    }

    static func formHeaders(boundary: String = "----photocheck-test-7f3a") -> HTTPFields {
        [.contentType: "multipart/form-data; boundary=\(boundary)"]
    }

    /// Runs blocking work (a bare socket, a child process) on a thread of its own: on the
    /// concurrency pool it would hold one of its few threads (two on two cores), which the
    /// servers under test need to answer.
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    static let jpegHeaders: HTTPFields = [.contentType: "image/jpeg"]

    static func json(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
        return try #require(object as? [String: Any], "not a JSON object: \(String(buffer: response.body).prefix(200))")
    }

    static func firstPhoto(_ response: TestResponse) throws -> [String: Any] {
        let photos = try #require(try json(response)["photos"] as? [[String: Any]])
        return try #require(photos.first)
    }

    /// The refusal's code ("" when there is none: the comparison then fails), and that it has
    /// both languages.
    static func errorCode(_ response: TestResponse) -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(buffer: response.body))
        guard let error = (object as? [String: Any])?["error"] as? [String: Any] else {
            Issue.record("no error object in \(String(buffer: response.body).prefix(200))")
            return ""
        }
        #expect(!((error["zh"] as? String) ?? "").isEmpty)
        #expect(!((error["en"] as? String) ?? "").isEmpty)
        return error["code"] as? String ?? ""
    }
}
