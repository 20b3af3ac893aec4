import Fluent
import Foundation
import SconDomain
import Vapor

/// Reads and writes proposals. Who may see or change one is SconDomain.Principal's answer;
/// when, ProposalRules'. Every change goes to the audit log in its own transaction.
struct ProposalStore: Sendable {
    let db: any Database
    let audit: AuditLog

    /// The proposals of a call that the principal may see, by code then title.
    func visible(in callID: UUID, to principal: Principal) async throws -> [Proposal] {
        _ = try await CallStore.visibleModel(callID, by: principal, on: db)
        let visibility = CallAccess.proposalVisibility(for: principal, in: callID)
        let query = Proposal.query(on: db).filter(\.$callID == callID)
        do {
            var assigned: [UUID] = []
            if visibility.assigned, let userID = principal.userID {
                assigned = try await ReviewAssignment.query(on: db).filter(\.$callID == callID).filter(\.$reviewerID == userID).all(\.$proposalID)
            }
            query.group(.or) { or in
                if visibility.allSubmitted { or.filter(\.$state != ProposalState.draft.rawValue) }
                if !visibility.organisations.isEmpty { or.filter(\.$organisationID ~~ Array(visibility.organisations)) }
                if !visibility.countries.isEmpty {
                    or.group(.and) { $0.filter(\.$state != ProposalState.draft.rawValue).filter(\.$countryCode ~~ visibility.countries.map(\.value)) }
                }
                if !assigned.isEmpty { or.group(.and) { $0.filter(\.$state == ProposalState.submitted.rawValue).filter(\.$id ~~ assigned) } }
                // Nothing else: a group that matches no row when the person sees none.
                or.filter(\.$id == UUID())
            }
        }
        // A call has at most a few hundred proposals; their order (codes, then drafts by title) is set here.
        return try await query.all().sorted { ($0.code ?? "~", $0.title) < ($1.code ?? "~", $1.title) }
    }

    /// The proposals of the organisations the principal acts for, across calls.
    func mine(_ principal: Principal) async throws -> [Proposal] {
        let organisations = principal.organisationIDs.compactMap(UUID.init(uuidString:))
        guard !organisations.isEmpty else { return [] }
        return try await Proposal.query(on: db).filter(\.$organisationID ~~ organisations).sort(\.$updatedAt, .descending).all()
    }

    func find(_ id: UUID, by principal: Principal) async throws -> Proposal {
        try await Self.visibleModel(id, by: principal, on: db)
    }

    func create(in callID: UUID, organisationID: UUID?, _ draft: ProposalDraft, by principal: Principal, now: Date? = nil) async throws -> ProposalDTO {
        try await insert(in: callID, organisationID: organisationID, draft, by: principal, now: now, forOrganisation: false, alongside: nil)
    }

    /// For other contexts: a draft written for an organisation by someone who does not act for
    /// it — a cooperation centre's staff turning a lead into a proposal (Centres/LeadStore). The
    /// caller has checked its own policy; every rule of the call applies as in `create` (the
    /// call visible and open for drafting, the organisation eligible, the fields), and
    /// `alongside` runs in the same transaction once the draft is written (the caller's record
    /// of it: if it throws, no draft is written). The organisation's members then see, complete
    /// and submit the draft as their own.
    func createDraft(in callID: UUID, for organisationID: UUID, _ draft: ProposalDraft, by principal: Principal, now: Date? = nil,
                     alongside: @escaping @Sendable (ProposalDTO, any Database) async throws -> Void) async throws -> ProposalDTO {
        try await insert(in: callID, organisationID: organisationID, draft, by: principal, now: now, forOrganisation: true, alongside: alongside)
    }

