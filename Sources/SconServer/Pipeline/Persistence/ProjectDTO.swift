import Foundation
import SconDomain
import Vapor

/// A project as the API reads it.
struct ProjectDTO: JSONWritable {
    let project: Project
    let sectors: [Sector]

    init(project: Project) throws {
        self.init(project: project, sectors: try project.sectorList)
    }

    init(project: Project, sectors: [Sector]) {
        self.project = project
        self.sectors = sectors
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", project.storedID)
            $0.field("code", project.code)
            $0.field("stage", project.stage)
            $0.field("title", project.title)
            $0.field("supportType", project.supportType)
            $0.field("country", project.countryCode)
            $0.field("cityId", project.cityID)
            $0.field("organisationId", project.organisationID)
            $0.field("proposalId", project.proposalID.map(UUIDText.string))
            $0.field("callId", project.callID.map(UUIDText.string))
            $0.field("sectors", sectors.map(\.rawValue))
            $0.field("description", project.description)
            $0.field("sample", project.sample)
            $0.field("createdAt", project.createdAt.map(AuditChain.timestamp))
        }
    }
}
