import SconDomain
import Vapor

/// Turns every error into an answer: `application/problem+json` for the API and for clients
/// that ask for JSON, a localized HTML page for people, a redirect to sign-in when a page
/// needs a signed-in user.
struct ErrorPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return render(error, for: request)
        }
    }

    func render(_ error: any Error, for request: Request) -> Response {
        let mapped = ProblemMapping.map(error, path: request.url.path)
        if mapped.status.code >= 500 {
            request.logger.report(error: error)
        }
        if request.wantsProblemJSON {
            var headers = mapped.headers
            headers.contentType = Problem.mediaType
            let body = (try? JSONEncoder().encode(mapped.problem)) ?? Data()
            return Response(status: mapped.status, headers: headers, body: .init(data: body))
        }
        if mapped.status == .unauthorized {
            let next = request.url.string
            return request.redirect(to: AccountURL.signIn.path + "?next=" + PercentEncoding.queryValue(next))
        }
        let page = ErrorPage(status: mapped.status, problem: mapped.problem)
        var headers = mapped.headers
        headers.contentType = .html
        let context = PageContext(request: request)
        return Response(status: mapped.status, headers: headers, body: .init(string: page.render(context).text))
    }
}

extension Request {
    /// API paths and clients that accept JSON but not HTML get problem+json.
    var wantsProblemJSON: Bool {
        if url.path.hasPrefix(APIRoot.path) || url.path == "/healthz" || url.path == "/openapi.json" { return true }
        let accept = headers[.accept].joined(separator: ",")
        return (accept.contains("json")) && !accept.contains("text/html")
    }
}
