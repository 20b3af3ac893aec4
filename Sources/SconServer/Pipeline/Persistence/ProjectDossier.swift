import Fluent
import Foundation
import SconDomain
import Vapor

/// Everything about one project that its reader may see: participants, deliverables (the
/// non-public ones only for participants, officers and fund managers), milestones, the tender
/// (bids for officers), indicators, readiness flags, the gate of each move, and a timeline.
struct ProjectDossier: Sendable {
    struct DeliverableLine: Sendable { var deliverable: Deliverable; var versions: [DeliverableVersion] }
    struct IndicatorLine: Sendable { var indicator: Indicator; var periods: [IndicatorPeriod] }
    struct Flag: Sendable { var flag: ReadinessFlag; var justification: ReadinessJustification? }
    struct Move: Sendable { var to: ProjectStage; var refusal: StageRefusal? }
    struct Event: Sendable { var day: String; var kind: String; var text: String; var money: Money? = nil }

    var project: Project
    /// The project's stage and sectors, read once.
    var stage: ProjectStage
    var sectors: [Sector]
    var participants: [(participant: ProjectParticipant, organisation: Organisation?)]
    var deliverables: [DeliverableLine]
    var milestones: [Milestone]
    var tender: Tender?
    var bids: [(bid: Bid, organisation: Organisation?)]
    var indicators: [IndicatorLine]
    var flags: [Flag]
    var moves: [Move]
    var timeline: [Event]
    var finance: ProjectFinance
    /// Whether the reader may manage the project (officers), and may add versions and actual days (participants too).
    var mayManage: Bool
    var mayContribute: Bool

    static func of(_ id: UUID, by principal: Principal, on db: any Database, now: Date) async throws -> ProjectDossier {
        let visible = try await ProjectStore(db: db).findVisible(id, by: principal)
        let project = visible.project
        let records = try await PipelineRecords.load(project, on: db)
        let participants = records.participants
        let organisations = try await Organisation.query(on: db).filter(\.$id ~~ participants.map(\.organisationID)).all()
        let manage = ProjectAccess.allows(principal, .manage)
        let contribute = ProjectAccess.allows(principal, .contribute(visible.facts))
        let insider = ProjectAccess.allows(principal, .readNonPublic(visible.facts))
        let deliverables = records.deliverables.filter { $0.isPublic || insider }.map { deliverable in
            DeliverableLine(deliverable: deliverable, versions: records.versions.filter { $0.deliverableID == deliverable.id })
        }
        let milestones = records.milestones
        let tender = records.tender
        var bids: [(Bid, Organisation?)] = []
        if let tender, ProjectAccess.allows(principal, .readBids) {
            let rows = try await Bid.query(on: db).filter(\.$tenderID == tender.requireID()).sort(\.$amountKRW).all()
            let bidders = try await Organisation.query(on: db).filter(\.$id ~~ rows.map(\.organisationID)).all()
            bids = rows.map { bid in (bid, bidders.first { $0.id == bid.organisationID }) }
        }
        let periods = try await IndicatorPeriod.query(on: db).filter(\.$indicatorID ~~ records.indicators.compactMap(\.id)).sort(\.$start).all()
        let indicators = records.indicators.map { indicator in IndicatorLine(indicator: indicator, periods: periods.filter { $0.indicatorID == indicator.id }) }
        let today = CalendarDay(now)
        let flags = try records.flags(today: today).map { flag in Flag(flag: flag, justification: records.justification(of: flag)) }
        let facts = try records.facts(today: today)
        var moves: [Move] = []
        if let next = StageGate.next(after: try project.projectStage) {
            moves.append(Move(to: next, refusal: StageGate.refusal(from: try project.projectStage, to: next, facts: facts, reason: nil)))
        }
        let finance = records.finance
        var timeline: [Event] = milestones.flatMap { milestone in
            [Event(day: milestone.planned, kind: "milestone-planned", text: milestone.titleEn)] + (milestone.actual.map { [Event(day: $0, kind: "milestone-actual", text: milestone.titleEn)] } ?? [])
        }
        timeline += finance.transactions.map { Event(day: $0.valueDay, kind: "money-\($0.movement)", text: $0.original.description, money: $0.original) }
        timeline += deliverables.flatMap { line in line.versions.compactMap { version in
            version.approvedAt.map { Event(day: CalendarDay($0).description, kind: "deliverable-approved", text: "\(line.deliverable.title) v\(version.number)") }
        } }
        if let tender, let awarded = tender.awardedAt { timeline.append(Event(day: CalendarDay(awarded).description, kind: "tender-awarded", text: "")) }
        timeline.sort { ($0.day, $0.kind) < ($1.day, $1.kind) }
        return ProjectDossier(project: project, stage: try project.projectStage, sectors: try project.sectorList, participants: participants.map { row in (row, organisations.first { $0.id == row.organisationID }) },
                              deliverables: deliverables, milestones: milestones, tender: tender, bids: bids, indicators: indicators, flags: flags,
                              moves: moves, timeline: timeline, finance: finance, mayManage: manage, mayContribute: contribute)
    }
}

