import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PhotoCheckCore

/// `POST /api/fix`: the photo fixed as the `fix` command fixes it (orientation applied, cropped to
/// the profile's aspect around the face, resampled, re-encoded; nothing it shows is changed), in
/// memory, with the re-check of the result.
///
/// The answer is JSON (the page's, and the default):
/// `{"file_name": "NAME.fixed.jpg", "fixed_photo": "<base64 JPEG>" | null,
///   "refusal": {"en","zh"} | null, "retake": {"en","zh"} | null, "report": <check document>}`
/// where `report` is the document `check --format json` writes for the fixed photo (for a refusal:
/// for the upload, its blocking finding saying why). 200 whether fixed or refused; 422 when the
/// upload is not a readable JPEG. With `?format=jpeg` a fixed photo comes as the JPEG itself
/// (`Content-Disposition: attachment`, the re-check's verdict in `X-Photocheck-Verdict`), a
/// refusal as the JSON above with 422.
extension PhotoServer {
    struct FixAnswer: Sendable {
        var json: String
        var jpeg: [UInt8]?
        var fileName: String
        var verdict: Verdict
        var unreadable: Bool
    }

    func fix(_ request: Request, context: some RequestContext) async -> Response {
        let asJPEG = request.uri.queryParameters["format"] == "jpeg"
        return await handleUpload(request, context: context, kind: "fix") { upload, profile, worker in
            Self.fixDocument(upload, fixer: worker.fixer(for: profile), profile: profile)
        } respond: { answer in
            if asJPEG, let jpeg = answer.jpeg {
                var headers: HTTPFields = [.contentType: "image/jpeg"]
                headers[HTTPField.Name("Content-Disposition")!] = Self.attachment(answer.fileName)
                headers[HTTPField.Name("X-Photocheck-Verdict")!] = answer.verdict.rawValue
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: jpeg)))
            }
            let status: HTTPResponse.Status = answer.unreadable || (asJPEG && answer.jpeg == nil) ? .unprocessableContent : .ok
            return Self.json(answer.json, status: status)
        } verdict: {
            $0.verdict.rawValue
        }
    }

    static func fixDocument(_ upload: Upload, fixer: PhotoFixer, profile: Profile) -> FixAnswer {
        let outcome = fixer.fix(path: upload.name, bytes: upload.bytes)
        let fileName = (PhotoFixer.defaultOutputPath(for: upload.name) as NSString).lastPathComponent
        let document = JSONReporter().render([outcome.report], ReportContext(language: .en, profile: profile))
        var json = "{\"file_name\":" + JSONText.string(fileName)
        json += ",\"fixed_photo\":" + (outcome.fixedBytes.map { "\"" + Data($0).base64EncodedString() + "\"" } ?? "null")
        json += ",\"refusal\":" + (outcome.refusal.map { Self.localized($0.reason) } ?? "null")
        json += ",\"report\":" + document.trimmingCharacters(in: .newlines)
        json += ",\"retake\":" + (outcome.report.fix?.retakeAdvice.map(Self.localized) ?? "null") + "}\n"
        return FixAnswer(
            json: json, jpeg: outcome.fixedBytes, fileName: fileName, verdict: outcome.report.verdict,
            unreadable: outcome.fixedBytes == nil && outcome.refusal?.check == "file.jpeg")
    }

    static func localized(_ text: Localized) -> String {
        "{\"en\":" + JSONText.string(text.en) + ",\"zh\":" + JSONText.string(text.zh) + "}"
    }

    /// `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266).
    static func attachment(_ name: String) -> String {
        let ascii = String(
            name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && !ControlCharacters.contains($0) ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
