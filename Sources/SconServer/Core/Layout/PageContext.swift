import SconDomain
import Vapor

/// What every page needs besides its own model: the language and its strings, who is
/// signed in, where we are (for the language switch), and the request for CSRF tokens.
struct PageContext: Sendable {
    let request: Request
    let language: Language
    let strings: Strings
    let user: SignedInUser?
    let principal: Principal
    /// Where a form looks first for the labels of its fields in error messages (before
    /// `field.`), for forms whose field names mean something else elsewhere.
    var labelPrefix: String?

    init(request: Request) {
        self.request = request
        language = request.language
        strings = request.strings
        user = request.signedInUser
        principal = request.principal
    }

    /// The current path and query without `lang`, for links that come back here.
    var returnPath: String {
        var path = request.url.path
        if var query = request.url.query, !query.isEmpty {
            query = query.split(separator: "&").filter { !$0.hasPrefix("lang=") }.joined(separator: "&")
            if !query.isEmpty { path += "?" + query }
        }
        return path
    }

    /// A hidden form field with the CSRF token.
    var csrfField: HTML {
        "<input type=\"hidden\" name=\"\(CSRFProtection.fieldName)\" value=\"\(request.csrfToken)\">"
    }

    subscript(_ key: String) -> String { strings[key] }
}
