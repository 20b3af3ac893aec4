import SconDomain
import Vapor

extension Request {
    static let languageCookie = "scon_lang"

    /// The language of this request: `?lang=` first, then the remembered choice (cookie),
    /// then the browser's `Accept-Language`.
    var language: Language {
        if let cached = storage[LanguageKey.self] { return cached }
        let chosen: Language
        if let query = queryItem("lang"), let language = Language(rawValue: query) {
            chosen = language
        } else if let cookie = cookies[Self.languageCookie]?.string, let language = Language(rawValue: cookie) {
            chosen = language
        } else {
            chosen = Language.negotiate(acceptLanguage: headers.first(name: .acceptLanguage))
        }
        storage[LanguageKey.self] = chosen
        return chosen
    }

    var strings: Strings { Strings.of(language) }

    private struct LanguageKey: StorageKey { typealias Value = Language }
}

/// A local path that is safe to redirect to (no scheme, no host: no open redirect).
///
/// Browsers drop tabs and line breaks from a URL and read `\` as `/`, so `/\t/evil.example` or
/// `/\\evil.example` would reach another host: a path with any control or space character is
/// refused, and so is one that starts with two slashes once backslashes are read as slashes.
enum LocalPath {
    static func sanitise(_ candidate: String?, fallback: String = "/") -> String {
        guard let candidate, candidate.utf8.count <= 1000, candidate.hasPrefix("/"),
              !candidate.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.properties.isWhitespace
                                                          || $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
        else { return fallback }
        let slashes = candidate.replacingOccurrences(of: "\\", with: "/")
        guard !slashes.hasPrefix("//") else { return fallback }
        return candidate
    }
}

extension Request {
    /// The client's address: the peer's, or, when the peer is a trusted proxy
    /// (`SCON_TRUSTED_PROXIES`), the last address in `X-Forwarded-For` that is not a trusted
    /// proxy (earlier entries can be written by the client itself).
    var clientAddress: String {
        let peer = remoteAddress?.ipAddress ?? "unknown"
        let proxies = application.sconConfig.trustedProxies
        guard proxies.contains(peer) else { return peer }
        let hops = headers[.xForwardedFor].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !proxies.contains($0) } ?? peer
    }
}
