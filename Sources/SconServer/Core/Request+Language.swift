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
enum LocalPath {
    static func sanitise(_ candidate: String?, fallback: String = "/") -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
              !candidate.contains("\r"), !candidate.contains("\n"), candidate.count <= 1000 else { return fallback }
        return candidate
    }
}
