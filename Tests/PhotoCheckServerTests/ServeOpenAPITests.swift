import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckServer

/// Docs/openapi.json against the server's real answers: every answer's status is documented for
/// its path and method, its content type is the documented one, and its body matches the
/// documented schema (types, required fields, enums, nested objects and arrays).
@Suite struct ServeOpenAPITests {
    nonisolated(unsafe) static let spec: [String: Any] = {
        let url = TestPaths.packageRoot.appendingPathComponent("Docs/openapi.json")
        guard let data = try? Data(contentsOf: url), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            preconditionFailure("cannot read Docs/openapi.json")
        }
        return object
    }()

    /// What is wrong with `value` against `schema` (empty: nothing).
    static func violations(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/components/schemas/".count))
            let schemas = (spec["components"] as? [String: Any])?["schemas"] as? [String: Any]
            guard let target = schemas?[name] as? [String: Any] else { return ["\(path): unresolved \(ref)"] }
            return violations(value, target, at: path)
        }
        if value is NSNull { return schema["nullable"] as? Bool == true ? [] : ["\(path): null where not nullable"] }
        if let all = schema["allOf"] as? [[String: Any]] { return all.flatMap { violations(value, $0, at: path) } }
        var problems: [String] = []
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                if let sub = properties[key] as? [String: Any] {
                    problems += violations(item, sub, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += violations(item, extra, at: "\(path).\(key)")
                }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            if let min = schema["minItems"] as? Int, array.count < min { problems.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, array.count > max { problems.append("\(path): more than \(max) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { problems += violations(item, items, at: "\(path)[\(i)]") }
            }
        case "string":
            guard let string = value as? String else { return ["\(path): not a string"] }
            if let allowed = schema["enum"] as? [String], !allowed.contains(string) { problems.append("\(path): \(string) not in \(allowed)") }
        case "integer":
            guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
                return ["\(path): not an integer"]
            }
        case "number":
            guard value is NSNumber else { return ["\(path): not a number"] }
        case "boolean":
            guard value is Bool else { return ["\(path): not a boolean"] }
        default:
            break
        }
        return problems
    }

    /// The documented answer for `path`, `method` and `status`, checked against `response`.
    static func conform(_ response: TestResponse, path: String, method: String) throws {
        let paths = try #require(spec["paths"] as? [String: Any])
        let operation = try #require((paths[path] as? [String: Any])?[method] as? [String: Any], "\(method) \(path) is not documented")
        let responses = try #require(operation["responses"] as? [String: Any])
        let documented = try #require(
            responses[String(response.status.code)] as? [String: Any], "\(method) \(path) answered \(response.status.code), not documented")
        let content = try #require(documented["content"] as? [String: Any])
        let type = try #require(response.headers[.contentType]).split(separator: ";").first.map(String.init) ?? ""
        let media = try #require(content[type] as? [String: Any], "\(method) \(path) \(response.status.code): \(type) is not documented")
        if let headers = documented["headers"] as? [String: Any] {
            for (name, header) in headers where (header as? [String: Any])?["required"] as? Bool == true {
                #expect(response.headers[HTTPField.Name(name)!] != nil, "\(path) \(response.status.code) lacks \(name)")
            }
        }
        guard type == "application/json" else { return }
        let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
        let problems = violations(body, try #require(media["schema"] as? [String: Any]))
        #expect(problems.isEmpty, "\(method) \(path) \(response.status.code): \(problems.prefix(5))")
    }

    @Test func realAnswersMatchTheDocument() async throws {
        let configuration = ServeConfiguration(maxBodyBytes: 200_000, queue: 1, workers: 1, timeoutSeconds: 20)
        try await Serve.test(configuration) { server, client in
            var seen: Set<String> = []
            func post(_ headers: HTTPFields, _ body: ByteBuffer, uri: String = "/api/check") async throws {
                try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                    seen.insert(String(response.status.code))
                    try Self.conform(response, path: "/api/check", method: "post")
                }
            }
            try await post(Serve.jpegHeaders, ByteBuffer(bytes: Serve.photo(Serve.passing)))
            try await post(Serve.formHeaders(), Serve.form([("photo", Serve.failing, Serve.photo(Serve.failing))]))
            try await post(Serve.jpegHeaders, ByteBuffer(bytes: Serve.photo(Serve.passing)), uri: "/api/check?picture=0")
            try await post(Serve.jpegHeaders, ByteBuffer(string: "not a photo"))
            try await post(Serve.jpegHeaders, ByteBuffer())
            try await post([.contentType: "text/plain"], ByteBuffer(string: "x"))
            try await post(Serve.jpegHeaders, ByteBuffer(bytes: [UInt8](repeating: 0xFF, count: 300_000)))
            let held = try #require(server.pool.admit())
            try await post(Serve.jpegHeaders, ByteBuffer(bytes: Serve.photo(Serve.passing)))
            server.pool.leave(held)
            #expect(seen == ["200", "422", "400", "415", "413", "503"])
            var fixed: Set<String> = []
            for (uri, headers, body) in [
                ("/api/fix", Serve.formHeaders(), Serve.form([("photo", "g.jpg", Serve.photo("frll-005-grey-480x640.jpg"))])),
                ("/api/fix", Serve.jpegHeaders, ByteBuffer(bytes: Serve.photo("hat-glasses-flag-bg.jpg"))),
                ("/api/fix?format=jpeg", Serve.jpegHeaders, ByteBuffer(bytes: Serve.photo("frll-005-grey-480x640.jpg"))),
                ("/api/fix", Serve.jpegHeaders, ByteBuffer(string: "not a photo")),
                ("/api/fix", Serve.jpegHeaders, ByteBuffer()),
            ] {
                try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                    fixed.insert(String(response.status.code))
                    try Self.conform(response, path: "/api/fix", method: "post")
                }
            }
            #expect(fixed == ["200", "422", "400"])
            for path in ["/api/rules", "/healthz", "/"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    try Self.conform(response, path: path, method: "get")
                }
            }
            // A profile named in the query or the form; an unknown one is a documented 400.
            try await post(Serve.formHeaders(), Serve.form([("profile", nil, Array("cet".utf8)), ("photo", "p.jpg", Serve.photo(Serve.passing))]))
            try await post(Serve.jpegHeaders, ByteBuffer(bytes: Serve.photo(Serve.passing)), uri: "/api/check?profile=nope")
            for (uri, status) in [("/api/rules?profile=icao", 200), ("/api/rules?profile=nope", 400)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code == status)
                    try Self.conform(response, path: "/api/rules", method: "get")
                }
            }
        }
    }

    /// The checker of this test itself: a document that breaks the schema is caught.
    @Test func theSchemaCheckCatchesAMissingFieldAndAWrongType() throws {
        let schema = ["$ref": "#/components/schemas/Health"]
        #expect(Self.violations(["status": "ok", "capacity": 2, "in_progress": 0, "workers": 2], schema).isEmpty)
        #expect(Self.violations(["status": "ok", "capacity": 2, "workers": 2], schema) == ["$: missing in_progress"])
        #expect(Self.violations(["status": "ok", "capacity": "2", "in_progress": 0, "workers": 2], schema) == ["$.capacity: not an integer"])
    }
}
