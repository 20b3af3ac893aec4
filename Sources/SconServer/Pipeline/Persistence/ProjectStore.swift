import Fluent
import Foundation
import SconDomain
import Vapor

/// Reads projects, showing each only to whom `ProjectAccess` lets see it.
struct ProjectStore: Sendable {
    let db: any Database

    /// A project with the facts its access was decided on.
    struct Visible: Sendable {
        var project: Project
        var facts: ProjectAccessFacts
    }

    func find(_ id: UUID, by principal: Principal) async throws -> Project {
        try await findVisible(id, by: principal).project
    }

    /// The project and its facts if the principal may see it; "not found" otherwise.
    func findVisible(_ id: UUID, by principal: Principal) async throws -> Visible {
        guard let project = try await Project.find(id, on: db) else { throw DomainError.notFound("project") }
        let call = try await project.callID.asyncFlatMap { try await Call.find($0, on: db) }
        let participants = try await ProjectParticipant.query(on: db).filter(\.$projectID == id).all()
        let facts = try Self.facts(project, call: call, participants: participants, centre: try await CentreLeadLinks.centre(of: id, on: db))
        guard ProjectAccess.allows(principal, .see(facts)) else { throw DomainError.notFound("project") }
        return Visible(project: project, facts: facts)
    }

    static func facts(_ project: Project, call: Call?, participants: [ProjectParticipant], centre: UUID? = nil) throws -> ProjectAccessFacts {
        ProjectAccessFacts(callID: project.callID, callState: try call?.callState, stage: try project.projectStage,
                           participants: try participants.map { row in
                               ProjectAccessFacts.Participation(organisation: row.organisationID, role: try ProjectParticipant.known(row.role, "role"))
                           }, centre: centre)
    }
}
