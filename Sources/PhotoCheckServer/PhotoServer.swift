import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PhotoCheckCore
import ServiceLifecycle

/// `photocheck serve`: the checker as a web page and a small JSON API, on Hummingbird.
///
/// Routes (all fixed paths: nothing in a request ever names a file, and nothing is read from or
/// written to disk):
/// - `GET /`, `/app.js`, `/app.css`: the page, compiled into the binary.
/// - `POST /api/check`: one photo (raw `image/jpeg`, or the `photo` field of a multipart form) →
///   the document `check --format json` writes for it, plus `annotated_picture` (a data: URL of
///   the annotated picture; `?picture=0` leaves it out, and the document is then byte for byte the
///   command's). 422 with the same document when the upload is not a readable JPEG.
/// - `POST /api/fix`: the same upload, fixed by `PhotoFixer` (see `FixRoute.swift`): JSON with the
///   fixed JPEG in base64 and its re-check, or with `?format=jpeg` the JPEG itself.
/// - `GET /api/rules`: the profile's checks and the legend of the annotated picture.
///
/// Every route but the page takes `profile=NAME` (a query parameter, or for an upload also a form
/// field, which wins): one of the built-in profiles or the server's own (`serve --profile`), which
/// is what a request that names none gets. An unknown name is a 400 that lists the names.
/// - `GET /healthz`: `{"status":"ok",…}`.
///
/// Photos are held in memory only while they are checked; the log gets a request id, the upload's
/// size, the verdict and the time, never a name or a pixel.
public struct PhotoServer: Sendable {
    public let configuration: ServeConfiguration
    public let pool: CheckerPool
    /// The profiles a request may name: the built-in ones and the server's own, by name.
    let profiles: [String: Profile]
    /// Their names as listed (built-in order, then the server's own when it is a file's).
    let profileNames: [String]
    let rulesJSON: [String: ByteBuffer]

    public init(configuration: ServeConfiguration) {
        self.configuration = configuration
        pool = CheckerPool(
            profile: configuration.profile, capacity: configuration.queue, workers: configuration.workers,
            landmarkModelPath: configuration.landmarkModelPath)
        var profiles: [String: Profile] = [:]
        for profile in (try? Profile.allBuiltIn()) ?? [] { profiles[profile.name] = profile }
        // The server's own profile wins over a built-in one of the same name (a school's variant).
        profiles[configuration.profile.name] = configuration.profile
        var names = Profile.builtInNames.filter { profiles[$0] != nil }
        if !names.contains(configuration.profile.name) { names.append(configuration.profile.name) }
        self.profiles = profiles
        profileNames = names
        let listed = names.compactMap { profiles[$0] }
        var rules: [String: ByteBuffer] = [:]
        for profile in listed {
            rules[profile.name] = ByteBuffer(
                string: RulesDocument.json(profile, configuration: configuration, profiles: listed, serverProfile: configuration.profile.name))
        }
        rulesJSON = rules
    }

    /// The profile a request names (`profile=` in the query, or `form` from its form), the
    /// server's own when it names none.
    func profile(named name: String?) -> Result<Profile, APIError> {
        guard let name = name.flatMap({ $0.isEmpty ? nil : $0 }) else { return .success(configuration.profile) }
        guard let profile = profiles[name] else { return .failure(.unknownProfile(String(name.prefix(64)), known: profileNames)) }
        return .success(profile)
    }

    static func queriedProfile(_ request: Request) -> String? {
        request.uri.queryParameters["profile"].map { String($0).removingPercentEncoding ?? String($0) }
    }

    /// Whether this build has `POST /api/fix`.
    static let canFix = true

