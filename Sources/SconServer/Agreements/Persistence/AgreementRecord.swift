import Fluent
import Foundation
import SconDomain
import SQLKit

/// An agreement with what its page and the API show: its parties with their timelines, its
/// links, and whether it is dormant today.
struct AgreementRecord: Sendable {
    struct Party: Sendable {
        var id: UUID
        var organisation: UUID?
        var organisationName: LocalizedText?
        var country: String?
        var name: LocalizedText?
        var signatoryTitle: LocalizedText?
        var timeline: [StatusAction]
        var status: AgreementStatus? { StatusTimeline.current(timeline) }
        /// Whether the record names the party (an organisation or a country).
        var disclosed: Bool { organisation != nil || country != nil }
    }

    struct Link: Sendable { var kind: AgreementLinkKind; var id: UUID }

    struct Milestone: Sendable {
        var id: UUID
        var title: LocalizedText
        var dueOn: CalendarDay
        var doneOn: CalendarDay?
        var overdue: Bool
    }

    struct Document: Sendable { var filename: String; var size: Int; var sha256: String; var createdAt: Date? }

    let agreement: Agreement
    let kind: AgreementKind
    let level: AgreementLevel
    let signedOn: PartialDate?
    let expiresOn: CalendarDay?
    let sectors: [Sector]
    var parties: [Party]
    var links: [Link]
    var milestones: [Milestone]
    var document: Document?
    var lastActivity: CalendarDay?
    var dormant: Bool

    var id: UUID { agreement.storedID }

    var facts: AgreementAccess.Facts {
        AgreementAccess.Facts(isPublic: agreement.isPublic, partyOrganisations: Set(parties.compactMap(\.organisation)))
    }

    /// The countries the agreement involves: its parties' countries and their organisations'.
    var countries: [String] { Array(Set(parties.compactMap(\.country))).sorted() }

    /// Loads the records of these agreements in a few queries (parties, actions, links, activity).
    static func load(_ agreements: [Agreement], on db: any Database, today: CalendarDay) async throws -> [AgreementRecord] {
        guard !agreements.isEmpty else { return [] }
        let ids = agreements.map(\.storedID)
        let parties = try await AgreementParty.query(on: db).filter(\.$agreementID ~~ ids).sort(\.$position).all()
        let actions = try await AgreementAction.query(on: db).filter(\.$agreementID ~~ ids).sort(\.$position).all()
        let links = try await AgreementLink.query(on: db).filter(\.$agreementID ~~ ids).all()
        let milestones = try await AgreementMilestone.query(on: db).filter(\.$agreementID ~~ ids).sort(\.$dueOn).sort(\.$id).all()
        let documents = try await AgreementDocument.query(on: db).filter(\.$agreementID ~~ ids)
            .field(\.$id).field(\.$agreementID).field(\.$filename).field(\.$size).field(\.$sha256).field(\.$createdAt).all()
        let organisationIDs = Array(Set(parties.compactMap(\.organisationID)))
        let organisations = organisationIDs.isEmpty ? [] : try await Organisation.query(on: db).filter(\.$id ~~ organisationIDs).all()
        let orgByID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.storedID, $0) })
        var timelines: [UUID: [StatusAction]] = [:]
        for action in actions { timelines[action.partyID, default: []].append(try action.action) }
        let projectLinks = try links.filter { try $0.linkKind == .project }.map(\.targetID)
        let activities = AgreementActivity(db: db)
        var activity = try await activities.lastActivity(ofProjects: projectLinks)
        let eventLinks = try links.filter { try $0.linkKind == .event }.map(\.targetID)
        let cohortLinks = try links.filter { try $0.linkKind == .training }.map(\.targetID)
        activity.merge(try await activities.lastActivity(ofEvents: eventLinks, today: today)) { max($0, $1) }
        activity.merge(try await activities.lastActivity(ofCohorts: cohortLinks, today: today)) { max($0, $1) }
        return try agreements.map { agreement in
            let id = agreement.storedID
            let ownParties = parties.filter { $0.agreementID == id }.map { party in
                let organisation = party.organisationID.flatMap { orgByID[$0] }
                return Party(id: party.storedID, organisation: party.organisationID, organisationName: organisation?.name,
                             country: party.countryCode ?? organisation?.countryCode, name: party.name, signatoryTitle: party.signatoryTitle,
                             timeline: timelines[party.storedID] ?? [])
            }
            let ownLinks = try links.filter { $0.agreementID == id }.map { Link(kind: try $0.linkKind, id: $0.targetID) }
            let ownMilestones = try milestones.filter { $0.agreementID == id }.map { row in
                let due = try row.dueDay, done = try row.doneDay
                return Milestone(id: row.storedID, title: row.title, dueOn: due, doneOn: done, overdue: FollowUp.isOverdue(dueOn: due, doneOn: done, today: today))
            }
            // Linked projects' moves and bookings, linked events held, linked cohorts ended, and the follow-up milestones done.
            let last = (ownLinks.compactMap { activity[$0.id] } + ownMilestones.compactMap(\.doneOn)).max()
            let document = documents.first { $0.agreementID == id }.map {
                Document(filename: $0.filename, size: $0.size, sha256: $0.sha256, createdAt: $0.createdAt)
            }
            let inForceSince = ownParties.flatMap(\.timeline).filter { $0.status.isInForce }.compactMap(\.date).max()
            let dormant = Dormancy.isDormant(statuses: ownParties.map(\.status), inForceSince: inForceSince, lastActivity: last, today: today)
            return AgreementRecord(agreement: agreement, kind: try agreement.agreementKind, level: try agreement.agreementLevel,
                                   signedOn: try agreement.signedDate, expiresOn: try agreement.expiryDay, sectors: try agreement.sectorList,
                                   parties: ownParties, links: ownLinks, milestones: ownMilestones, document: document,
                                   lastActivity: last, dormant: dormant)
        }
    }
}

