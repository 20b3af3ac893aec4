import Fluent
import Foundation
import SconDomain
import Vapor

/// The directory: countries, cities, organisations and their contact people.
struct DirectoryContext: SconContext {
    let name = "Directory"

    var migrations: [any Migration] { [CreateCountry(), CreateCity(), CreateOrganisation(), CreatePerson(), CreateJoining()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: DirectoryPagesController())
        try routes.app.register(collection: DirectoryAPIController())
        try routes.app.register(collection: JoinPagesController())
        try routes.app.register(collection: JoinAPIController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 10, label: "nav.countries", route: DirectoryURL.countries),
         NavigationEntry(placement: .main, order: 20, label: "nav.cities", route: DirectoryURL.cities),
         NavigationEntry(placement: .main, order: 30, label: "nav.organisations", route: DirectoryURL.organisations),
         NavigationEntry(placement: .account, order: 15, label: "nav.myOrganisations", route: DirectoryURL.myOrganisations) { $0.isSignedIn },
         NavigationEntry(placement: .account, order: 16, label: "nav.registrations", route: DirectoryURL.registrations) {
             DirectoryAccess.allows($0, .reviewRegistrations)
         }]
    }

    var strings: StringTable { Self.table }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await Country.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in
            try await DemoData.seedCountries(db)
            try await DemoData.seedCities(db)
            try await DemoData.seedOrganisationsAndPeople(db)
        }
        return true
    }

    /// What is due: requests to join the person's organisations (the office: every pending
    /// request), and for the office the organisations proposed for the directory.
    func due(for principal: Principal, on db: any Database, now: Date) async throws -> [DueItem] {
        guard principal.isSignedIn else { return [] }
        var items: [DueItem] = []
        let query = JoinRequestRecord.query(on: db).filter(\.$state == JoinRequestState.pending.rawValue)
        if !DirectoryAccess.allows(principal, .reviewRegistrations) {
            let organisations = Array(principal.organisations)
            guard !organisations.isEmpty else { return [] }
            query.filter(\.$organisationID ~~ organisations)
        }
        let pending = try await query.sort(\.$requestedAt).limit(100).all()
        let names = try await JoinNames.load(pending, on: db)
        for row in pending {
            guard let user = row.userID, DirectoryAccess.allows(principal, .decideJoinRequest(organisation: row.organisationID, requester: user)) else { continue }
            let organisation = names.organisations[row.organisationID]?.en ?? ""
            items.append(DueItem(kind: "due.joinRequest", title: "\(names.people[user] ?? "") → \(organisation)", due: nil, dueText: nil,
                                 path: JoinNotices.requestPath(row.organisationID, request: row.storedID)))
        }
        if DirectoryAccess.allows(principal, .reviewRegistrations) {
            let proposed = try await OrganisationRegistrationRecord.query(on: db).filter(\.$state == OrganisationRegistrationState.pending.rawValue).sort(\.$proposedAt).limit(100).all()
            for row in proposed {
                items.append(DueItem(kind: "due.registration", title: row.nameEn, due: nil, dueText: nil, path: DirectoryURL.registrations.path))
            }
        }
        return items
    }

    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        let requests = try await JoinRequestRecord.query(on: db).filter(\.$userID == user).all()
        let registrations = try await OrganisationRegistrationRecord.query(on: db).filter(\.$proposerID == user).all()
        struct Request: Encodable, Sendable { var organisation: String; var message: String; var state: String; var requestedAt: String; var reason: String? }
        struct Registration: Encodable, Sendable { var name: String; var country: String; var state: String; var proposedAt: String; var reason: String? }
        var sections: [String: PersonalDataSection] = [:]
        if !requests.isEmpty {
            sections["joinRequests"] = PersonalDataSection(requests.map {
                Request(organisation: UUIDText.string($0.organisationID), message: $0.message, state: $0.state, requestedAt: AuditChain.timestamp($0.requestedAt), reason: $0.reason)
            })
        }
        if !registrations.isEmpty {
            sections["organisationRegistrations"] = PersonalDataSection(registrations.map {
                Registration(name: $0.nameEn, country: $0.countryCode, state: $0.state, proposedAt: AuditChain.timestamp($0.proposedAt), reason: $0.reason)
            })
        }
        return sections
    }

    /// Requests lose their requester and message; proposals lose their proposer (an approved
    /// organisation stays in the directory).
    func erasePersonalData(of user: UUID, on db: any Database) async throws {
        for row in try await JoinRequestRecord.query(on: db).filter(\.$userID == user).all() {
            row.userID = nil
            row.message = ""
            if row.state == JoinRequestState.pending.rawValue { row.state = JoinRequestState.withdrawn.rawValue }
            try await row.update(on: db)
        }
        for row in try await OrganisationRegistrationRecord.query(on: db).filter(\.$proposerID == user).all() {
            row.proposerID = nil
            if row.state == OrganisationRegistrationState.pending.rawValue { row.state = OrganisationRegistrationState.refused.rawValue }
            try await row.update(on: db)
        }
    }
}
