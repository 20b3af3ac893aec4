import Fluent
import Foundation
import SconDomain
import Vapor

/// The reviewers of a call and what the assignment needs to know of them and of the proposals.
enum ReviewPool {
    /// Users holding `reviewer` for the whole programme or for this call, with their profiles.
    static func reviewers(of callID: UUID, on db: any Database) async throws -> [(user: User, reviewer: PoolReviewer)] {
        let pool = ReviewAccess.poolGrants(call: callID)
        let grants = try await RoleGrant.query(on: db).filter(\.$role ~~ Set(pool.map(\.role.rawValue))).all()
            .filter { row in pool.contains(try row.grant) }
        let userIDs = Array(Set(grants.map(\.userID)))
        guard !userIDs.isEmpty else { return [] }
        let users = try await User.query(on: db).filter(\.$id ~~ userIDs).sort(\.$email).all()
        let profiles = try await ReviewerProfileRecord.query(on: db).filter(\.$userID ~~ userIDs).all()
        let memberships = try await RoleGrant.query(on: db).filter(\.$userID ~~ userIDs).filter(\.$role == Role.organisationMember.rawValue).all()
        let homes = try await Organisation.query(on: db).filter(\.$id ~~ memberships.compactMap { UUID(uuidString: $0.scopeID) }).all()
        let countryOf = Dictionary(homes.compactMap { organisation in organisation.id.map { (UUIDText.string($0), organisation.countryCode) } },
                                   uniquingKeysWith: { first, _ in first })
        return try users.map { user in
            let id = try user.requireID()
            let profile = try profiles.first { $0.userID == id }?.profile ?? .starting
            let organisations = Set(memberships.filter { $0.userID == id }.map(\.scopeID))
            let countries = Set(organisations.compactMap { countryOf[$0].flatMap { CountryCode($0) } })
            return (user, PoolReviewer(id: UUIDText.string(id), email: user.email, profile: profile, organisationIDs: organisations,
                                       homeCountries: countries))
        }
    }

    /// The proposals that go to review: submitted, and endorsed when the call requires it.
    static func targets(of call: Call, on db: any Database) async throws -> [(proposal: Proposal, target: ReviewTarget)] {
        let callID = try call.requireID()
        var proposals = try await Proposal.query(on: db).filter(\.$callID == callID).filter(\.$state == ProposalState.submitted.rawValue).sort(\.$code).all()
        if try call.terms().eligibilityRules.contains(.endorsed) {
            let endorsed = Set(try await Endorsement.query(on: db).filter(\.$callID == callID).all().map(\.proposalID))
            proposals = proposals.filter { endorsed.contains($0.storedID) }
        }
        let organisationIDs = Array(Set(proposals.map(\.organisationID)))
        let organisations = try await Organisation.query(on: db).filter(\.$id ~~ organisationIDs).all()
        let people = try await Person.query(on: db).filter(\.$organisationID ~~ organisationIDs).all()
        return try proposals.map { proposal in
            let sectors = try organisations.first { $0.id == proposal.organisationID }.map { try $0.sectorList } ?? []
            let emails = Set(people.filter { $0.organisationID == proposal.organisationID }.compactMap { $0.email?.lowercased() })
            return (proposal, ReviewTarget(id: UUIDText.string(try proposal.requireID()), organisationID: UUIDText.string(proposal.organisationID),
                                           country: proposal.country, language: try Proposal.known(proposal.language, "language"),
                                           sectors: sectors, contactEmails: emails))
        }
    }
}
