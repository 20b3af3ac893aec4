import Fluent
import SconDomain
import Vapor

/// `/api/v1/projects`: the projects of the pipeline (so far: those the open call's decisions made).
struct ProjectAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(ProjectAPI.projects, use: list)
        routes.get(ProjectAPI.project(.key), use: project)
    }

    @Sendable func list(_ req: Request) async throws -> ListResponse<ProjectDTO> {
        ListResponse(items: try await ProjectStore(db: req.db).visible(to: req.principal).map(ProjectDTO.init), nextCursor: nil)
    }

    @Sendable func project(_ req: Request) async throws -> ProjectDTO {
        try ProjectDTO(project: try await ProjectStore(db: req.db).find(try req.uuid(), by: req.principal))
    }
}
