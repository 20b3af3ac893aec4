import Fluent
import Foundation
import SconDomain
import Vapor

/// A country's ranked endorsement of its proposals to a call, kept by its focal point.
struct EndorsementStore: Sendable {
    let db: any Database
    let audit: AuditLog

    func get(_ callID: UUID, _ country: CountryCode, by principal: Principal) async throws -> EndorsementDTO {
        let call = try await CallStore.visibleModel(callID, by: principal, on: db)
        try principal.require(CallAccess.allows(principal, .endorse(country)) || CallAccess.allows(principal, .manageCall(callID)), "see this country's endorsement")
        return EndorsementDTO(callID: callID, country: country.value, limit: try call.terms().endorsementsPerCountry,
                              proposals: try await Self.ranking(callID, country, on: db))
    }

    /// Replaces the country's ranking. Endorsing is possible while the call is open or closed
    /// (before the review starts).
    func set(_ callID: UUID, _ country: CountryCode, _ ranking: [UUID], by principal: Principal) async throws -> EndorsementDTO {
        try principal.require(principal.isSignedIn, "endorse proposals")
        _ = try await CallStore.visibleModel(callID, by: principal, on: db)
        try principal.require(CallAccess.allows(principal, .endorse(country)), "endorse this country's proposals")
        return try await audit.record(.call(callID)) { tx in
            guard let call = try await Call.find(callID, on: tx) else { throw DomainError.notFound("call") }
            guard [.open, .closed].contains(try call.callState) else {
                throw DomainError.conflict("a call that is \(call.state) takes no endorsements; they are made while it is open or closed.")
            }
            let terms = try call.terms()
            let proposals = try await Proposal.query(on: tx).filter(\.$callID == callID).filter(\.$id ~~ ranking).all()
            var candidates: [UUID: EndorsementRanking.Candidate] = [:]
            for proposal in proposals {
                candidates[try proposal.requireID()] = .init(id: try proposal.requireID(), country: proposal.country, state: try proposal.proposalState)
            }
            let checked = try EndorsementRanking.validated(ranking, country: country, limit: terms.endorsementsPerCountry, candidates: candidates)
            try await Self.replace(callID, country, with: checked, by: principal.userID, on: tx)
            let dto = EndorsementDTO(callID: callID, country: country.value, limit: terms.endorsementsPerCountry, proposals: checked)
            let codes = checked.compactMap { id in proposals.first { $0.id == id }?.code }
            return (dto, [AuditEvent(actor: principal.userID, action: "endorsement.set", subject: Self.subject(callID, country),
                                     details: ["proposals": codes])])
        }
    }

    static func subject(_ callID: UUID, _ country: CountryCode) -> String { "call:\(UUIDText.string(callID)):endorsement:\(country.value)" }

    static func ranking(_ callID: UUID, _ country: CountryCode, on db: any Database) async throws -> [UUID] {
        try await Endorsement.query(on: db).filter(\.$callID == callID).filter(\.$countryCode == country.value)
            .sort(\.$rank).all().map(\.proposalID)
    }

    static func replace(_ callID: UUID, _ country: CountryCode, with ranking: [UUID], by user: UUID?, on db: any Database) async throws {
        try await Endorsement.query(on: db).filter(\.$callID == callID).filter(\.$countryCode == country.value).delete()
        for (index, id) in ranking.enumerated() {
            let endorsement = Endorsement()
            endorsement.callID = callID
            endorsement.countryCode = country.value
            endorsement.proposalID = id
            endorsement.rank = index + 1
            endorsement.endorsedBy = user
            try await endorsement.create(on: db)
        }
    }
}
