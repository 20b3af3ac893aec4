import SconDomain
import Vapor

/// The one search box: `GET /api/v1/search` and the `/search` page. The index holds only what
/// anyone may see, so a hit never shows a draft or a private record.
struct SearchController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SearchAPI.search, use: api)
        routes.get(SearchURL.search, use: page)
    }

    @Sendable func api(_ req: Request) async throws -> ListResponse<SearchHitDTO> {
        let query = try SearchService.parse(req)
        let (hits, next) = try await SearchService(rows: req.rows).run(query)
        return ListResponse(items: hits.map(SearchHitDTO.init), nextCursor: next)
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let context = PageContext(request: req)
        do {
            let query = try SearchService.parse(req, languageParameter: "language")
            let (hits, next) = try await SearchService(rows: req.rows).run(query)
            return try await SearchPage.render(context, .init(query: query, hits: hits, nextCursor: next, issues: [])).encodeResponse(for: req)
        } catch DomainError.badParameter(let issues) {
            let query = SearchService.Query(text: String((req.queryItem("q") ?? "").prefix(SearchService.maximumQueryCharacters)), limit: 10, offset: 0)
            return try await SearchPage.render(context, .init(query: query, hits: [], nextCursor: nil, issues: issues))
                .encodeResponse(status: .badRequest, for: req)
        }
    }
}
