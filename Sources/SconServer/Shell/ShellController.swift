import Fluent
import SconDomain
import Vapor

/// The language switch and the assets (the home page is the Portal's).
struct ShellController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ShellURL.language(.key), use: switchLanguage)
        routes.get(ShellURL.stylesheet, use: stylesheet)
        routes.signedIn.get(ShellURL.home, use: home)
    }

    /// The person's home: what is due first, then each context's cards for the roles they hold.
    @Sendable func home(_ req: Request) async throws -> HTML {
        let now = req.now
        let due = try await DueStore(db: req.db).due(for: req.principal, now: now)
        var cards: [HomeCard] = []
        for context in SconContexts.all {
            cards += try await context.home(for: req.principal, on: req.db, now: now, strings: req.strings)
        }
        return YourWorkPage.render(PageContext(request: req), due: due, cards: cards.sorted { $0.order < $1.order })
    }

    /// Remembers the chosen language in a cookie and goes back to the page it came from.
    @Sendable func switchLanguage(_ req: Request) async throws -> Response {
        guard let language = Language(rawValue: req.parameter(.code)) else { throw DomainError.notFound("language") }
        let response = req.redirect(to: LocalPath.sanitise(req.queryItem("next")), redirectType: .normal)
        response.cookies[Request.languageCookie] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 86_400, path: "/",
            isSecure: req.application.sconConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
        if let user = req.signedInUser, let model = try await User.find(user.id, on: req.db), model.language != language.rawValue {
            model.language = language.rawValue
            try await model.update(on: req.db)
        }
        return response
    }

    @Sendable func stylesheet(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        headers.replaceOrAdd(name: .eTag, value: Assets.stylesheetETag)
        if req.headers.first(name: .ifNoneMatch) == Assets.stylesheetETag { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(string: Assets.stylesheet))
    }
}

/// The static assets, served by the app itself (no CDN), read once from the bundle.
enum Assets {
    static let stylesheet: String = {
        guard let url = Bundle.module.url(forResource: "kscon", withExtension: "css", subdirectory: "Resources/Public"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }()

    static let stylesheetETag: String = "\"" + SecureToken.hash(stylesheet).prefix(16) + "\""
}
