import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PhotoCheckAnalysis
import PhotoCheckCore
import PhotoCheckDecoding
import PhotoCheckModel
import PhotoCheckReporting
import PhotoCheckTestSupport
import Testing

@testable import PhotoCheckServer

/// The JSON API of `photocheck serve`, through Hummingbird's test client.
@Suite struct ServeAPITests {
    /// A raw JPEG body without the picture gets exactly the document `check --format json` writes
    /// for that file (same reporter, same checker), under the name given in the query.
    @Test func rawJPEGGetsTheCheckCommandsDocument() async throws {
        let bytes = Serve.photo(Serve.passing)
        let expected = JSONReporter().render(
            [PhotoChecker(profile: .chsi2017, options: CheckOptions()).check(path: Serve.passing, bytes: bytes)],
            ReportContext(language: .en, profile: .chsi2017))
        try await Serve.test { _, client in
            try await client.execute(
                uri: "/api/check?picture=0&filename=\(Serve.passing)", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: bytes)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == expected)
            }
        }
    }

    /// The server checks with the landmark model its configuration names (`photocheck serve` puts
    /// `PHOTOCHECK_LANDMARK_MODEL` there): a file that is not there is named by the skipped checks.
    @Test func checksUseTheConfiguredLandmarkModel() async throws {
        let missing = "/nonexistent/photocheck-landmarks.dat"
        let bytes = Serve.photo(Serve.passing)
        try await Serve.test(ServeConfiguration(landmarkModelPath: missing)) { _, client in
            try await client.execute(
                uri: "/api/check?picture=0&filename=\(Serve.passing)", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: bytes)
            ) { response in
                #expect(response.status == .ok)
                let findings = try #require(try Serve.firstPhoto(response)["findings"] as? [[String: Any]])
                let eyeLine = try #require(findings.first { $0["check"] as? String == "framing.eye_line" })
                #expect(eyeLine["status"] as? String == "skip")
                let text = String(decoding: try JSONSerialization.data(withJSONObject: eyeLine), as: UTF8.self)
                    .replacingOccurrences(of: "\\/", with: "/")
                #expect(text.contains(missing), "\(text)")
            }
        }
    }

    /// The page's multipart form: the verdict, and the annotated picture as a JPEG data: URL.
    @Test(arguments: [(Serve.passing, "pass"), (Serve.failing, "fail")])
    func multipartFormGetsVerdictAndAnnotatedPicture(name: String, verdict: String) async throws {
        try await Serve.test { _, client in
            let body = Serve.form([("note", nil, Array("hello".utf8)), ("photo", name, Serve.photo(name))])
            try await client.execute(uri: "/api/check", method: .post, headers: Serve.formHeaders(), body: body) { response in
                #expect(response.status == .ok)
                let json = try Serve.json(response)
                let photo = try Serve.firstPhoto(response)
                #expect(photo["verdict"] as? String == verdict)
                #expect(photo["path"] as? String == name)
                let url = try #require(json["annotated_picture"] as? String)
                #expect(url.hasPrefix("data:image/jpeg;base64,"))
                let jpeg = try #require(Data(base64Encoded: String(url.dropFirst("data:image/jpeg;base64,".count))))
                #expect(Array(jpeg.prefix(3)) == [0xFF, 0xD8, 0xFF])
                #expect((json["summary"] as? [String: Any])?["photos"] as? Int == 1)
            }
        }
    }

    /// POST /api/fix: the fixed JPEG (base64) and its re-check, which is what checking those bytes
    /// gives; the JPEG itself with ?format=jpeg; a refusal says why; not a JPEG is 422.
    @Test func fixReturnsTheFixedPhotoAndItsRecheck() async throws {
        try await Serve.test { _, client in
            let body = Serve.form([("photo", "frll-005-grey-480x640.jpg", Serve.photo("frll-005-grey-480x640.jpg"))])
            let fixed: [UInt8] = try await client.execute(uri: "/api/fix", method: .post, headers: Serve.formHeaders(), body: body) { response in
                #expect(response.status == .ok)
                let json = try Serve.json(response)
                #expect(json["file_name"] as? String == "frll-005-grey-480x640.fixed.jpg")
                #expect(json["refusal"] is NSNull)
                let base64 = try #require(json["fixed_photo"] as? String)
                let jpeg = [UInt8](try #require(Data(base64Encoded: base64)))
                let recheck = PhotoChecker(profile: .chsi2017, options: CheckOptions()).check(path: "x.fixed.jpg", bytes: jpeg)
                #expect((recheck.width, recheck.height) == (480, 640))
                let report = try #require(json["report"] as? [String: Any])
                let photo = try #require((report["photos"] as? [[String: Any]])?.first)
                #expect(photo["verdict"] as? String == recheck.verdict.rawValue)
                #expect(photo["fix"] is [String: Any])
                return jpeg
            }
            try await client.execute(
                uri: "/api/fix?format=jpeg&filename=%E5%BC%A0%E4%B8%89.jpg", method: .post, headers: Serve.jpegHeaders,
                body: ByteBuffer(bytes: Serve.photo("frll-005-grey-480x640.jpg"))
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/jpeg")
                #expect(Array(buffer: response.body) == fixed)
                #expect(response.headers[HTTPField.Name("X-Photocheck-Verdict")!] != nil)
                let disposition = try #require(response.headers[HTTPField.Name("Content-Disposition")!])
                #expect(disposition.hasPrefix("attachment; filename=\"") && disposition.contains("UTF-8''%E5%BC%A0%E4%B8%89%2Efixed%2Ejpg"))
            }
            // Too little room above the head: no crop can fix it.
            try await client.execute(
                uri: "/api/fix", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: Serve.photo("hat-glasses-flag-bg.jpg"))
            ) { response in
                #expect(response.status == .ok)
                let json = try Serve.json(response)
                #expect(json["fixed_photo"] is NSNull)
                let refusal = try #require(json["refusal"] as? [String: String])
                #expect(!(refusal["zh"] ?? "").isEmpty && !(refusal["en"] ?? "").isEmpty)
            }
            try await client.execute(uri: "/api/fix", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(string: "hello")) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    /// A file name with folders in it is reported by its last component only.
    @Test func fileNamesLoseTheirFolders() {
        #expect(Upload.sanitisedName("../../etc/passwd") == "passwd")
        #expect(Upload.sanitisedName("C:\\Users\\me\\photo 1.JPG") == "photo 1.JPG")
        #expect(Upload.sanitisedName("..") == "photo.jpg")
        #expect(Upload.sanitisedName("a\u{0}b\nc.jpg") == "abc.jpg")
        // DEL and C1 controls (U+009B is a terminal's CSI) go as C0 ones do.
        #expect(Upload.sanitisedName("a\u{7F}b\u{9B}31mc\u{85}.jpg") == "ab31mc.jpg")
        #expect(Upload.sanitisedName(nil) == "photo.jpg")
    }

    /// A PNG is not a photo the standard accepts: 422 with the check's own document, whose error
    /// says why in both languages.
    @Test func notAJPEGIsUnprocessableWithTheReasonInBothLanguages() async throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64)
        try await Serve.test { _, client in
            try await client.execute(uri: "/api/check", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: png)) { response in
                #expect(response.status == .unprocessableContent)
                let photo = try Serve.firstPhoto(response)
                #expect(photo["verdict"] as? String == "error")
                let error = try #require(photo["error"] as? [String: String])
                #expect(!(error["zh"] ?? "").isEmpty && !(error["en"] ?? "").isEmpty)
            }
        }
    }

    /// Every refusal: status, stable code, and both languages.
    @Test func badUploadsAreRefusedWithAReasonInBothLanguages() async throws {
        let photo = Serve.photo(Serve.passing)
        try await Serve.test { _, client in
            // An empty body.
            try await client.execute(uri: "/api/check", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer()) { response in
                #expect(response.status == .badRequest)
                #expect(Serve.errorCode(response) == "empty")
            }
            // Neither a JPEG nor a form.
            try await client.execute(
                uri: "/api/check", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "hello")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(Serve.errorCode(response) == "unsupported_type")
            }
            // No content type at all.
            try await client.execute(uri: "/api/check", method: .post, body: ByteBuffer(bytes: photo)) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            // A form without a file.
            try await client.execute(
                uri: "/api/check", method: .post, headers: Serve.formHeaders(), body: Serve.form([("name", nil, Array("Zhang San".utf8))])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Serve.errorCode(response) == "no_photo")
            }
            // A form whose file field is empty (the browser's form sent with no file chosen).
            try await client.execute(uri: "/api/check", method: .post, headers: Serve.formHeaders(), body: Serve.form([("photo", "", [])])) {
                response in
                #expect(response.status == .badRequest)
                #expect(Serve.errorCode(response) == "empty")
            }
            // A form cut short before its first part ends.
            let cut = Serve.form([("photo", "a.jpg", photo)]).getSlice(at: 0, length: 2000)!
            try await client.execute(uri: "/api/check", method: .post, headers: Serve.formHeaders(), body: cut) { response in
                #expect(response.status == .badRequest)
                #expect(Serve.errorCode(response) == "bad_form")
            }
            // A multipart type without its boundary.
            try await client.execute(
                uri: "/api/check", method: .post, headers: [.contentType: "multipart/form-data"], body: Serve.form([("photo", "a.jpg", photo)])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(Serve.errorCode(response) == "bad_form")
            }
            // No such page; a path that tries to climb out; the wrong method.
            for uri in ["/nothing", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/app.js/../../Package.swift"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(Serve.errorCode(response) == "not_found")
                }
            }
            try await client.execute(uri: "/api/check", method: .get) { response in
                #expect(response.status.code == 405 || response.status.code == 404)
                #expect(response.status.kind == .clientError)
            }
        }
    }

    /// The body cap: a stated Content-Length over the cap is refused before anything is read (on a
    /// live server, through a bare socket: the test clients state the true length); a body without
    /// one is counted as it streams.
    @Test func bodyCapIsCheckedFromTheLengthAndFromTheStream() async throws {
        let photo = Serve.photo(Serve.passing)
        let configuration = ServeConfiguration(maxBodyBytes: 20_000)
        #expect(photo.count > 20_000)
        try await Serve.test(configuration, setup: .live) { _, client in
            let port = try #require(client.port)
            let answer = try await Serve.blocking {
                let socket = try RawHTTP(port: port)
                try socket.send(Array("POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: 50000000\r\n\r\n".utf8))
                return try socket.receive(until: "}}\n")
            }
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(100))")
            #expect(answer.contains("\"code\":\"too_large\""))
        }
        try await Serve.test(configuration) { _, client in
            try await client.execute(uri: "/api/check", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: photo)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Serve.errorCode(response) == "too_large")
            }
            try await client.execute(
                uri: "/api/check", method: .post, headers: Serve.formHeaders(), body: Serve.form([("photo", "a.jpg", photo)])
            ) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    /// An upload that stops half-way is answered 408 at the timeout and its place is given back
    /// (a client that sends slowly cannot hold a place for longer than the timeout).
    @Test func stalledUploadAnswers408AtTheTimeout() async throws {
        let photo = Serve.photo(Serve.passing)
        let configuration = ServeConfiguration(queue: 1, workers: 1, timeoutSeconds: 0.5)
        try await Serve.test(configuration, setup: .live) { server, client in
            let port = try #require(client.port)
            let head = "POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: image/jpeg\r\nContent-Length: \(photo.count)\r\n\r\n"
            let started = Date()
            let answer = try await Serve.blocking {
                let socket = try RawHTTP(port: port)
                try socket.send(Array(head.utf8) + photo.prefix(1000))
                return try socket.receive(until: "}}\n")
            }
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(100))")
            #expect(answer.contains("\"code\":\"upload_timeout\""))
            #expect(Date().timeIntervalSince(started) < 20)
            #expect(server.pool.inUse == 0)
        }
    }

    /// When every place is taken the next request gets 503 with Retry-After at once, without its
    /// body being read; when a place is free again it is checked.
    @Test func fullQueueAnswers503WithRetryAfter() async throws {
        let configuration = ServeConfiguration(queue: 2, workers: 1, retryAfterSeconds: 3)
        try await Serve.test(configuration) { server, client in
            let held = [try #require(server.pool.admit()), try #require(server.pool.admit())]
            #expect(server.pool.admit() == nil)
            try await client.execute(
                uri: "/api/check", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: Serve.photo(Serve.passing))
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "3")
                #expect(Serve.errorCode(response) == "busy")
            }
            for ticket in held { server.pool.leave(ticket) }
            try await client.execute(
                uri: "/api/check?picture=0", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: Serve.photo(Serve.passing))
            ) { response in
                #expect(response.status == .ok)
            }
            #expect(server.pool.inUse == 0)
        }
    }

    /// A check that cannot finish within the timeout (here: its only worker is held busy) gets 503
    /// with Retry-After; its place is given back once the work is done.
    @Test func checkPastTheTimeoutAnswers503() async throws {
        let configuration = ServeConfiguration(queue: 2, workers: 1, timeoutSeconds: 0.5)
        try await Serve.test(configuration) { server, client in
            let release = DispatchSemaphore(value: 0)
            let blocker = try #require(server.pool.admit())
            server.pool.run(blocker) { _ in release.wait() }
            try await client.execute(
                uri: "/api/check", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: Serve.photo(Serve.passing))
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                #expect(Serve.errorCode(response) == "timeout")
            }
            release.signal()
            // The timed-out check still runs, then both places are free.
            for _ in 0..<100 where server.pool.inUse > 0 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(server.pool.inUse == 0)
        }
    }

    /// The page, its script and style, the rules and the health check; security headers on all of
    /// them and on refusals; no CORS header anywhere.
    @Test func pageAssetsAndHeaders() async throws {
        try await Serve.test { _, client in
            for (uri, type) in [
                ("/", "text/html"), ("/app.js", "text/javascript"), ("/app.css", "text/css"), ("/api/rules", "application/json"),
                ("/healthz", "application/json"), ("/missing", "application/json"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(uri)")
                    let csp = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                    #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[.accessControlAllowOrigin] == nil)
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                // Scripts only from the page's own file; nothing from elsewhere.
                #expect(html.components(separatedBy: "<script").count == 2)
                #expect(html.contains("<script src=\"app.js\" defer></script>"))
                #expect(!html.contains("http://") && !html.contains("https://"))
                #expect(html.contains("不保存"))
            }
            try await client.execute(uri: "/api/rules", method: .get) { response in
                let json = try Serve.json(response)
                let checks = try #require(json["checks"] as? [[String: Any]])
                #expect(checks.count == Profile.chsi2017.checks.count)
                #expect((json["legend"] as? [Any])?.count == Annotator.legend(.zh).count)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let status = try Serve.json(response)["status"] as? String
                #expect(status == "ok")
            }
        }
    }
}

