import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A request the server refuses, with its reason in Chinese and English. The body is
/// `{"error":{"code":…,"en":…,"zh":…}}`; `code` is stable for scripts.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var zh: String
    public var en: String
    /// Seconds for the Retry-After header (503), else nil.
    public var retryAfter: Int?
    /// The profiles a request may name, listed in the body's `profiles` (unknown_profile only).
    public var profiles: [String]?

    public init(_ status: HTTPResponse.Status, _ code: String, zh: String, en: String, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.zh = zh
        self.en = en
        self.retryAfter = retryAfter
    }

    static func tooLarge(limitBytes: Int) -> APIError {
        let mb = Self.megabytes(limitBytes)
        return APIError(
            .contentTooLarge, "too_large", zh: "上传的内容超过 \(mb) MB,证件照通常小于 100 KB:请上传原始的 JPEG 照片。",
            en: "the upload is larger than \(mb) MB; an ID photo is usually under 100 KB: upload the JPEG photo itself.")
    }

    static let empty = APIError(.badRequest, "empty", zh: "没有收到照片:请求内容为空。", en: "no photo received: the request body is empty.")

    static let noPhotoPart = APIError(
        .badRequest, "no_photo", zh: "表单里没有照片:请用名为 photo 的文件字段上传一张照片。",
        en: "the form has no photo: upload one file in a field named photo.")

    static let badMultipart = APIError(
        .badRequest, "bad_form", zh: "表单内容不完整或格式错误,无法读出照片:请重新上传。",
        en: "the form data is cut short or malformed, so no photo could be read from it: upload it again.")

    static func unsupportedType(_ type: String) -> APIError {
        APIError(
            .unsupportedMediaType, "unsupported_type",
            zh: "不支持的内容类型 \(type):请以 image/jpeg 直接上传照片,或用 multipart/form-data 表单上传。",
            en: "unsupported content type \(type): send the photo as image/jpeg, or in a multipart/form-data form.")
    }

    static func busy(retryAfter: Int) -> APIError {
        APIError(
            .serviceUnavailable, "busy", zh: "服务器正忙(同时检查的照片已满),请 \(retryAfter) 秒后重试。",
            en: "the server is busy (as many photos as it checks at once are in progress); try again in \(retryAfter) s.",
            retryAfter: retryAfter)
    }

    static func checkTimedOut(seconds: Double, retryAfter: Int) -> APIError {
        APIError(
            .serviceUnavailable, "timeout", zh: "检查超过了 \(Self.seconds(seconds)) 秒仍未完成,服务器可能正忙:请稍后重试。",
            en: "the check took longer than \(Self.seconds(seconds)) s; the server may be busy: try again later.", retryAfter: retryAfter)
    }

    static func uploadTimedOut(seconds: Double) -> APIError {
        APIError(
            .requestTimeout, "upload_timeout", zh: "上传超过了 \(Self.seconds(seconds)) 秒仍未完成:请检查网络后重试。",
            en: "the upload did not finish within \(Self.seconds(seconds)) s: check the connection and try again.")
    }

    static func unknownProfile(_ name: String, known: [String]) -> APIError {
        var error = APIError(
            .badRequest, "unknown_profile", zh: "没有名为 \(name) 的规范;可选:\(known.joined(separator: "、"))。",
            en: "there is no profile named '\(name)'; the profiles are: \(known.joined(separator: ", ")).")
        error.profiles = known
        return error
    }

    static let notFound = APIError(.notFound, "not_found", zh: "没有这个页面。", en: "there is no such page.")

    static let methodNotAllowed = APIError(
        .methodNotAllowed, "method_not_allowed", zh: "这个地址不接受这种请求方法。", en: "this address does not accept that method.")

    static func megabytes(_ bytes: Int) -> String {
        let mb = Double(bytes) / 1_048_576
        return mb == mb.rounded() ? String(Int(mb)) : String(format: "%.1f", mb)
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s)
    }

    /// The error as a response (JSON body, Retry-After when set).
    public var response: Response {
        var json = "{\"error\":{\"code\":" + JSONText.string(code) + ",\"en\":" + JSONText.string(en)
        if let profiles { json += ",\"profiles\":[" + profiles.map(JSONText.string).joined(separator: ",") + "]" }
        json += ",\"zh\":" + JSONText.string(zh) + "}}\n"
        json.makeContiguousUTF8()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

/// Minimal JSON string escaping for the few strings the server writes itself.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
