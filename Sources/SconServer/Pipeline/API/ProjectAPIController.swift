import Fluent
import SconDomain
import Vapor

/// `/api/v1/projects`: the projects of the pipeline.
struct ProjectAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectAPI.projects, use: list)
        routes.get(ProjectAPI.project(.key), use: project)
    }

    /// The projects the caller sees, by code, `limit` at a time; filters `stage` and `country`.
    @Sendable func list(_ req: Request) async throws -> ListResponse<ProjectDTO> {
        let filter = try ProjectQuery.Filter.parse(stage: req.queryItem("stage"), country: req.queryItem("country"))
        let page = try await ProjectQuery(db: req.db).page(filter, try req.pageQuery(), for: req.principal)
        return ListResponse(items: try page.items.map(ProjectDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func project(_ req: Request) async throws -> ProjectDTO {
        try ProjectDTO(project: try await ProjectStore(db: req.db).find(try req.uuid(), by: req.principal))
    }
}