    /// The routes, behind the security headers.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityMiddleware())
        router.get("/") { _, _ in Self.asset(PageAssets.html, type: "text/html; charset=utf-8") }
        router.get("/app.js") { _, _ in Self.asset(PageAssets.script, type: "text/javascript; charset=utf-8") }
        router.get("/app.css") { _, _ in Self.asset(PageAssets.style, type: "text/css; charset=utf-8") }
        router.get("/favicon.svg") { _, _ in Self.asset(PageAssets.icon, type: "image/svg+xml") }
        router.get("/healthz") { _, _ in
            let body = "{\"capacity\":\(pool.capacity),\"in_progress\":\(pool.inUse),\"status\":\"ok\",\"workers\":\(pool.workers)}\n"
            return Self.json(body, status: .ok)
        }
        router.get("/api/rules") { request, _ in
            switch profile(named: Self.queriedProfile(request)) {
            case .failure(let error):
                return error.response
            case .success(let profile):
                let body = rulesJSON[profile.name] ?? ByteBuffer(string: "{}\n")
                return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
            }
        }
        router.post("/api/check") { request, context in
            await check(request, context: context)
        }
        router.post("/api/fix") { request, context in
            await fix(request, context: context)
        }
        return router
    }

    /// The application, listening where the configuration says.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(75))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// Runs until SIGTERM or SIGINT; requests in flight are answered before it returns.
    public func run() async throws {
        // Standard error, beside the start-up lines (standard output stays free).
        var logger = Logger(label: "photocheck", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .info
        let configuration = configuration
        let app = application(logger: logger) { port in
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            let zh = configuration.language == .zh
            let lines = [
                (zh ? "photocheck serve:正在监听 " : "photocheck serve: listening on ") + "http://\(host):\(port)/",
                (zh ? "谁能访问:" : "who can reach it: ") + configuration.reach(port: port),
                zh
                    ? "同时检查 \(configuration.workers) 张,最多接纳 \(configuration.queue) 个请求;上传上限 \(APIError.megabytes(configuration.maxBodyBytes)) MB;超时 \(APIError.seconds(configuration.timeoutSeconds)) 秒。照片只在内存中处理,不保存、不记录。"
                    : "checks \(configuration.workers) at a time, admits \(configuration.queue) requests; uploads up to \(APIError.megabytes(configuration.maxBodyBytes)) MB; timeout \(APIError.seconds(configuration.timeoutSeconds)) s. Photos are processed in memory, never stored or logged.",
            ]
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        defer { pool.shutdown() }
        try await app.runService()
    }

    // MARK: - Checking

    func check(_ request: Request, context: some RequestContext) async -> Response {
        let withPicture = request.uri.queryParameters["picture"].map { $0 != "0" && $0 != "false" } ?? true
        return await handleUpload(request, context: context, kind: "check") { upload, profile, worker in
            Self.checkDocument(upload, checker: worker.checker(for: profile), profile: profile, withPicture: withPicture)
        } respond: { answer in
            Self.json(answer.json, status: answer.verdict == .error ? .unprocessableContent : .ok)
        } verdict: {
            $0.verdict.rawValue
        }
    }

    /// What every photo endpoint does: admit (or 503 at once), read the upload within the cap and
    /// the deadline, find the profile it names (400 for an unknown one), run `work` on a worker
    /// within the rest of the timeout, answer with `respond`, and log one line (request id, kind,
    /// bytes, verdict, status, ms).
    func handleUpload<Answer: Sendable>(
        _ request: Request, context: some RequestContext, kind: String,
        work: @escaping @Sendable (Upload, Profile, CheckerPool.Worker) -> Answer,
        respond: (Answer) -> Response, verdict: (Answer) -> String
    ) async -> Response {
        let start = ContinuousClock.now
        let timeout = Duration.milliseconds(Int64(configuration.timeoutSeconds * 1000))
        let deadline = start + timeout
        var size = request.headers[.contentLength].flatMap { Int($0) } ?? -1
        func finish(_ response: Response, verdict: String) -> Response {
            let ms = (ContinuousClock.now - start) / .milliseconds(1)
            context.logger.info(
                "\(kind)",
                metadata: ["bytes": "\(size)", "verdict": "\(verdict)", "status": "\(response.status.code)", "ms": "\(Int(ms.rounded()))"])
            return response
        }
        // An unknown name in the query is refused before the upload is read.
        let queried = Self.queriedProfile(request)
        if case .failure(let error) = profile(named: queried) { return finish(error.response, verdict: "-") }
        guard let ticket = pool.admit() else {
            return finish(APIError.busy(retryAfter: configuration.retryAfterSeconds).response, verdict: "-")
        }
        let upload: Upload
        do {
            upload = try await Upload.read(
                request, limit: configuration.maxBodyBytes, deadline: deadline, timeoutSeconds: configuration.timeoutSeconds)
        } catch {
            pool.leave(ticket)
            let refusal = error as? APIError ?? .badMultipart
            return finish(refusal.response, verdict: "-")
        }
        size = upload.bytes.count
        let profile: Profile
        switch self.profile(named: upload.profile ?? queried) {
        case .success(let named):
            profile = named
        case .failure(let error):
            pool.leave(ticket)
            return finish(error.response, verdict: "-")
        }
        let remaining = deadline - ContinuousClock.now
        let answer = await pool.run(ticket, timeout: max(remaining, .zero)) { worker in work(upload, profile, worker) }
        guard let answer else {
            return finish(
                APIError.checkTimedOut(seconds: configuration.timeoutSeconds, retryAfter: configuration.retryAfterSeconds).response, verdict: "-")
        }
        return finish(respond(answer), verdict: verdict(answer))
    }

    /// Checks one upload on a worker's checker: the JSON document and the verdict.
    static func checkDocument(_ upload: Upload, checker: PhotoChecker, profile: Profile, withPicture: Bool) -> (json: String, verdict: Verdict) {
        checker.attachments = withPicture ? [pictureAttachment] : []
        let report = checker.check(path: upload.name, bytes: upload.bytes)
        let context = ReportContext(language: .en, profile: profile)
        var json = JSONReporter().render([report], context)
        if withPicture, let picture = report.picture ?? report.thumbnail {
            let url = "data:image/jpeg;base64," + Data(picture).base64EncodedString()
            // "annotated_picture" sorts before "photos": the keys stay in order.
            json = "{\"annotated_picture\":\"" + url + "\"," + json.dropFirst()
        }
        return (json, report.verdict)
    }

    /// The annotated picture at an ID photo's own size (a large photo shrunk to 960 px).
    static let pictureAttachment = ThumbnailAttachment(pictureMaxSide: 960, source: ThumbnailAttachment.annotatedPicture)

    static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `GET /api/rules`: the profile's checks (id, clause, title, summary, limits, implemented), the
/// legend of the annotated picture, the profiles a request may name, and the server's limits.
enum RulesDocument {
    struct Check: Encodable {
        let check: String
        let clause: String
        let title: Localized
        let summary: Localized
        let implemented: Bool
        let limits: [String: Limit]
    }

    struct LegendItem: Encodable {
        let colour: String
        let kind: String
        let zh: String
        let en: String
    }

    struct ServerLimits: Encodable {
        let max_body_bytes: Int
        let queue: Int
        let workers: Int
        let timeout_seconds: Double
        /// Whether `POST /api/fix` is there (the page shows its button only then).
        let fix: Bool
    }

    struct ProfileItem: Encodable {
        let name: String
        let title: Localized
        /// The server's own profile, what a request that names none gets.
        let `default`: Bool
    }

    struct Document: Encodable {
        let profile: String
        let title: Localized
        let profiles: [ProfileItem]
        let checks: [Check]
        let legend: [LegendItem]
        let server: ServerLimits
    }

    static func json(_ profile: Profile, configuration: ServeConfiguration, profiles: [Profile], serverProfile: String) -> String {
        let checks = profile.checks.compactMap { id -> Check? in
            guard let d = CheckCatalogue.description(of: id) else { return nil }
            let limits = profile.limits.filter { $0.key == id || $0.key.hasPrefix(id + ".") }
            return Check(
                check: id, clause: profile.clause(for: id, default: d.clause), title: d.title, summary: d.summary,
                implemented: RuleRegistry.rule(for: id) != nil, limits: limits)
        }
        let zh = Annotator.legend(.zh), en = Annotator.legend(.en)
        let legend = zip(zh, en).map { z, e in
            let (r, g, b) = z.colour
            return LegendItem(colour: String(format: "#%02x%02x%02x", r, g, b), kind: z.kind, zh: z.text, en: e.text)
        }
        let document = Document(
            profile: profile.name, title: profile.title,
            profiles: profiles.map { ProfileItem(name: $0.name, title: $0.title, default: $0.name == serverProfile) }, checks: checks, legend: legend,
            server: ServerLimits(
                max_body_bytes: configuration.maxBodyBytes, queue: configuration.queue, workers: configuration.workers,
                timeout_seconds: configuration.timeoutSeconds, fix: PhotoServer.canFix))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }
}