    private func insert(in callID: UUID, organisationID: UUID?, _ draft: ProposalDraft, by principal: Principal, now: Date?, forOrganisation: Bool,
                        alongside: (@Sendable (ProposalDTO, any Database) async throws -> Void)?) async throws -> ProposalDTO {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "write proposals")
        let call = try await CallStore.visibleModel(callID, by: principal, on: db)
        guard let organisationID else {
            throw DomainError.invalid([FieldIssue(field: "organisation", code: "required", detail: "organisation is the id of the applicant organisation.")])
        }
        guard let organisation = try await Organisation.find(organisationID, on: db) else { throw DomainError.notFound("organisation") }
        if !forOrganisation {
            try principal.require(CallAccess.allows(principal, .writeProposal(organisation: organisationID)), "write proposals for this organisation")
        }
        let terms = try call.terms()
        let country = CountryCode(organisation.countryCode)!
        guard terms.eligibleCountries.contains(country) else {
            throw DomainError.invalid([FieldIssue(field: "organisation", code: "not-eligible",
                                                  detail: "organisations of \(country.value) cannot apply to this call; it is open to \(terms.eligibleCountries.map(\.value).joined(separator: ", ")).")])
        }
        if let refusal = ProposalRules.draftingRefusal(callState: try call.callState, schedule: terms.schedule, now: now) { throw refusal }
        let fields = try draft.validated(cities: try await cityCountries(draft.cityID), applicantCountry: country)
        return try await audit.record(.call(callID)) { tx in
            let model = Proposal()
            model.callID = callID
            model.organisationID = organisationID
            model.state = ProposalState.draft.rawValue
            model.sample = false
            model.createdBy = principal.userID
            model.apply(fields, country: country)
            try await model.create(on: tx)
            let dto = try ProposalDTO(model)
            try await alongside?(dto, tx)
            return (dto, [AuditEvent(actor: principal.userID, action: "proposal.create", subject: Self.subject(dto.id), details: fields)])
        }
    }

    func update(_ id: UUID, by principal: Principal, now: Date? = nil, change: @escaping @Sendable (ProposalDraft) -> ProposalDraft) async throws -> ProposalDTO {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "edit proposals")
        let existing = try await Self.writableModel(id, by: principal, on: db)
        let draft = change(ProposalDraft(try existing.fields))
        let fields = try draft.validated(cities: try await cityCountries(draft.cityID), applicantCountry: existing.country)
        return try await audit.record(.call(try await Self.callID(of: id, on: db))) { tx in
            let model = try await Self.writableModel(id, by: principal, on: tx)
            let call = try await Self.call(of: model, on: tx)
            if let refusal = ProposalRules.editRefusal(state: try model.proposalState, schedule: try call.terms().schedule, now: now) {
                throw refusal
            }
            model.apply(fields, country: model.country)
            try await model.update(on: tx)
            return (try ProposalDTO(model), [AuditEvent(actor: principal.userID, action: "proposal.update", subject: Self.subject(id), details: fields)])
        }
    }

    /// Submits the draft before the deadline and gives it its code.
    func submit(_ id: UUID, by principal: Principal, now: Date? = nil) async throws -> ProposalDTO {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "submit proposals")
        return try await audit.record(.call(try await Self.callID(of: id, on: db))) { tx in
            let model = try await Self.writableModel(id, by: principal, on: tx)
            let call = try await Self.call(of: model, on: tx)
            let schedule = try call.terms().schedule
            if let refusal = ProposalRules.submissionRefusal(state: try model.proposalState, fields: try model.fields, callState: try call.callState,
                                                             schedule: schedule, now: now) {
                throw refusal
            }
            let facts = EligibilityFacts(country: model.country, supportType: try model.fields.supportType, budget: model.budget,
                                         attachedDocuments: try await AttachmentStore.coveredDocuments(id, on: tx), endorsed: false)
            if let refusal = ProposalRules.eligibilityRefusal(Eligibility.check(facts, against: try call.terms())) { throw refusal }
            model.code = try await Self.nextCode(schedule: schedule, country: model.country, on: tx)
            model.state = ProposalState.submitted.rawValue
            model.submittedAt = now
            try await model.update(on: tx)
            let details = ["code": model.code ?? "", "submittedAt": AuditChain.timestamp(now)]
            return (try ProposalDTO(model), [AuditEvent(actor: principal.userID, action: "proposal.submit", subject: Self.subject(id), details: details)])
        }
    }

    /// The next code of the year and country, across every call of that year (two calls that
    /// open in one year number their proposals in one sequence per country).
    static func nextCode(schedule: CallSchedule, country: CountryCode, on db: any Database) async throws -> String {
        let prefix = ProposalRules.codePrefix(schedule: schedule, country: country)
        let codes = try await Proposal.query(on: db).filter(\.$code, .custom("LIKE"), prefix + "%").all(\.$code)
        let highest = codes.compactMap { $0.flatMap { ProposalRules.number(of: $0, prefix: prefix) } }.max() ?? 0
        return ProposalRules.code(schedule: schedule, country: country, number: highest + 1)
    }

    /// Withdraws a submitted proposal before the deadline; its endorsement, if any, goes
    /// and the proposals ranked after it move up.
    func withdraw(_ id: UUID, by principal: Principal, now: Date? = nil) async throws -> ProposalDTO {
        let now = now ?? audit.clock.now()
        try principal.require(principal.isSignedIn, "withdraw proposals")
        return try await audit.record(.call(try await Self.callID(of: id, on: db))) { tx in
            let model = try await Self.writableModel(id, by: principal, on: tx)
            let call = try await Self.call(of: model, on: tx)
            if let refusal = ProposalRules.withdrawalRefusal(state: try model.proposalState, schedule: try call.terms().schedule, now: now) {
                throw refusal
            }
            model.state = ProposalState.withdrawn.rawValue
            try await model.update(on: tx)
            var events = [AuditEvent(actor: principal.userID, action: "proposal.withdraw", subject: Self.subject(id), details: ["code": model.code ?? ""])]
            let ranking = try await EndorsementStore.ranking(model.callID, model.country, on: tx)
            if ranking.contains(id) {
                let remaining = ranking.filter { $0 != id }
                try await EndorsementStore.replace(model.callID, model.country, with: remaining, by: principal.userID, on: tx)
                events.append(AuditEvent(actor: principal.userID, action: "endorsement.set", subject: EndorsementStore.subject(model.callID, model.country),
                                         details: ["proposals": remaining.map { UUIDText.string($0) }, "reason": ["withdrawn: \(UUIDText.string(id))"]]))
            }
            return (try ProposalDTO(model), events)
        }
    }

    /// The eligibility check of a proposal against its call's rules, as of now.
    func eligibility(_ id: UUID, by principal: Principal) async throws -> [EligibilityResult] {
        let model = try await Self.visibleModel(id, by: principal, on: db)
        let call = try await Self.call(of: model, on: db)
        let endorsed = try await Endorsement.query(on: db).filter(\.$proposalID == id).count() > 0
        let facts = EligibilityFacts(country: model.country, supportType: try model.fields.supportType, budget: model.budget,
                                     attachedDocuments: try await AttachmentStore.coveredDocuments(id, on: db), endorsed: endorsed)
        return Eligibility.check(facts, against: try call.terms())
    }

    static func subject(_ id: UUID) -> String { "proposal:\(UUIDText.string(id))" }

    /// The call a proposal belongs to (it never changes): whose lock its writers take.
    static func callID(of id: UUID, on db: any Database) async throws -> UUID {
        guard let proposal = try await Proposal.query(on: db).filter(\.$id == id).field(\.$id).field(\.$callID).first() else {
            throw DomainError.notFound("proposal")
        }
        return proposal.callID
    }

    static func facts(_ model: Proposal, assignedToCaller: Bool = false) throws -> ProposalFacts {
        ProposalFacts(state: try model.proposalState, organisation: model.organisationID, country: model.country, call: model.callID,
                      assignedToCaller: assignedToCaller)
    }

    static func maySee(_ model: Proposal, _ principal: Principal) throws -> Bool {
        CallAccess.allows(principal, .seeProposal(try facts(model)))
    }

    /// The proposal if the principal may see it: by its role, or as an assigned reviewer.
    static func visibleModel(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Proposal {
        guard let model = try await Proposal.find(id, on: db) else { throw DomainError.notFound("proposal") }
        if try maySee(model, principal) { return model }
        if try model.proposalState == .submitted, let userID = principal.userID, try await ReviewStore.assignment(id, userID, on: db) != nil,
           CallAccess.allows(principal, .seeProposal(try facts(model, assignedToCaller: true))) { return model }
        throw DomainError.notFound("proposal")
    }

    static func writableModel(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Proposal {
        let model = try await visibleModel(id, by: principal, on: db)
        try principal.require(CallAccess.allows(principal, .writeProposal(organisation: model.organisationID)), "change this proposal")
        return model
    }

    static func call(of model: Proposal, on db: any Database) async throws -> Call {
        guard let call = try await Call.find(model.callID, on: db) else { throw DomainError.notFound("call") }
        return call
    }

    private func cityCountries(_ id: UUID?) async throws -> [UUID: CountryCode] {
        guard let id, let city = try await City.find(id, on: db), let country = CountryCode(city.countryCode) else { return [:] }
        return [id: country]
    }
}
