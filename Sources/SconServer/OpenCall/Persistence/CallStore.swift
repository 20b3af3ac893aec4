import Fluent
import Foundation
import SconDomain
import Vapor

/// Reads and writes calls. Every write checks who may (SconDomain.Principal), applies the
/// rules (CallDraft, CallState) and is written together with its audit entry.
struct CallStore: Sendable {
    let db: any Database
    let audit: AuditLog

    /// The calls the principal may see, the latest opening first: every call that is not a
    /// draft, and the drafts of calls the principal manages.
    func visible(to principal: Principal) async throws -> [CallDTO] {
        let visibility = CallAccess.callVisibility(for: principal)
        let query = Call.query(on: db)
        if !visibility.allDrafts {
            query.group(.or) { or in
                or.filter(\.$state != CallState.draft.rawValue)
                if !visibility.drafts.isEmpty { or.filter(\.$id ~~ Array(visibility.drafts)) }
            }
        }
        return try await query.sort(\.$opensAt, .descending).sort(\.$id).limit(500).all().map(CallDTO.init)
    }

    /// The call, or `notFound` when it does not exist or is a draft the principal may not see.
    func find(_ id: UUID, by principal: Principal) async throws -> CallDTO {
        try CallDTO(try await Self.visibleModel(id, by: principal, on: db))
    }

    func create(_ draft: CallDraft, by principal: Principal) async throws -> CallDTO {
        try principal.require(CallAccess.allows(principal, .createCall), "create calls")
        let terms = try draft.validated(knownCountries: try await CountryQuery(db: db).codes())
        let id = UUID()
        return try await audit.record(.call(id)) { tx in
            let model = Call()
            model.id = id
            model.state = CallState.draft.rawValue
            model.sample = false
            model.createdBy = principal.userID
            try model.apply(terms)
            try await model.create(on: tx)
            let dto = try CallDTO(model)
            return (dto, [AuditEvent(actor: principal.userID, action: "call.create", subject: Self.subject(dto.id), details: AuditTerms(terms))])
        }
    }

    /// Changes the terms of a call that is still a draft; once open, its terms are what
    /// applicants were promised.
    func update(_ id: UUID, by principal: Principal, change: @escaping @Sendable (CallDraft) -> CallDraft) async throws -> CallDTO {
        let known = try await CountryQuery(db: db).codes()
        return try await audit.record(.call(id)) { tx in
            let model = try await Self.managedModel(id, by: principal, on: tx)
            guard try model.callState == .draft else {
                throw DomainError.conflict("only a draft call can be edited; this call is \(model.state).")
            }
            let terms = try change(CallDraft(try model.terms())).validated(knownCountries: known)
            try model.apply(terms)
            try await model.update(on: tx)
            return (try CallDTO(model), [AuditEvent(actor: principal.userID, action: "call.update", subject: Self.subject(id), details: AuditTerms(terms))])
        }
    }

    /// Moves a call to its next state, if the state machine allows it and its gate is open.
    func transition(_ id: UUID, to target: String?, by principal: Principal, now: Date? = nil) async throws -> CallDTO {
        let now = now ?? audit.clock.now()
        guard let next = CallState(rawValue: target ?? "") else {
            throw DomainError.invalid([FieldIssue(field: "to", code: target == nil ? "required" : "unknown",
                                                  detail: "to must be one of: \(CallState.allCases.map(\.rawValue).joined(separator: ", ")).")])
        }
        return try await audit.record(.call(id)) { tx in
            let model = try await Self.managedModel(id, by: principal, on: tx)
            let current = try model.callState
            let moved = try CallGate.check(current, to: next, terms: try model.terms(), now: now)
            model.state = moved.rawValue
            if moved == .published { model.publishedAt = now }
            try await model.update(on: tx)
            let change = ["from": current.rawValue, "to": moved.rawValue]
            return (try CallDTO(model), [AuditEvent(actor: principal.userID, action: "call.transition", subject: Self.subject(id), details: change)])
        }
    }

    static func subject(_ id: UUID) -> String { "call:\(UUIDText.string(id))" }

    static func visibleModel(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Call {
        guard let model = try await Call.find(id, on: db), CallAccess.allows(principal, .seeCall(id, try model.callState)) else {
            throw DomainError.notFound("call")
        }
        return model
    }

    static func managedModel(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Call {
        let model = try await visibleModel(id, by: principal, on: db)
        try principal.require(CallAccess.allows(principal, .manageCall(id)), "manage this call")
        return model
    }
}

/// The terms as the audit log keeps them: the whole checked call, so that the log alone
/// says what applicants were promised.
private struct AuditTerms: Encodable {
    let terms: CallTerms
    init(_ terms: CallTerms) { self.terms = terms }
}
