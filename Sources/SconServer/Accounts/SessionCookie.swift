import Vapor

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
