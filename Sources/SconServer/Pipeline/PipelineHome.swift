import Fluent
import Foundation
import SconDomain

/// The pipeline's cards on a person's home: the projects of the person's organisations, and
/// for those who manage the pipeline, how many projects stand at each stage.
extension PipelineContext {
    func home(for principal: Principal, on db: any Database, now: Date, strings: Strings) async throws -> [HomeCard] {
        var cards: [HomeCard] = []
        let organisations = Array(principal.organisations)
        if !organisations.isEmpty {
            let taking = try await ProjectParticipant.query(on: db).filter(\.$organisationID ~~ organisations).all().map(\.projectID)
            let projects = taking.isEmpty ? [] : try await Project.query(on: db).filter(\.$id ~~ taking).sort(\.$code).limit(20).all()
            if !projects.isEmpty {
                cards.append(HomeCard(order: 40, title: strings["work.yourProjects"], lines: projects.map {
                    .init(text: "\($0.code) \($0.title) — \(strings["stage.\($0.stage)"])", path: ProjectURL.project(.value($0.storedID)).path)
                }))
            }
        }
        if ProjectAccess.allows(principal, .manage) {
            var lines: [HomeCard.Link] = []
            for stage in ProjectStage.allCases where stage != .dropped && stage != .completed {
                let count = try await Project.query(on: db).filter(\.$stage == stage.rawValue).count()
                if count > 0 { lines.append(.init(text: "\(strings["stage.\(stage.rawValue)"]): \(count)", path: ProjectURL.projects.path)) }
            }
            cards.append(HomeCard(order: 41, title: strings["work.pipeline"], lines: lines, empty: strings["work.noProjects"]))
        }
        return cards
    }
}
