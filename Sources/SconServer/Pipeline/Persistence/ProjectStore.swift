import Fluent
import Foundation
import SconDomain
import Vapor

/// Reads projects. A project of the open call is public once its call's results are
/// published; before that only the call's managers see it. A lead is seen by officers, the
/// centres and the organisations taking part in it.
struct ProjectStore: Sendable {
    let db: any Database

    func visible(to principal: Principal) async throws -> [Project] {
        let projects = try await Project.query(on: db).sort(\.$code).all()
        let calls = try await Call.query(on: db).filter(\.$id ~~ projects.compactMap(\.callID)).all()
        let byID = Dictionary(calls.compactMap { call in call.id.map { ($0, call) } }, uniquingKeysWith: { first, _ in first })
        let mine = try await participating(principal)
        return projects.filter { project in
            Self.maySee(project, project.callID.flatMap { byID[$0] }, principal) || (project.callID == nil && project.id.map(mine.contains) == true)
        }
    }

    func find(_ id: UUID, by principal: Principal) async throws -> Project {
        guard let project = try await Project.find(id, on: db) else { throw DomainError.notFound("project") }
        let call = try await project.callID.asyncFlatMap { try await Call.find($0, on: db) }
        if Self.maySee(project, call, principal) { return project }
        // A lead's participants see it; a project of the open call waits for the published results, for everyone.
        guard project.callID == nil, try await participating(principal).contains(id) else { throw DomainError.notFound("project") }
        return project
    }

    /// The projects in which one of the principal's organisations takes part (they see a lead
    /// at every stage; the open call's projects only once its results are published).
    private func participating(_ principal: Principal) async throws -> Set<UUID> {
        let organisations = principal.organisationIDs.compactMap(UUID.init(uuidString:))
        guard !organisations.isEmpty else { return [] }
        return Set(try await ProjectParticipant.query(on: db).filter(\.$organisationID ~~ organisations).all().map(\.projectID))
    }

    /// Fund managers see every project (they book its money). A project of the open call is
    /// public once its call is published; one found elsewhere is public once it is past the
    /// lead stage (a lead is for officers and the centres until it is taken up).
    static func maySee(_ project: Project, _ call: Call?, _ principal: Principal) -> Bool {
        if principal.mayBookMoney { return true }
        guard let call, let callID = call.id else {
            return project.projectStage != .lead || principal.mayCreateCalls || principal.grants.contains { $0.role == .centreStaff }
        }
        return call.callState == .published || principal.mayManageCall(callID)
    }
}
