import SconDomain
import Vapor

/// The open-data exports of the API: `OpenDataAPI`.
struct OpenDataAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(OpenDataAPI.iati, use: iati)
    }

    /// The public projects as IATI 2.03 activities; 404 while there is none to publish.
    @Sendable func iati(_ req: Request) async throws -> Response {
        guard let document = try await IATIExport(db: req.db).document(now: req.now) else {
            throw Abort(.notFound, reason: "No project is public yet, so there is nothing to publish.")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: document))
    }
}
