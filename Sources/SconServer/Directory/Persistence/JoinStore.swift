import Fluent
import Foundation
import SconDomain

extension AuditChainKey {
    /// An organisation proposed for the directory, until it is decided.
    static func registration(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "organisation-registration:\(UUIDText.string(id))") }
}

/// Requests to join an organisation and organisations proposed for the directory: checks
/// who may (`DirectoryAccess`), applies the rules (`JoinRequest`, `OrganisationRegistration`)
/// and writes under the organisation's (or the registration's) audit chain. An approval
/// writes the `organisation-member` grant in the same transaction.
struct JoinStore: Sendable {
    let db: any Database
    let audit: AuditLog

    var now: Date { audit.clock.now() }

    // MARK: Join requests

    /// Asks to join an organisation: 422 for a bad message, 404 for an unknown organisation,
    /// 409 when already a member or already pending.
    func request(_ organisationID: UUID, message: String?, by principal: Principal) async throws -> JoinRequestRecord {
        try principal.require(DirectoryAccess.allows(principal, .requestToJoin), "ask to join organisations")
        guard let user = principal.userID else { throw DomainError.unauthenticated }
        guard try await Organisation.find(organisationID, on: db) != nil else { throw DomainError.notFound("organisation") }
        let request = try JoinRequest.open(id: UUID(), user: user, organisation: organisationID, message: message)
        let now = self.now
        return try await audit.record(.organisation(organisationID)) { tx in
            let pending = try await JoinRequestRecord.query(on: tx).filter(\.$userID == user).filter(\.$organisationID == organisationID)
                .filter(\.$state == JoinRequestState.pending.rawValue).count() > 0
            let member = try await Self.isMember(user, of: organisationID, on: tx)
            if let refusal = JoinRequest.refusal(alreadyPending: pending, alreadyMember: member) { throw refusal }
            let record = JoinRequestRecord(request, at: now)
            try await record.create(on: tx)
            try await JoinNotices.requested(request, by: try await User.find(user, on: tx)?.displayName ?? "", on: tx, at: now)
            return (record, [AuditEvent(actor: user, action: "organisation.join.request", subject: "organisation:\(UUIDText.string(organisationID))",
                                        details: ["request": UUIDText.string(request.id)])])
        }
    }

    /// A request the person may see (the requester, the organisation's members, the office); 404 otherwise.
    func find(_ id: UUID, by principal: Principal) async throws -> JoinRequestRecord {
        guard let record = try await JoinRequestRecord.find(id, on: db), let user = record.userID,
              DirectoryAccess.allows(principal, .seeJoinRequest(organisation: record.organisationID, requester: user)) else {
            throw DomainError.notFound("join request")
        }
        return record
    }

    /// Approves or refuses a pending request. Approving grants the requester membership of the
    /// organisation (what it takes to draft proposals for it).
    func decide(_ id: UUID, _ decision: String?, reason: String?, by principal: Principal) async throws -> JoinRequestRecord {
        let found = try await find(id, by: principal)
        let requester = try found.request.user
        try principal.require(DirectoryAccess.allows(principal, .decideJoinRequest(organisation: found.organisationID, requester: requester)),
                              "decide this request")
        guard let decider = principal.userID else { throw DomainError.unauthenticated }
        let decision = try Self.decision(decision)
        let now = self.now
        return try await audit.record(.organisation(found.organisationID)) { tx in
            guard let record = try await JoinRequestRecord.find(id, on: tx) else { throw DomainError.notFound("join request") }
            var request = try record.request
            try request.decide(decision, reason: reason, by: decider, at: now)
            record.apply(request)
            try await record.update(on: tx)
            var details = ["request": UUIDText.string(id), "user": UUIDText.string(request.user)]
            if decision == .approve {
                try await Self.grantMembership(request.user, of: request.organisation, by: decider, on: tx)
                details["role"] = Role.organisationMember.rawValue
            }
            try await JoinNotices.decided(request, decision, on: tx, at: now)
            return (record, [AuditEvent(actor: decider, action: "organisation.join.\(decision.rawValue)",
                                        subject: "organisation:\(UUIDText.string(request.organisation))", details: details)])
        }
    }

