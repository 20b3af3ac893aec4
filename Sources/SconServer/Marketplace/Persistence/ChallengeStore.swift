import Fluent
import Foundation
import SconDomain
import SQLKit

/// Writes and reads challenges. Who may is `MarketplaceAccess`'s answer; every change is audited
/// in the challenge's chain and kept in the search index in the same transaction.
struct ChallengeStore: Sendable {
    let db: any Database
    let audit: AuditLog

    static func subject(_ id: UUID) -> String { "challenge:\(UUIDText.string(id))" }

    func create(_ draft: ChallengeDraft, publish: Bool, by principal: Principal) async throws -> Challenge {
        try principal.require(principal.isSignedIn, "post challenges")
        let (fields, country) = try await validated(draft)
        let organisation = try await Organisation.find(fields.organisationID, on: db)
        try principal.require(MarketplaceAccess.allows(principal, .postChallenge(organisation: fields.organisationID,
                                                                                 organisationCountry: CountryCode(organisation?.countryCode ?? "") ?? country,
                                                                                 cityCountry: country)),
                              "post challenges for this organisation and city")
        let id = UUID()
        return try await audit.record(.challenge(id)) { tx in
            let model = Challenge()
            model.id = id
            model.apply(fields, country: country)
            model.status = (publish ? ChallengeStatus.open : .draft).rawValue
            model.sample = false
            model.createdBy = principal.userID
            try await model.create(on: tx)
            if try model.isSearchable { try await SearchIndex(db: tx).upsert(try model.searchDocument, now: audit.clock.now()) }
            return (model, [AuditEvent(actor: principal.userID, action: "challenge.create", subject: Self.subject(id),
                                       details: ["title": fields.title, "status": model.status])])
        }
    }

    func update(_ id: UUID, by principal: Principal, change: @escaping @Sendable (ChallengeDraft) -> ChallengeDraft) async throws -> Challenge {
        let existing = try await writable(id, by: principal, on: db)
        let (fields, country) = try await validated(change(Self.draft(of: existing)))
        return try await audit.record(.challenge(id)) { tx in
            let model = try await writable(id, by: principal, on: tx)
            model.apply(fields, country: country)
            try await model.update(on: tx)
            if try model.isSearchable { try await SearchIndex(db: tx).upsert(try model.searchDocument, now: audit.clock.now()) }
            return (model, [AuditEvent(actor: principal.userID, action: "challenge.update", subject: Self.subject(id), details: ["title": fields.title])])
        }
    }

    /// Moves the challenge to another status (`ChallengeStatus.next`), or refuses (409).
    func move(_ id: UUID, to target: String?, by principal: Principal) async throws -> Challenge {
        guard let next = ChallengeStatus(rawValue: target ?? "") else {
            throw DomainError.invalid([FieldIssue(field: "status", code: "unknown", detail: "status is one of \(ChallengeStatus.allCases.map(\.rawValue).joined(separator: ", ")).")])
        }
        _ = try await writable(id, by: principal, on: db)
        return try await audit.record(.challenge(id)) { tx in
            let model = try await writable(id, by: principal, on: tx)
            let current = try model.challengeStatus
            guard current.next.contains(next) else { throw MarketplaceRefusal(from: current.rawValue, to: next.rawValue) }
            model.status = next.rawValue
            try await model.update(on: tx)
            let index = SearchIndex(db: tx)
            if try model.isSearchable { try await index.upsert(try model.searchDocument, now: audit.clock.now()) } else { try await index.remove(.challenge, id) }
            return (model, [AuditEvent(actor: principal.userID, action: "challenge.status", subject: Self.subject(id),
                                       details: ["from": current.rawValue, "to": next.rawValue])])
        }
    }

    /// The challenge if the principal may see it; "not found" otherwise.
    func find(_ id: UUID, by principal: Principal) async throws -> Challenge {
        try await Self.visible(id, by: principal, on: db)
    }

    static func visible(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Challenge {
        guard let model = try await Challenge.find(id, on: db),
              MarketplaceAccess.allows(principal, .see(MarketplaceFacts(organisation: model.organisationID, published: try model.challengeStatus.isPublished)))
        else { throw DomainError.notFound("challenge") }
        return model
    }

    private func writable(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Challenge {
        let model = try await Self.visible(id, by: principal, on: db)
        try principal.require(MarketplaceAccess.allows(principal, .edit(MarketplaceFacts(organisation: model.organisationID,
                                                                                         published: try model.challengeStatus.isPublished))),
                              "change this challenge")
        return model
    }

    /// Every rule the draft breaks (none: an empty list), without writing.
    func issues(of draft: ChallengeDraft) async throws -> [FieldIssue] {
        do {
            _ = try await validated(draft)
            return []
        } catch DomainError.invalid(let issues) {
            return issues
        }
    }

    private func validated(_ draft: ChallengeDraft) async throws -> (ChallengeDraft.Fields, CountryCode) {
        let city = try await draft.cityID.asyncFlatMap { try await City.find($0, on: db) }
        let organisation = try await draft.organisationID.asyncFlatMap { try await Organisation.find($0, on: db) }
        let cityCountry = city.flatMap { CountryCode($0.countryCode) }
        let fields = try draft.validated(cityCountry: cityCountry, organisationCountry: organisation.flatMap { CountryCode($0.countryCode) })
        return (fields, cityCountry!)
    }

    static func draft(of model: Challenge) -> ChallengeDraft {
        var draft = ChallengeDraft()
        draft.cityID = model.cityID
        draft.organisationID = model.organisationID
        draft.sectors = model.sectors.split(separator: ",").map(String.init)
        draft.language = model.language
        draft.title = model.title; draft.body = model.body
        draft.titleKo = model.titleKo; draft.bodyKo = model.bodyKo
        draft.titleEn = model.titleEn; draft.bodyEn = model.bodyEn
        draft.peopleAffected = model.peopleAffected
        if let currency = model.budgetCurrency.flatMap(Currency.init(rawValue:)) {
            draft.budgetCurrency = currency.rawValue
            draft.budgetMin = model.budgetMinMinor.map { Money(minor: $0, currency).decimalText }
            draft.budgetMax = model.budgetMaxMinor.map { Money(minor: $0, currency).decimalText }
        }
        draft.timing = model.timing
        draft.contact = model.contact
        return draft
    }
}
