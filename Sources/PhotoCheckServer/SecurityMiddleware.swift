import HTTPTypes
import Hummingbird

/// Headers on every answer, and every refusal as the bilingual error body: Hummingbird's own
/// 404/405 included.
///
/// The page loads only its own script and style (no inline script, so an injected `<script>`
/// does nothing); pictures come from the API as data: URLs and downloads as blob: URLs. No CORS
/// header is ever sent, so other sites' pages cannot read the answers.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = error.response
        } catch let error as HTTPResponseError {
            switch error.status {
            case .notFound: response = APIError.notFound.response
            case .methodNotAllowed: response = APIError.methodNotAllowed.response
            default: throw error
            }
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
