import Fluent
import Foundation
import SconDomain

/// What the stage gates and the readiness check read of one project, loaded once (versions
/// without their files): the dossier shows it, a stage move decides on it.
struct PipelineRecords: Sendable {
    var project: Project
    var participants: [ProjectParticipant]
    var deliverables: [Deliverable]
    var versions: [DeliverableVersion]
    var milestones: [Milestone]
    var tender: Tender?
    var indicators: [Indicator]
    var justifications: [ReadinessJustification]
    var finance: ProjectFinance

    static func load(_ project: Project, on db: any Database) async throws -> PipelineRecords {
        let id = try project.requireID()
        let deliverables = try await Deliverable.query(on: db).filter(\.$projectID == id).sort(\.$createdAt).all()
        return PipelineRecords(
            project: project,
            participants: try await ProjectParticipant.query(on: db).filter(\.$projectID == id).all(),
            deliverables: deliverables,
            versions: try await versions(of: deliverables.compactMap(\.id), on: db),
            milestones: try await Milestone.query(on: db).filter(\.$projectID == id).sort(\.$planned).all(),
            tender: try await Tender.query(on: db).filter(\.$projectID == id).first(),
            indicators: try await Indicator.query(on: db).filter(\.$projectID == id).all(),
            justifications: try await ReadinessJustification.query(on: db).filter(\.$projectID == id).all(),
            finance: try await ProjectFinance.of(project, on: db))
    }

    /// The versions of these deliverables in order, every column but the file.
    static func versions(of deliverables: [UUID], on db: any Database) async throws -> [DeliverableVersion] {
        guard !deliverables.isEmpty else { return [] }
        return try await DeliverableVersion.query(on: db).filter(\.$deliverableID ~~ deliverables)
            .field(\.$id).field(\.$deliverableID).field(\.$number).field(\.$note).field(\.$submittedBy).field(\.$submittedAt)
            .field(\.$approvedBy).field(\.$approvedAt).field(\.$filename).field(\.$mediaType).field(\.$size).field(\.$sha256)
            .sort(\.$number).all()
    }

    /// Every readiness flag that applies now, justified or not.
    func flags(today: CalendarDay) throws -> [ReadinessFlag] {
        let milestones = milestones.compactMap { row in
            CalendarDay(row.planned).map { ReadinessInput.Milestone(planned: $0, actual: row.actual.flatMap { CalendarDay($0) }) }
        }
        return Readiness.flags(ReadinessInput(stage: try project.projectStage, roles: try participants.map { try ProjectParticipant.known($0.role, "role") },
                                              description: project.description, sectors: try project.sectorList,
                                              milestones: milestones, indicators: indicators.count, today: today))
    }

    func justification(of flag: ReadinessFlag) -> ReadinessJustification? { justifications.first { $0.flag == flag.rawValue } }

    func facts(today: CalendarDay) throws -> ProjectFacts {
        let approved = ProjectFacts.approvedKinds(try deliverables.map { deliverable in
            (try Deliverable.known(deliverable.kind, "kind"),
             versions.filter { $0.deliverableID == deliverable.id }.map { (number: $0.number, approved: $0.approvedAt != nil) })
        })
        return ProjectFacts(tenderAwarded: tender?.awardedBidID != nil, approved: approved,
                            openFlags: try flags(today: today).filter { justification(of: $0) == nil },
                            committedKRW: finance.committed, milestones: milestones.count, openMilestones: milestones.filter { $0.actual == nil }.count)
    }
}