/// `serve --profile` and a request's `profile=`: the server judges by the profile it is given, a
/// request may name any built-in one (query or form field), and an unknown name is a 400 that
/// lists them.
@Suite struct ServeProfileTests {
    /// The answer for a profile is the document `check --profile X --format json` writes, byte
    /// for byte (same checker options, DCT-scaled decoding of large photos included).
    @Test(arguments: ["cet", "icao"])
    func aRequestNamesAProfile(name: String) async throws {
        let profile = try Profile.builtIn(named: name)
        let bytes = Serve.photo(Serve.passing)
        var options = CheckOptions()
        options.decodeAtLeast = .twice(profile, largestFactor: 0.5)
        let expected = JSONReporter().render(
            [PhotoChecker(profile: profile, options: options).check(path: "p.jpg", bytes: bytes)], ReportContext(language: .en, profile: profile))
        try await Serve.test { _, client in
            try await client.execute(
                uri: "/api/check?picture=0&filename=p.jpg&profile=\(name)", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: bytes)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == expected)
            }
            // The form's field wins over the query.
            let body = Serve.form([("photo", "p.jpg", bytes), ("profile", nil, Array(name.utf8))])
            try await client.execute(uri: "/api/check?picture=0&profile=chsi-2017", method: .post, headers: Serve.formHeaders(), body: body) {
                response in
                #expect(String(buffer: response.body) == expected)
            }
        }
    }

    @Test func anUnknownProfileIsA400ThatListsThem() async throws {
        try await Serve.test { _, client in
            for uri in ["/api/rules?profile=chsi", "/api/check?profile=chsi"] {
                let method: HTTPRequest.Method = uri.hasPrefix("/api/rules") ? .get : .post
                try await client.execute(uri: uri, method: method, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: Serve.photo(Serve.passing))) {
                    response in
                    #expect(response.status == .badRequest)
                    let error = try #require(try Serve.json(response)["error"] as? [String: Any])
                    #expect(error["code"] as? String == "unknown_profile")
                    #expect(error["profiles"] as? [String] == Profile.builtInNames)
                    #expect((error["en"] as? String)?.contains("'chsi'") == true)
                }
            }
            let body = Serve.form([("profile", nil, Array("passport".utf8)), ("photo", "p.jpg", Serve.photo(Serve.passing))])
            try await client.execute(uri: "/api/fix", method: .post, headers: Serve.formHeaders(), body: body) { response in
                #expect(response.status == .badRequest)
                #expect(Serve.errorCode(response) == "unknown_profile")
            }
        }
    }

    /// `serve --profile ga461`: what a request that names none gets, and what /api/rules says by
    /// default; /api/rules?profile=cet describes cet.
    @Test func theServersProfileIsTheDefault() async throws {
        let ga461 = try Profile.builtIn(named: "ga461")
        try await Serve.test(ServeConfiguration(profile: ga461)) { _, client in
            try await client.execute(uri: "/api/rules", method: .get) { response in
                let json = try Serve.json(response)
                #expect(json["profile"] as? String == "ga461")
                let listed = try #require(json["profiles"] as? [[String: Any]])
                #expect(listed.map { $0["name"] as? String } == Profile.builtInNames)
                #expect(listed.filter { $0["default"] as? Bool == true }.map { $0["name"] as? String } == ["ga461"])
            }
            try await client.execute(uri: "/api/rules?profile=cet", method: .get) { response in
                let json = try Serve.json(response)
                #expect(json["profile"] as? String == "cet")
                let checks = try #require(json["checks"] as? [[String: Any]]).compactMap { $0["check"] as? String }
                #expect(checks.contains("framing.head_height") && !checks.contains("framing.eye_line"))
            }
            try await client.execute(
                uri: "/api/fix?format=jpeg", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: Serve.photo(Serve.passing))
            ) {
                response in
                #expect(response.status == .ok)
                let picture = try JPEGDecoder().decode(Array(buffer: response.body)).image
                #expect((picture.width, picture.height) == (358, 441))
            }
            try await client.execute(
                uri: "/api/fix?profile=cet", method: .post, headers: Serve.jpegHeaders, body: ByteBuffer(bytes: Serve.photo(Serve.passing))
            ) {
                response in
                let report = try #require(try Serve.json(response)["report"] as? [String: Any])
                #expect(report["profile"] as? String == "cet")
                let photo = try #require((report["photos"] as? [[String: Any]])?.first)
                let findings = try #require(photo["findings"] as? [[String: Any]])
                let head = findings.first { $0["check"] as? String == "framing.head_height" }
                #expect(head?["status"] as? String == "pass")
            }
        }
    }

    /// A server's own profile file under a name no built-in has is listed after them and chosen
    /// by that name.
    @Test func aProfileFileIsOfferedByItsName() async throws {
        var school = try Profile.builtIn(named: "gaokao")
        school.name = "my-school"
        try await Serve.test(ServeConfiguration(profile: school)) { server, client in
            #expect(server.profileNames == Profile.builtInNames + ["my-school"])
            try await client.execute(uri: "/api/rules?profile=chsi-2017", method: .get) { response in
                let json = try Serve.json(response)
                #expect(json["profile"] as? String == "chsi-2017")
            }
            try await client.execute(uri: "/api/rules", method: .get) { response in
                let json = try Serve.json(response)
                #expect(json["profile"] as? String == "my-school")
            }
        }
    }

    /// Workers decode phone photos DCT-scaled as `check` does.
    @Test func workersDecodeLargePhotosScaled() throws {
        let cet = try Profile.builtIn(named: "cet")
        #expect(CheckerPool.Worker.options(cet).decodeAtLeast == .twice(cet, largestFactor: 0.5))
        #expect(CheckerPool.Worker.options(.chsi2017).decodeAtLeast == .twice(.chsi2017, largestFactor: 0.5))
    }
}
