import Foundation

/// The facts of a proposal that decide who sees it.
public struct ProposalFacts: Sendable, Hashable {
    public var state: ProposalState
    public var organisation: UUID
    public var country: CountryCode
    public var call: UUID
    /// The caller is assigned to review it.
    public var assignedToCaller: Bool

    public init(state: ProposalState, organisation: UUID, country: CountryCode, call: UUID, assignedToCaller: Bool = false) {
        self.state = state; self.organisation = organisation; self.country = country; self.call = call
        self.assignedToCaller = assignedToCaller
    }
}

/// Who may see and do what in the open call.
public enum CallAccess {
    public enum Action: Sendable, Hashable {
        case createCall
        /// Edit a call, move it through its states, see it while a draft, run the review's
        /// assignment, decide, answer appeals, read its history: the programme office, and
        /// officers granted this one call.
        case manageCall(UUID)
        /// A call in draft is known only to those who manage it; every other call is public.
        case seeCall(UUID, CallState)
        /// Write, submit and withdraw proposals, lodge an appeal: the applicant's members.
        case writeProposal(organisation: UUID)
        /// A draft is private to its organisation; once submitted (or withdrawn) those who
        /// manage the call and the focal point of its country see it, and a submitted one its
        /// assigned reviewers.
        case seeProposal(ProposalFacts)
        /// See a proposal's result and the reviewers' comments (names hidden) once published.
        case seeResult(ProposalFacts)
        /// Endorse and rank a country's proposals: that country's focal point.
        case endorse(CountryCode)
        /// See a country's ranking: its focal point and the call's managers.
        case seeEndorsement(call: UUID, country: CountryCode)
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        switch action {
        case .createCall:
            return principal.isAdministrator || principal.isProgrammeOfficer
        case .manageCall(let id):
            return allows(principal, .createCall) || principal.holds(.programmeOfficer, in: .call(scopeID(id)))
        case .seeCall(let id, let state):
            return state != .draft || allows(principal, .manageCall(id))
        case .writeProposal(let organisation):
            return principal.holds(.organisationMember, in: .organisation(scopeID(organisation)))
        case .seeProposal(let facts):
            if allows(principal, .writeProposal(organisation: facts.organisation)) { return true }
            guard facts.state != .draft else { return false }
            if facts.state == .submitted, facts.assignedToCaller, ReviewAccess.allows(principal, .reviewFor(call: facts.call)) { return true }
            return allows(principal, .manageCall(facts.call)) || allows(principal, .endorse(facts.country))
        case .seeResult(let facts):
            return allows(principal, .writeProposal(organisation: facts.organisation)) || allows(principal, .manageCall(facts.call))
        case .endorse(let country):
            return principal.holds(.countryFocalPoint, in: .country(country))
        case .seeEndorsement(let call, let country):
            return allows(principal, .endorse(country)) || allows(principal, .manageCall(call))
        }
    }
}

/// Which calls a person sees, as a predicate a query applies (the same answer as `.seeCall`).
public struct CallVisibility: Sendable, Hashable {
    public var allDrafts: Bool
    public var drafts: Set<UUID>

    public func matches(_ call: UUID, _ state: CallState) -> Bool {
        state != .draft || allDrafts || drafts.contains(call)
    }
}

/// Which proposals of one call a person sees, as a predicate a query applies (the same answer
/// as `.seeProposal` for every proposal of that call).
public struct ProposalVisibility: Sendable, Hashable {
    /// Every submitted or withdrawn proposal of the call (its managers); drafts stay private.
    public var allSubmitted: Bool
    /// The proposals of these organisations, drafts included (their members).
    public var organisations: Set<UUID>
    /// Submitted or withdrawn proposals of these countries (their focal points).
    public var countries: Set<CountryCode>
    /// Whether submitted proposals assigned to the person for review are seen.
    public var assigned: Bool

    public func matches(_ facts: ProposalFacts) -> Bool {
        if organisations.contains(facts.organisation) { return true }
        guard facts.state != .draft else { return false }
        if allSubmitted || countries.contains(facts.country) { return true }
        return assigned && facts.state == .submitted && facts.assignedToCaller
    }
}

extension CallAccess {
    public static func callVisibility(for principal: Principal) -> CallVisibility {
        CallVisibility(allDrafts: allows(principal, .createCall),
                       drafts: Set(principal.scopes(of: .programmeOfficer, .call).compactMap(UUID.init(uuidString:))))
    }

    public static func proposalVisibility(for principal: Principal, in call: UUID) -> ProposalVisibility {
        ProposalVisibility(allSubmitted: allows(principal, .manageCall(call)), organisations: principal.organisations,
                           countries: Set(principal.scopes(of: .countryFocalPoint, .country).compactMap(CountryCode.init)),
                           assigned: ReviewAccess.allows(principal, .reviewFor(call: call)))
    }
}

extension CallAccess {
    public static var table: AccessMatrix.Table {
        let o1 = AccessMatrix.Object.organisation1, c1 = AccessMatrix.Object.call1, c2 = AccessMatrix.Object.call2
        let th = AccessMatrix.Object.thailand, vn = AccessMatrix.Object.vietnam
        let draft = ProposalFacts(state: .draft, organisation: o1, country: th, call: c1)
        let submitted = ProposalFacts(state: .submitted, organisation: o1, country: th, call: c1)
        let assigned = ProposalFacts(state: .submitted, organisation: o1, country: th, call: c1, assignedToCaller: true)
        return AccessMatrix.Table(context: "Open call", columns: [
            ("create call", { allows($0, .createCall) }),
            ("manage call 1", { allows($0, .manageCall(c1)) }),
            ("manage call 2", { allows($0, .manageCall(c2)) }),
            ("see draft call 1", { allows($0, .seeCall(c1, .draft)) }),
            ("see open call 2", { allows($0, .seeCall(c2, .open)) }),
            ("write for org 1", { allows($0, .writeProposal(organisation: o1)) }),
            ("see org 1's draft", { allows($0, .seeProposal(draft)) }),
            ("see org 1's TH submitted proposal", { allows($0, .seeProposal(submitted)) }),
            ("… as its assigned reviewer", { allows($0, .seeProposal(assigned)) }),
            ("see its result", { allows($0, .seeResult(submitted)) }),
            ("endorse TH", { allows($0, .endorse(th)) }),
            ("endorse VN", { allows($0, .endorse(vn)) }),
            ("see TH's ranking in call 1", { allows($0, .seeEndorsement(call: c1, country: th)) }),
        ])
    }
}
