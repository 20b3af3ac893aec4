import Fluent
import Foundation
import SconDomain
import Vapor

/// What an event is linked to: one row per call or project.
final class CentreEventLink: Model, @unchecked Sendable {
    static let schema = "centre_event_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "position") var position: Int

    init() {}

    enum Kind: String, Sendable, CaseIterable { case call, project }

    var linkKind: Kind { get throws { try Self.known(kind, "kind") } }
}

/// Reads and checks an event's links to a call and to pipeline projects. Every link is shown
/// only to those who may see its target (a lead's project is its centre's).
enum EventLinkStore {
    /// The calls and projects of the draft that exist and that the principal may see.
    static func linkable(_ draft: EventDraft, by principal: Principal, on db: any Database) async throws -> EventLinkable {
        var linkable = EventLinkable()
        if let id = draft.call, let call = try await Call.find(id, on: db), CallAccess.allows(principal, .seeCall(id, try call.callState)) {
            linkable.calls.insert(id)
        }
        let projects = ProjectStore(db: db)
        for id in Set((draft.projects ?? []).prefix(EventLinks.maxProjects + 1)) where (try? await projects.findVisible(id, by: principal)) != nil {
            linkable.projects.insert(id)
        }
        return linkable
    }

    /// Writes the links of a new event, in the caller's transaction.
    static func write(_ links: EventLinks, event: UUID, on tx: any Database) async throws {
        var rows: [CentreEventLink] = []
        if let call = links.call { rows.append(row(event, .call, call, 0)) }
        for (index, project) in links.projects.enumerated() { rows.append(row(event, .project, project, index)) }
        for row in rows { try await row.create(on: tx) }
    }

    private static func row(_ event: UUID, _ kind: CentreEventLink.Kind, _ target: UUID, _ position: Int) -> CentreEventLink {
        let row = CentreEventLink()
        row.id = UUID()
        row.eventID = event
        row.kind = kind.rawValue
        row.targetID = target
        row.position = position
        return row
    }

    /// The links of these events as stored, in one query.
    static func stored(_ events: [UUID], on db: any Database) async throws -> [UUID: EventLinks] {
        guard !events.isEmpty else { return [:] }
        var result: [UUID: EventLinks] = [:]
        for row in try await CentreEventLink.query(on: db).filter(\.$eventID ~~ events).sort(\.$position).all() {
            switch try row.linkKind {
            case .call: result[row.eventID, default: EventLinks()].call = row.targetID
            case .project: result[row.eventID, default: EventLinks()].projects.append(row.targetID)
            }
        }
        return result
    }

    /// The links of these events that the principal may see: the call unless it is a draft they
    /// do not manage, the projects they may see.
    static func visible(_ events: [CentreEvent], by principal: Principal, on db: any Database) async throws -> [UUID: EventLinks] {
        let stored = try await stored(events.map(\.storedID), on: db)
        let callIDs = Set(stored.values.compactMap(\.call)), projectIDs = Set(stored.values.flatMap(\.projects))
        var calls: Set<UUID> = [], projects: Set<UUID> = []
        if !callIDs.isEmpty {
            for call in try await Call.query(on: db).filter(\.$id ~~ Array(callIDs)).all() where CallAccess.allows(principal, .seeCall(call.storedID, try call.callState)) {
                calls.insert(call.storedID)
            }
        }
        let store = ProjectStore(db: db)
        for id in projectIDs where (try? await store.findVisible(id, by: principal)) != nil { projects.insert(id) }
        return stored.mapValues { links in
            EventLinks(call: links.call.flatMap { calls.contains($0) ? $0 : nil }, projects: links.projects.filter(projects.contains))
        }
    }

    /// The event page's links: the call's title, each project's code and title.
    static func titles(_ links: EventLinks, on db: any Database) async throws -> (call: Call?, projects: [Project]) {
        let call = try await links.call.asyncFlatMap { try await Call.find($0, on: db) }
        let found = links.projects.isEmpty ? [] : try await Project.query(on: db).filter(\.$id ~~ links.projects).all()
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.storedID, $0) })
        return (call, links.projects.compactMap { byID[$0] })
    }
}
