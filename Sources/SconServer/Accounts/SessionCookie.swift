import Vapor
import SconDomain

/// The sign-in cookie: HttpOnly, SameSite=Lax, Secure when configured.
enum SessionCookie {
    static let name = "scon_session"

    /// `__Host-` when cookies are secure: a browser then takes the cookie only from this host,
    /// over HTTPS, for the whole site, so no other host (a sibling subdomain) can plant one.
    static func name(secure: Bool) -> String { secure ? "__Host-" + name : name }

    static func value(token: String, days: Int, secure: Bool, now: Date) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, expires: now.addingTimeInterval(Double(days) * 86_400), maxAge: days * 86_400,
                          domain: nil, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
                          isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

extension Response {
    /// Puts a session token in the sign-in cookie (for `sessionDays`, or ten minutes for a
    /// session that waits for its code).
    func setSessionCookie(_ token: String, pending: Bool = false, for request: Request) {
        let config = request.application.sconConfig
        var cookie = SessionCookie.value(token: token, days: config.sessionDays, secure: config.secureCookies, now: request.now)
        if pending {
            cookie.maxAge = Int(SecondFactorPolicy.pendingLifetime)
            cookie.expires = request.now.addingTimeInterval(SecondFactorPolicy.pendingLifetime)
        }
        cookies[request.sessionCookieName] = cookie
    }
}
