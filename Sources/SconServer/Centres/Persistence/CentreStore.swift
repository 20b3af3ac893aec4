import Fluent
import Foundation
import SconDomain
import Vapor

extension AuditChainKey {
    /// A centre's record and its lead board.
    static func centre(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "centre:\(UUIDText.string(id))") }
    /// An event with its registrations, requests and schedule.
    static func event(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "event:\(UUIDText.string(id))") }
}

/// Cooperation centres: public records; the programme office creates them, a centre's staff edit theirs.
struct CentreStore: Sendable {
    let db: any Database
    let audit: AuditLog

    /// Every centre, by English name (there are a handful).
    func all() async throws -> [Centre] {
        try await Centre.query(on: db).sort(\.$nameEn).sort(\.$id).all()
    }

    func find(_ id: UUID) async throws -> Centre {
        guard let centre = try await Centre.find(id, on: db) else { throw DomainError.notFound("centre") }
        return centre
    }

    func create(_ draft: CentreDraft, by principal: Principal) async throws -> Centre {
        try principal.require(CentreAccess.allows(principal, .manageCentres), "create centres")
        let record = try draft.validated()
        let id = UUID()
        return try await audit.record(.centre(id)) { tx in
            let centre = Centre()
            centre.id = id
            centre.apply(record)
            centre.sample = false
            try await centre.create(on: tx)
            return (centre, [AuditEvent(actor: principal.userID, action: "centre.create", subject: "centre:\(UUIDText.string(id))", details: Self.details(record))])
        }
    }

    func update(_ id: UUID, _ draft: CentreDraft, by principal: Principal) async throws -> Centre {
        _ = try await find(id)
        try principal.require(CentreAccess.allows(principal, .editCentre(id)), "edit this centre")
        let record = try draft.validated()
        return try await audit.record(.centre(id)) { tx in
            guard let centre = try await Centre.find(id, on: tx) else { throw DomainError.notFound("centre") }
            centre.apply(record)
            try await centre.save(on: tx)
            return (centre, [AuditEvent(actor: principal.userID, action: "centre.update", subject: "centre:\(UUIDText.string(id))", details: Self.details(record))])
        }
    }

    static func details(_ record: CentreRecord) -> [String: String] {
        ["nameEn": record.name.en, "nameKo": record.name.ko, "hostCity": record.hostCity ?? "", "hostCountry": record.hostCountry?.value ?? "",
         "covers": record.covers.map(\.value).joined(separator: ","), "status": record.status.rawValue, "openedOn": record.openedOn?.description ?? ""]
    }
}
