import Crypto
import Vapor

/// Cross-site request forgery protection with tokens derived from the session: every form
/// carries `_csrf` (scripts: the `X-CSRF-Token` header), an HMAC-SHA256 under the server's
/// secret of the session cookie's token when signed in, or else of a random visitor value in
/// the `scon_csrf` cookie (SameSite=Strict). A cookie planted by someone else does not help:
/// the form value cannot be made without the secret, and for a signed-in user it is tied to
/// that user's session. With secure cookies both names take the `__Host-` prefix. A write that
/// comes with cookies but without the matching token is refused. Requests authenticated by an
/// API token carry no ambient credentials and need no CSRF token.
struct CSRFProtection: AsyncMiddleware {
    static let cookieName = "scon_csrf"

    static func cookieName(secure: Bool) -> String { secure ? "__Host-" + cookieName : cookieName }
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    let secureCookies: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if Self.needsCheck(request) {
            let expected = Self.expectedToken(request) ?? ""
            let sent = try await Self.sentToken(request)
            guard !expected.isEmpty, let sent, Self.constantTimeEqual(expected, sent) else {
                throw Abort(.forbidden, reason: "The form has expired or did not come from this site (CSRF token missing or wrong). Reload the page and try again.")
            }
        }
        let response = try await next.respond(to: request)
        if let issued = request.storage[IssuedToken.self] {
            response.cookies[request.csrfCookieName] = HTTPCookies.Value(
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
        if request.cookies[request.sessionCookieName] != nil { return true }
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

    /// The visitor value issued with this answer (its cookie is set on the way out).
    struct IssuedToken: StorageKey { typealias Value = String }

    /// What the form must carry for this request's cookies: bound to the session when there is
    /// one, else to the visitor value; nil when there is neither.
    static func expectedToken(_ request: Request) -> String? {
        let key = request.application.csrfKey
        if let session = request.cookies[request.sessionCookieName]?.string, !session.isEmpty {
            return token(key, binding: "session|" + session)
        }
        if let visitor = request.cookies[request.csrfCookieName]?.string, !visitor.isEmpty {
            return token(key, binding: "visitor|" + visitor)
        }
        return nil
    }

    static func token(_ key: SymmetricKey, binding: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(binding.utf8), using: key)
        return SecureToken.base64url(Data(code))
    }
}

extension Request {
    var sessionCookieName: String { SessionCookie.name(secure: application.sconConfig.secureCookies) }
    var csrfCookieName: String { CSRFProtection.cookieName(secure: application.sconConfig.secureCookies) }

    /// The CSRF token for forms on this page; issues a visitor value (and its cookie) when the
    /// request has neither a session nor a visitor value yet.
    var csrfToken: String {
        if let expected = CSRFProtection.expectedToken(self) { return expected }
        let visitor = storage[CSRFProtection.IssuedToken.self] ?? SecureToken.random()
        storage[CSRFProtection.IssuedToken.self] = visitor
        return CSRFProtection.token(application.csrfKey, binding: "visitor|" + visitor)
    }
}

extension Application {
    private struct CSRFKey: StorageKey { typealias Value = Data }

    /// The HMAC key of the CSRF tokens (set by `configure`, before the first request).
    var csrfKey: SymmetricKey { SymmetricKey(data: storage[CSRFKey.self]!) }

    /// From `SCON_SECRET`, or drawn once per process.
    func prepareCSRFKey() {
        storage[CSRFKey.self] = sconConfig.secret.map { Data(SHA256.hash(data: Data($0.utf8))) }
            ?? SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }
}

/// Random tokens and their at-rest hashes.
enum SecureToken {
    /// 32 random bytes, base64url without padding (43 characters).
    static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return base64url(Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    /// Base64url without padding (RFC 4648 §5).
    static func base64url(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 as lowercase hex: what the database keeps of a session or API token.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