struct ProjectDossierDTO: JSONWritable {
    let dossier: ProjectDossier

    func writeJSON(to writer: inout JSONWriter) {
        let dossier = dossier
        writer.object {
            $0.field("project", ProjectDTO(project: dossier.project, sectors: dossier.sectors))
            $0.key("participants")
            $0.array(dossier.participants) { writer, line in
                writer.object {
                    $0.field("organisation", line.participant.organisationID)
                    $0.field("name", line.organisation?.name ?? LocalizedText(en: "", ko: ""))
                    $0.field("role", line.participant.role)
                }
            }
            $0.key("deliverables")
            $0.array(dossier.deliverables) { writer, line in
                writer.object {
                    $0.field("id", line.deliverable.storedID)
                    $0.field("kind", line.deliverable.kind)
                    $0.field("title", line.deliverable.title)
                    $0.field("public", line.deliverable.isPublic)
                    $0.key("versions")
                    $0.array(line.versions) { writer, version in
                        writer.object {
                            $0.field("number", version.number)
                            $0.field("note", version.note)
                            $0.field("submittedAt", AuditChain.timestamp(version.submittedAt))
                            $0.field("approvedAt", version.approvedAt.map(AuditChain.timestamp))
                            $0.field("filename", version.filename)
                            $0.field("sha256", version.sha256)
                        }
                    }
                }
            }
            $0.key("milestones")
            $0.array(dossier.milestones) { writer, milestone in
                writer.object {
                    $0.field("id", milestone.storedID)
                    $0.field("title", milestone.title)
                    $0.field("planned", milestone.planned)
                    $0.field("actual", milestone.actual)
                }
            }
            $0.key("tender")
            if let tender = dossier.tender {
                $0.object {
                    $0.field("terms", tender.terms)
                    $0.field("agreedOn", tender.agreedOn)
                    $0.field("closesOn", tender.closesOn)
                    $0.field("awardedBid", tender.awardedBidID.map(UUIDText.string))
                    $0.field("awardedAt", tender.awardedAt.map(AuditChain.timestamp))
                    $0.key("bids")
                    $0.array(dossier.bids) { writer, line in
                        writer.object {
                            $0.field("id", line.bid.storedID)
                            $0.field("organisation", line.bid.organisationID)
                            $0.field("name", line.organisation?.name ?? LocalizedText(en: "", ko: ""))
                            $0.field("amountKRW", line.bid.amountKRW)
                            $0.field("technicalScore", line.bid.technicalScore)
                        }
                    }
                }
            } else {
                $0.null()
            }
            $0.key("indicators")
            $0.array(dossier.indicators) { writer, line in
                writer.object {
                    $0.field("id", line.indicator.storedID)
                    $0.field("resultType", line.indicator.resultType)
                    $0.field("title", line.indicator.title)
                    $0.field("measure", line.indicator.measure)
                    $0.field("baselineYear", line.indicator.baselineYear)
                    $0.field("baselineValue", line.indicator.baselineValue)
                    $0.key("periods")
                    $0.array(line.periods) { writer, period in
                        writer.object {
                            $0.field("start", period.start)
                            $0.field("end", period.end)
                            $0.field("target", period.target)
                            $0.field("actual", period.actual)
                        }
                    }
                }
            }
            $0.key("readiness")
            $0.array(dossier.flags) { writer, flag in
                writer.object {
                    $0.field("flag", flag.flag.rawValue)
                    $0.field("state", flag.justification == nil ? "red" : "justified")
                    $0.field("reason", flag.justification?.reason)
                }
            }
            $0.key("next")
            $0.array(dossier.moves) { writer, move in
                writer.object {
                    $0.field("stage", move.to.rawValue)
                    $0.field("open", move.refusal == nil)
                    $0.field("closedBecause", move.refusal?.description)
                }
            }
            $0.key("timeline")
            $0.array(dossier.timeline) { writer, event in
                writer.object {
                    $0.field("day", event.day)
                    $0.field("kind", event.kind)
                    $0.field("text", event.text)
                }
            }
        }
    }
}