/// The linked activity that keeps an agreement awake: a linked project's stage moves (the
/// audit log's `project.stage`) and bookings on it (the ledger's value days), a linked event
/// held (its last day, once `held` or `closed`), a linked training cohort (its last day, once
/// passed). Keyed by the linked record's id.
struct AgreementActivity: Sendable {
    let db: any Database

    func lastActivity(ofProjects projects: [UUID]) async throws -> [UUID: CalendarDay] {
        guard !projects.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        var last: [UUID: CalendarDay] = [:]
        func note(_ project: UUID, _ text: String) {
            guard let day = CalendarDay(text.prefix(10)) else { return }
            if last[project].map({ $0 < day }) ?? true { last[project] = day }
        }
        let bookings = try await sql.select().column("project_id").column(SQLFunction("MAX", args: SQLIdentifier("value_day")), as: "last")
            .from("ledger_transactions").where("project_id", .in, projects).groupBy("project_id").all()
        for row in bookings {
            note(try row.decode(column: "project_id", as: UUID.self), try row.decode(column: "last", as: String.self))
        }
        let subjects = projects.map { "project:" + UUIDText.string($0) }
        let moves = try await sql.select().column("subject").column(SQLFunction("MAX", args: SQLIdentifier("recorded_at")), as: "last")
            .from("audit_entries").where("action", .equal, "project.stage").where("subject", .in, subjects).groupBy("subject").all()
        for row in moves {
            let subject = try row.decode(column: "subject", as: String.self)
            if let id = UUIDText.parse(String(subject.dropFirst("project:".count))) { note(id, try row.decode(column: "last", as: String.self)) }
        }
        return last
    }

    func lastActivity(ofEvents events: [UUID], today: CalendarDay) async throws -> [UUID: CalendarDay] {
        guard !events.isEmpty else { return [:] }
        var last: [UUID: CalendarDay] = [:]
        for event in try await CentreEvent.query(on: db).filter(\.$id ~~ events).filter(\.$state ~~ [EventState.held.rawValue, EventState.closed.rawValue])
            .field(\.$id).field(\.$lastDay).all() {
            if let day = CalendarDay(event.lastDay), day <= today { last[event.storedID] = day }
        }
        return last
    }

    func lastActivity(ofCohorts cohorts: [UUID], today: CalendarDay) async throws -> [UUID: CalendarDay] {
        guard !cohorts.isEmpty else { return [:] }
        var last: [UUID: CalendarDay] = [:]
        for cohort in try await TrainingCohort.query(on: db).filter(\.$id ~~ cohorts).all() {
            let end = try cohort.terms.dates.end
            if end <= today { last[cohort.storedID] = end }
        }
        return last
    }
}
