import Crypto
import Vapor

/// Cross-site request forgery protection by the double-submit cookie pattern: a random
/// token lives in the `scon_csrf` cookie (SameSite=Strict) and every form repeats it in the
/// `_csrf` field (scripts: the `X-CSRF-Token` header). A write that comes with cookies but
/// without the matching token is refused. Requests authenticated by an API token carry no
/// ambient credentials and need no CSRF token.
struct CSRFProtection: AsyncMiddleware {
    static let cookieName = "scon_csrf"
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.needsCheck(request) {
            let expected = request.cookies[Self.cookieName]?.string ?? ""
            let sent = try await Self.sentToken(request)
            guard !expected.isEmpty, let sent, Self.constantTimeEqual(expected, sent) else {
                throw Abort(.forbidden, reason: "The form has expired or did not come from this site (CSRF token missing or wrong). Reload the page and try again.")
            }
        }
        let response = try await next.respond(to: request)
        if let issued = request.storage[IssuedToken.self] {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: issued, expires: nil, maxAge: nil, domain: nil, path: "/",
                isSecure: secureCookies, isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }

    /// Unsafe requests need the token when a cookie could authenticate them, and forms always
    /// (so that nobody is signed in to an attacker's account by a forged sign-in form).
    /// A bearer token cannot be sent by another site, so such requests need none.
    static func needsCheck(_ request: Request) -> Bool {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return false }
        if request.headers.bearerAuthorization != nil { return false }
        if request.cookies[SessionCookie.name] != nil { return true }
        guard let type = request.headers.contentType else { return false }
        return type == .urlEncodedForm || type.type == "multipart"
    }

    static func sentToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: headerName) { return header }
        guard let type = request.headers.contentType,
              type == .urlEncodedForm || type.type == "multipart" else { return nil }
        if request.body.data == nil, request.body.string == nil {
            _ = try await request.body.collect(max: request.maxBodyBytes(default: request.application.routes.defaultMaxBodySize.value)).get()
        }
        return try? request.content.get(String.self, at: fieldName)
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    struct IssuedToken: StorageKey { typealias Value = String }
}

extension Request {
    /// The CSRF token for forms on this page; issues one (and its cookie) when there is none yet.
    var csrfToken: String {
        if let existing = cookies[CSRFProtection.cookieName]?.string, !existing.isEmpty { return existing }
        if let issued = storage[CSRFProtection.IssuedToken.self] { return issued }
        let token = SecureToken.random()
        storage[CSRFProtection.IssuedToken.self] = token
        return token
    }
}

/// Random tokens and their at-rest hashes.
enum SecureToken {
    /// 32 random bytes, base64url without padding (43 characters).
    static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 as lowercase hex: what the database keeps of a session or API token.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