    /// The requester withdraws their pending request.
    func withdraw(_ id: UUID, by principal: Principal) async throws -> JoinRequestRecord {
        let found = try await find(id, by: principal)
        guard try found.request.user == principal.userID else { throw DomainError.notFound("join request") }
        let now = self.now
        return try await audit.record(.organisation(found.organisationID)) { tx in
            guard let record = try await JoinRequestRecord.find(id, on: tx) else { throw DomainError.notFound("join request") }
            var request = try record.request
            try request.withdraw(at: now)
            record.apply(request)
            try await record.update(on: tx)
            return (record, [AuditEvent(actor: request.user, action: "organisation.join.withdraw",
                                        subject: "organisation:\(UUIDText.string(request.organisation))", details: ["request": UUIDText.string(id)])])
        }
    }

    /// The requests the person sees: their own and those they may decide (the office: all),
    /// `limit` at a time, optionally in one state.
    func requests(for principal: Principal, state: JoinRequestState?, _ page: PageQuery) async throws -> SconDomain.Page<JoinRequestRecord> {
        guard let visibility = JoinRequestVisibility.of(principal) else { return SconDomain.Page(items: [], nextCursor: nil) }
        let query = JoinRequestRecord.query(on: db)
        if !visibility.all {
            let organisations = Array(visibility.organisations)
            query.group(.or) { or in
                or.filter(\.$userID == visibility.user)
                if !organisations.isEmpty { or.filter(\.$organisationID ~~ organisations) }
            }
        }
        if let state { query.filter(\.$state == state.rawValue) }
        if let cursor = page.cursor { query.filter(\.$id > cursor.id) }
        let rows = try await query.sort(\.$id).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: "", id: $0.storedID) }
    }

    /// The pending requests of one organisation the person may decide (none for others).
    func pending(of organisationID: UUID, for principal: Principal) async throws -> [JoinRequestRecord] {
        guard principal.isSignedIn else { return [] }
        let rows = try await JoinRequestRecord.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$state == JoinRequestState.pending.rawValue).sort(\.$requestedAt).all()
        return rows.filter { row in row.userID.map { DirectoryAccess.allows(principal, .decideJoinRequest(organisation: organisationID, requester: $0)) } ?? false }
    }

    /// The person's own requests, newest first.
    func mine(_ principal: Principal) async throws -> [JoinRequestRecord] {
        guard let user = principal.userID else { return [] }
        return try await JoinRequestRecord.query(on: db).filter(\.$userID == user).sort(\.$requestedAt, .descending).limit(100).all()
    }

    static func decision(_ text: String?) throws(DomainError) -> JoinDecision {
        guard let decision = JoinDecision(rawValue: text ?? "") else {
            throw .invalid([FieldIssue(field: "decision", code: "unknown", detail: "decision must be one of: approve, refuse.")])
        }
        return decision
    }

    static func isMember(_ user: UUID, of organisation: UUID, on db: any Database) async throws -> Bool {
        try await RoleGrant.query(on: db).filter(\.$userID == user).filter(\.$role == Role.organisationMember.rawValue)
            .filter(\.$scopeKind == ScopeKind.organisation.rawValue).filter(\.$scopeID == organisation.uuidString.lowercased()).count() > 0
    }

    /// The grant the administrators' page gives a member (`organisation-member` in the
    /// organisation's scope), written the same way, once.
    static func grantMembership(_ user: UUID, of organisation: UUID, by decider: UUID, on db: any Database) async throws {
        guard try await !isMember(user, of: organisation, on: db) else { return }
        let grant = Grant(role: .organisationMember, scope: .organisation(organisation.uuidString.lowercased()))
        try await RoleGrant(userID: user, grant: grant, grantedBy: decider).create(on: db)
    }

    // MARK: Registrations

    /// Proposes an organisation: 422 with every broken rule, nothing written.
    func propose(_ draft: OrganisationDraft, city: String?, by principal: Principal) async throws -> OrganisationRegistrationRecord {
        try principal.require(DirectoryAccess.allows(principal, .requestToJoin), "propose organisations")
        guard let user = principal.userID else { throw DomainError.unauthenticated }
        let countries = try await CountryQuery(db: db).codes()
        var cities: [UUID: CountryCode] = [:]
        if let cityID = UUID(uuidString: (city ?? "").trimmingCharacters(in: .whitespaces)), let found = try await City.find(cityID, on: db),
           let country = CountryCode(found.countryCode) {
            cities[cityID] = country
        }
        let (fields, cityID) = try OrganisationRegistration.validated(draft, city: city, knownCountries: countries, cities: cities)
        let registration = OrganisationRegistration(id: UUID(), proposer: user, fields: fields, city: cityID)
        let now = self.now
        return try await audit.record(.registration(registration.id)) { tx in
            let same = try await OrganisationRegistrationRecord.query(on: tx).filter(\.$proposerID == user).filter(\.$state == OrganisationRegistrationState.pending.rawValue)
                .filter(\.$nameEn == fields.name.en).count() > 0
            if same { throw JoinRefusal.registrationPending }
            let record = OrganisationRegistrationRecord(registration, at: now)
            try await record.create(on: tx)
            return (record, [AuditEvent(actor: user, action: "organisation.register", subject: "registration:\(UUIDText.string(registration.id))",
                                        details: ["name": fields.name.en, "country": fields.country.value])])
        }
    }

    /// A registration the person may see: their own, or any for the office; 404 otherwise.
    func registration(_ id: UUID, by principal: Principal) async throws -> OrganisationRegistrationRecord {
        guard let record = try await OrganisationRegistrationRecord.find(id, on: db),
              DirectoryAccess.allows(principal, .reviewRegistrations) || (principal.userID != nil && record.proposerID == principal.userID) else {
            throw DomainError.notFound("registration")
        }
        return record
    }

    /// The office approves (the organisation joins the directory and the proposer becomes its
    /// member) or refuses with a reason.
    func decideRegistration(_ id: UUID, _ decision: String?, reason: String?, by principal: Principal) async throws -> OrganisationRegistrationRecord {
        _ = try await registration(id, by: principal)
        try principal.require(DirectoryAccess.allows(principal, .reviewRegistrations), "decide proposed organisations")
        guard let decider = principal.userID else { throw DomainError.unauthenticated }
        let decision = try Self.decision(decision)
        let now = self.now
        return try await audit.record(.registration(id)) { tx in
            guard let record = try await OrganisationRegistrationRecord.find(id, on: tx) else { throw DomainError.notFound("registration") }
            var registration = try record.registration
            try registration.decide(decision, reason: reason, by: decider, at: now)
            record.apply(registration)
            var events: [AuditEvent] = []
            if decision == .approve {
                let organisation = Organisation()
                organisation.apply(registration.fields)
                organisation.sample = false
                organisation.source = "Registered on K-SCON"
                try await organisation.create(on: tx)
                record.organisationID = organisation.storedID
                try await Self.grantMembership(registration.proposer, of: organisation.storedID, by: decider, on: tx)
                events.append(AuditEvent(actor: decider, action: "organisation.register.approve", subject: "registration:\(UUIDText.string(id))",
                                         details: ["organisation": UUIDText.string(organisation.storedID), "user": UUIDText.string(registration.proposer),
                                                   "role": Role.organisationMember.rawValue]))
            } else {
                events.append(AuditEvent(actor: decider, action: "organisation.register.refuse", subject: "registration:\(UUIDText.string(id))",
                                         details: ["user": UUIDText.string(registration.proposer)]))
            }
            try await record.update(on: tx)
            return (record, events)
        }
    }

    /// The registrations the person sees: their own (the office: all), optionally in one state.
    func registrations(for principal: Principal, state: OrganisationRegistrationState?, _ page: PageQuery) async throws -> SconDomain.Page<OrganisationRegistrationRecord> {
        guard let user = principal.userID else { return SconDomain.Page(items: [], nextCursor: nil) }
        let query = OrganisationRegistrationRecord.query(on: db)
        if !DirectoryAccess.allows(principal, .reviewRegistrations) { query.filter(\.$proposerID == user) }
        if let state { query.filter(\.$state == state.rawValue) }
        if let cursor = page.cursor { query.filter(\.$id > cursor.id) }
        let rows = try await query.sort(\.$id).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: "", id: $0.storedID) }
    }
}
