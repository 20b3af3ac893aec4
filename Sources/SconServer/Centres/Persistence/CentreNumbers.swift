import Fluent
import Foundation
import SconDomain
import Vapor

/// A centre's numbers for its staff: its leads by pipeline stage, the meetings held at its
/// events, and the agreements linked to its events or to the projects of its leads (read from
/// the Agreements context's `agreement_links`, each agreement counted once).
struct CentreNumbers: JSONWritable, Sendable {
    var leadsByStage: [(stage: ProjectStage, count: Int)]
    var meetingsHeld: Int
    var agreements: Int

    var leads: Int { leadsByStage.reduce(0) { $0 + $1.count } }

    static func of(_ centre: UUID, on db: any Database) async throws -> CentreNumbers {
        let projectIDs = try await CentreLead.query(on: db).filter(\.$centreID == centre).all(\.$projectID)
        let eventIDs = try await CentreEvent.query(on: db).filter(\.$centreID == centre).all(\.$id)
        var stages: [ProjectStage: Int] = [:]
        if !projectIDs.isEmpty {
            for project in try await Project.query(on: db).filter(\.$id ~~ projectIDs).all() { stages[try project.projectStage, default: 0] += 1 }
        }
        let held = eventIDs.isEmpty ? 0 : try await MeetingRequestRecord.query(on: db).filter(\.$eventID ~~ eventIDs)
            .filter(\.$outcome == MeetingOutcome.held.rawValue).count()
        return CentreNumbers(leadsByStage: ProjectStage.allCases.compactMap { stage in stages[stage].map { (stage, $0) } },
                             meetingsHeld: held, agreements: try await agreements(events: eventIDs, projects: projectIDs, on: db))
    }

    /// The distinct agreements linked to these events or projects.
    static func agreements(events: [UUID], projects: [UUID], on db: any Database) async throws -> Int {
        guard !events.isEmpty || !projects.isEmpty else { return 0 }
        let rows = try await AgreementLink.query(on: db).group(.or) { or in
            if !events.isEmpty { or.group(.and) { $0.filter(\.$kind == AgreementLinkKind.event.rawValue).filter(\.$targetID ~~ events) } }
            if !projects.isEmpty { or.group(.and) { $0.filter(\.$kind == AgreementLinkKind.project.rawValue).filter(\.$targetID ~~ projects) } }
        }.all(\.$agreementID)
        return Set(rows).count
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("leads", leads)
            $0.key("leadsByStage")
            $0.array(leadsByStage) { item, entry in
                item.object {
                    $0.field("stage", entry.stage.rawValue)
                    $0.field("count", entry.count)
                }
            }
            $0.field("meetingsHeld", meetingsHeld)
            $0.field("agreements", agreements)
        }
    }
}
