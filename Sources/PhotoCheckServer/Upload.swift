import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import PhotoCheckCore

/// One uploaded photo: its bytes and the name it is reported under.
struct Upload: Sendable {
    var bytes: [UInt8]
    /// The file name (no folders) the photo came with: the multipart part's filename, the
    /// `filename` query parameter for a raw body, else `photo.jpg`. Only ever shown in the report
    /// (the `file.extension` check reads it); it never names anything on this machine.
    var name: String
    /// The form's `profile` field, when it has one that is not empty.
    var profile: String? = nil

    /// Reads the photo out of a raw `image/jpeg` body or a `multipart/form-data` form (the part
    /// named `photo`, else the first part with a file name). The body is refused before it is read
    /// when its Content-Length is over `limit`, and while it streams in once it passes `limit`.
    static func read(_ request: Request, limit: Int, deadline: ContinuousClock.Instant, timeoutSeconds: Double) async throws -> Upload {
        let type = request.headers[.contentType] ?? ""
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        enum Kind { case raw, multipart(String) }
        let kind: Kind
        switch mediaType {
        case "image/jpeg", "image/jpg", "image/pjpeg", "application/octet-stream":
            kind = .raw
        case "multipart/form-data":
            guard let boundary = Self.parameter("boundary", in: type), !boundary.isEmpty else { throw APIError.badMultipart }
            kind = .multipart(boundary)
        case "":
            throw APIError.unsupportedType("(none)")
        default:
            throw APIError.unsupportedType(mediaType)
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError.tooLarge(limitBytes: limit)
        }
        switch kind {
        case .raw:
            let collected = RawCollector()
            try await stream(request, limit: limit, deadline: deadline, timeoutSeconds: timeoutSeconds) { buffer in
                collected.append(buffer)
            }
            let bytes = collected.bytes
            guard !bytes.isEmpty else { throw APIError.empty }
            let name = request.uri.queryParameters["filename"].map { String($0).removingPercentEncoding ?? String($0) }
            return Upload(bytes: bytes, name: sanitisedName(name))
        case .multipart(let boundary):
            let form = FormCollector(boundary: boundary)
            try await stream(request, limit: limit, deadline: deadline, timeoutSeconds: timeoutSeconds) { buffer in
                try form.feed(buffer)
            }
            guard let photo = form.photo else { throw form.completedParts == 0 ? APIError.badMultipart : APIError.noPhotoPart }
            guard !photo.bytes.isEmpty else { throw APIError.empty }
            return Upload(bytes: photo.bytes, name: sanitisedName(photo.filename), profile: form.profile)
        }
    }

    /// Feeds the body to `consume` chunk by chunk, counting: over `limit` bytes is a 413. The read
    /// runs in its own task, cancelled at the deadline (then a 408): a client that sends slowly or
    /// stops half-way does not hold its place for longer than the timeout.
    private static func stream(
        _ request: Request, limit: Int, deadline: ContinuousClock.Instant, timeoutSeconds: Double,
        _ consume: @escaping @Sendable (ByteBuffer) throws -> Void
    ) async throws {
        let body = request.body
        let reading = Task {
            var count = 0
            for try await chunk in body {
                if Task.isCancelled { break }
                count += chunk.readableBytes
                if count > limit { throw APIError.tooLarge(limitBytes: limit) }
                do {
                    try consume(chunk)
                } catch {
                    throw APIError.badMultipart
                }
            }
            if Task.isCancelled { throw APIError.uploadTimedOut(seconds: timeoutSeconds) }
        }
        let timer = Task {
            try await Task.sleep(until: deadline, clock: .continuous)
            reading.cancel()
        }
        defer { timer.cancel() }
        do {
            try await reading.value
        } catch let error as APIError {
            throw error
        } catch {
            if reading.isCancelled { throw APIError.uploadTimedOut(seconds: timeoutSeconds) }
            throw error
        }
    }

    /// A parameter of a header value (`boundary` of a Content-Type, `filename` of a disposition).
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The last path component of a client's file name, without control characters, at most 200
    /// characters; `photo.jpg` when nothing is left.
    static func sanitisedName(_ name: String?) -> String {
        guard let name else { return "photo.jpg" }
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(String.UnicodeScalarView(ControlCharacters.removed(from: last).unicodeScalars.prefix(200)))
        return clean.isEmpty || clean == "." || clean == ".." ? "photo.jpg" : clean
    }
}

/// The raw body as it streams in (one task appends; the handler reads it after that task ended).
final class RawCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [UInt8] = []

    func append(_ buffer: ByteBuffer) {
        lock.withLock { storage.append(contentsOf: buffer.readableBytesView) }
    }

    var bytes: [UInt8] { lock.withLock { storage } }
}

/// Collects the photo part of a multipart form as it streams through MultipartKit's parser, and
/// the short `profile` field (at most 64 bytes kept); other fields are read past without being
/// stored.
final class FormCollector: @unchecked Sendable {
    struct Part {
        var name: String?
        var filename: String?
        var bytes: [UInt8] = []
    }

    private let lock = NSLock()
    private let parser: MultipartParser
    private var current = Part()
    private var keep: Bool?
    private var found: Part?
    private var completed = 0
    private var profileField: [UInt8]?

    init(boundary: String) {
        parser = MultipartParser(boundary: boundary)
        parser.onHeader = { [unowned self] name, value in
            guard name.lowercased() == "content-disposition" else { return }
            current.name = Upload.parameter("name", in: value)
            current.filename = Upload.parameter("filename", in: value)
        }
        parser.onBody = { [unowned self] buffer in
            if current.name == "profile" && current.filename == nil {
                var field = profileField ?? []
                field.append(contentsOf: buffer.readableBytesView.prefix(max(0, 64 - field.count)))
                profileField = field
                return
            }
            if keep == nil { keep = wanted() }
            if keep == true { current.bytes.append(contentsOf: buffer.readableBytesView) }
        }
        parser.onPartComplete = { [unowned self] in
            completed += 1
            if current.name == "profile" && current.filename == nil {
                current = Part()
                keep = nil
                return
            }
            if keep ?? wanted() { found = current }
            current = Part()
            keep = nil
        }
    }

    /// The part named photo, else the first part with a file name (a named photo part later in
    /// the form still wins over an earlier file).
    private func wanted() -> Bool {
        current.name == "photo" ? found?.name != "photo" : (found == nil && current.filename != nil)
    }

    func feed(_ buffer: ByteBuffer) throws {
        try lock.withLock { try parser.execute(buffer) }
    }

    var photo: Part? { lock.withLock { found } }

    /// The `profile` field's text, trimmed; nil when absent or empty.
    var profile: String? {
        lock.withLock {
            guard let field = profileField else { return nil }
            let text = String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
    }
    var completedParts: Int { lock.withLock { completed } }
}
