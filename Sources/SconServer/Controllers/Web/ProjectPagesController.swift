import Fluent
import SconDomain
import Vapor

/// The pages of projects.
struct ProjectPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.projects, use: list)
        routes.get(.project(.key), use: show)
    }

    @Sendable func list(_ req: Request) async throws -> HTML {
        let projects = try await ProjectStore(db: req.db).visible(to: req.principal)
        let places = try await Self.places(req, projects)
        return ProjectListPage.render(PageContext(request: req), projects.map { ProjectListPage.Row(project: $0, place: places[$0.cityID] ?? $0.countryCode) })
    }

    @Sendable func show(_ req: Request) async throws -> HTML {
        let project = try await ProjectStore(db: req.db).find(try req.uuidParameter(), by: req.principal)
        let places = try await Self.places(req, [project])
        let organisation = try await Organisation.find(project.organisationID, on: req.db)
        let call = try await project.callID.asyncFlatMap { try await Call.find($0, on: req.db) }
        return ProjectShowPage.render(PageContext(request: req), project: project, place: places[project.cityID] ?? project.countryCode,
                                      organisation: organisation.map { $0.name.text(in: req.language) } ?? "",
                                      callTitle: try call?.terms().title.text(in: req.language))
    }

    /// "City, country" per city, in the page's language.
    static func places(_ req: Request, _ projects: [Project]) async throws -> [UUID: String] {
        let countries = try await req.application.countryNames.all(on: req.db)
        let cities = try await City.query(on: req.db).filter(\.$id ~~ projects.map(\.cityID)).all()
        return Dictionary(cities.compactMap { city in
            city.id.map { ($0, "\(city.name.text(in: req.language)), \(countries.name(of: city.countryCode, in: req.language))") }
        }, uniquingKeysWith: { first, _ in first })
    }
}
