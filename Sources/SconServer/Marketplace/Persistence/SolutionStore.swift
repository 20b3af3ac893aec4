import Fluent
import Foundation
import SconDomain

/// Writes and reads solutions; audited in the solution's chain, kept in the search index.
struct SolutionStore: Sendable {
    let db: any Database
    let audit: AuditLog

    static func subject(_ id: UUID) -> String { "solution:\(UUIDText.string(id))" }

    func create(_ draft: SolutionDraft, publish: Bool, by principal: Principal) async throws -> Solution {
        try principal.require(principal.isSignedIn, "post solutions")
        let (fields, country) = try await validated(draft)
        try principal.require(MarketplaceAccess.allows(principal, .postSolution(organisation: fields.organisationID)), "post solutions for this organisation")
        let id = UUID()
        return try await audit.record(.solution(id)) { tx in
            let model = Solution()
            model.id = id
            model.apply(fields, country: country)
            model.status = (publish ? SolutionStatus.published : .draft).rawValue
            model.sample = false
            model.createdBy = principal.userID
            try await model.create(on: tx)
            if try model.isSearchable { try await SearchIndex(db: tx).upsert(try model.searchDocument, now: audit.clock.now()) }
            return (model, [AuditEvent(actor: principal.userID, action: "solution.create", subject: Self.subject(id),
                                       details: ["title": fields.title, "status": model.status])])
        }
    }

    func update(_ id: UUID, by principal: Principal, change: @escaping @Sendable (SolutionDraft) -> SolutionDraft) async throws -> Solution {
        let existing = try await writable(id, by: principal, on: db)
        let (fields, country) = try await validated(change(try Self.draft(of: existing)))
        return try await audit.record(.solution(id)) { tx in
            let model = try await writable(id, by: principal, on: tx)
            model.apply(fields, country: country)
            try await model.update(on: tx)
            if try model.isSearchable { try await SearchIndex(db: tx).upsert(try model.searchDocument, now: audit.clock.now()) }
            return (model, [AuditEvent(actor: principal.userID, action: "solution.update", subject: Self.subject(id), details: ["title": fields.title])])
        }
    }

    func move(_ id: UUID, to target: String?, by principal: Principal) async throws -> Solution {
        guard let next = SolutionStatus(rawValue: target ?? "") else {
            throw DomainError.invalid([FieldIssue(field: "status", code: "unknown", detail: "status is draft, published or archived.")])
        }
        _ = try await writable(id, by: principal, on: db)
        return try await audit.record(.solution(id)) { tx in
            let model = try await writable(id, by: principal, on: tx)
            let current = try model.solutionStatus
            guard current.next.contains(next) else { throw MarketplaceRefusal(from: current.rawValue, to: next.rawValue) }
            model.status = next.rawValue
            try await model.update(on: tx)
            let index = SearchIndex(db: tx)
            if try model.isSearchable { try await index.upsert(try model.searchDocument, now: audit.clock.now()) } else { try await index.remove(.solution, id) }
            return (model, [AuditEvent(actor: principal.userID, action: "solution.status", subject: Self.subject(id),
                                       details: ["from": current.rawValue, "to": next.rawValue])])
        }
    }

    func find(_ id: UUID, by principal: Principal) async throws -> Solution {
        try await Self.visible(id, by: principal, on: db)
    }

    static func visible(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Solution {
        guard let model = try await Solution.find(id, on: db),
              MarketplaceAccess.allows(principal, .see(MarketplaceFacts(organisation: model.organisationID, published: try model.solutionStatus.isPublished)))
        else { throw DomainError.notFound("solution") }
        return model
    }

    private func writable(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Solution {
        let model = try await Self.visible(id, by: principal, on: db)
        try principal.require(MarketplaceAccess.allows(principal, .edit(MarketplaceFacts(organisation: model.organisationID,
                                                                                         published: try model.solutionStatus.isPublished))),
                              "change this solution")
        return model
    }

    private func validated(_ draft: SolutionDraft) async throws -> (SolutionDraft.Fields, CountryCode) {
        let organisation = try await draft.organisationID.asyncFlatMap { try await Organisation.find($0, on: db) }
        let cities = Set(try await City.query(on: db).filter(\.$id ~~ (draft.references ?? [])).all(\.$id))
        let fields = try draft.validated(organisationKnown: organisation != nil, knownCities: cities)
        return (fields, CountryCode(organisation!.countryCode)!)
    }

    static func draft(of model: Solution) throws -> SolutionDraft {
        var draft = SolutionDraft()
        draft.organisationID = model.organisationID
        draft.sectors = model.sectors.split(separator: ",").map(String.init)
        draft.language = model.language
        draft.title = model.title; draft.body = model.body
        draft.titleKo = model.titleKo; draft.bodyKo = model.bodyKo
        draft.titleEn = model.titleEn; draft.bodyEn = model.bodyEn
        draft.readiness = model.readiness
        draft.references = try model.referenceList
        draft.priceModel = model.priceModel
        draft.languages = model.languages.split(separator: ",").map(String.init)
        return draft
    }
}
