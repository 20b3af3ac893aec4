import Foundation

/// Where a request to join an organisation stands.
public enum JoinRequestState: String, Sendable, CaseIterable, Codable, Hashable {
    case pending, approved, refused, withdrawn
}

/// What the decider says about a request (or a registration): approve, or refuse with a reason.
public enum JoinDecision: String, Sendable, CaseIterable, Codable, Hashable {
    case approve, refuse
}

/// A person's request to act for an organisation of the directory. Approved by one of the
/// organisation's members or by the programme office (never by the requester); approving
/// makes the requester a member of the organisation (the `organisation-member` grant).
public struct JoinRequest: Sendable, Hashable {
    public var id: UUID
    public var user: UUID
    public var organisation: UUID
    public var message: String
    public var state: JoinRequestState
    public var decidedBy: UUID?
    public var decidedAt: Date?
    public var reason: String?

    public init(id: UUID, user: UUID, organisation: UUID, message: String, state: JoinRequestState = .pending,
                decidedBy: UUID? = nil, decidedAt: Date? = nil, reason: String? = nil) {
        self.id = id; self.user = user; self.organisation = organisation; self.message = message; self.state = state
        self.decidedBy = decidedBy; self.decidedAt = decidedAt; self.reason = reason
    }

    /// The longest message and refusal reason, in characters.
    public static let maxMessage = 1_000
    public static let maxReason = 1_000

    /// A new request: the message says who the person is and why (1–1,000 characters). Whether
    /// the person may ask now (not a member yet, nothing pending) is `refusal(…)`'s.
    public static func open(id: UUID, user: UUID, organisation: UUID, message: String?) throws(DomainError) -> JoinRequest {
        var rules = FieldRules()
        let text = rules.text(message, field: "message", max: maxMessage)
        try rules.check()
        return JoinRequest(id: id, user: user, organisation: organisation, message: text)
    }

    /// The checks that come after the input is valid: "not now" (409).
    public static func refusal(alreadyPending: Bool, alreadyMember: Bool) -> JoinRefusal? {
        if alreadyMember { return .alreadyMember }
        if alreadyPending { return .alreadyPending }
        return nil
    }

    /// Approves or refuses a pending request; a refusal needs a reason (1–1,000 characters).
    public mutating func decide(_ decision: JoinDecision, reason: String?, by decider: UUID, at now: Date) throws -> Void {
        guard state == .pending else { throw JoinRefusal.notPending(state) }
        let reasonText = try JoinDecisionRules.reason(decision, reason)
        state = decision == .approve ? .approved : .refused
        self.reason = reasonText
        decidedBy = decider
        decidedAt = now
    }

    /// The requester withdraws a pending request.
    public mutating func withdraw(at now: Date) throws(JoinRefusal) {
        guard state == .pending else { throw .notPending(state) }
        state = .withdrawn
        decidedBy = user
        decidedAt = now
    }
}

/// The reason rule shared by join requests and organisation registrations.
public enum JoinDecisionRules {
    /// A refusal names its reason (1–1,000 characters); an approval may add a note.
    public static func reason(_ decision: JoinDecision, _ reason: String?) throws(DomainError) -> String? {
        var rules = FieldRules()
        let text = decision == .refuse
            ? rules.text(reason, field: "reason", max: JoinRequest.maxReason)
            : rules.optionalText(reason, field: "reason", max: JoinRequest.maxReason)
        try rules.check()
        return text
    }
}

/// Why a join request or a registration cannot move now (409), localized from `refusal.join.<key>`.
public enum JoinRefusal: Refusal, Hashable {
    case alreadyPending
    case alreadyMember
    case notPending(JoinRequestState)
    case registrationNotPending(OrganisationRegistrationState)
    case registrationPending

    public var key: String {
        switch self {
        case .alreadyPending: "join.alreadyPending"
        case .alreadyMember: "join.alreadyMember"
        case .notPending: "join.notPending"
        case .registrationNotPending: "join.registrationNotPending"
        case .registrationPending: "join.registrationPending"
        }
    }

    public var values: [String: RefusalValue] {
        switch self {
        case .notPending(let state): ["state": .key("joinstate.\(state.rawValue)")]
        case .registrationNotPending(let state): ["state": .key("registrationstate.\(state.rawValue)")]
        default: [:]
        }
    }

    public var description: String {
        switch self {
        case .alreadyPending: "you already have a pending request to join this organisation."
        case .alreadyMember: "you are already a member of this organisation."
        case .notPending(let state): "the request is \(state.rawValue); only a pending request can be decided or withdrawn."
        case .registrationNotPending(let state): "the registration is \(state.rawValue); only a pending registration can be decided."
        case .registrationPending: "you already have a registration under review with this name."
        }
    }
}

/// Where a proposed organisation stands: under review, in the directory, or refused.
public enum OrganisationRegistrationState: String, Sendable, CaseIterable, Codable, Hashable {
    case pending, approved, refused
}

/// A signed-in person proposes an organisation that is not in the directory yet. It is not
/// public until the programme office approves it; then it joins the directory and the
/// proposer becomes its member.
public struct OrganisationRegistration: Sendable, Hashable {
    public var id: UUID
    public var proposer: UUID
    public var fields: OrganisationDraft.Fields
    public var city: UUID?
    public var state: OrganisationRegistrationState
    public var decidedBy: UUID?
    public var decidedAt: Date?
    public var reason: String?

    public init(id: UUID, proposer: UUID, fields: OrganisationDraft.Fields, city: UUID?, state: OrganisationRegistrationState = .pending,
                decidedBy: UUID? = nil, decidedAt: Date? = nil, reason: String? = nil) {
        self.id = id; self.proposer = proposer; self.fields = fields; self.city = city; self.state = state
        self.decidedBy = decidedBy; self.decidedAt = decidedAt; self.reason = reason
    }

    /// Checks a proposal: the organisation's fields (name in both languages, type, country,
    /// website) and its city, which must be a city of the directory in that country.
    /// `cities` maps the directory's city ids to their countries.
    public static func validated(_ draft: OrganisationDraft, city: String?, knownCountries: Set<CountryCode>,
                                 cities: [UUID: CountryCode]) throws(DomainError) -> (OrganisationDraft.Fields, UUID?) {
        var issues: [FieldIssue] = []
        var fields: OrganisationDraft.Fields?
        do { fields = try draft.validated(knownCountries: knownCountries) } catch { if case .invalid(let found) = error { issues = found } else { throw error } }
        var cityID: UUID?
        let text = (city ?? "").trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            if let id = UUID(uuidString: text), let country = cities[id] {
                if let chosen = CountryCode(draft.country ?? ""), chosen != country {
                    issues.append(FieldIssue(field: "city", code: "other-country", detail: "city is not in the organisation's country."))
                }
                cityID = id
            } else {
                issues.append(FieldIssue(field: "city", code: "unknown", detail: "city must be the id of a city of the directory."))
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return (fields!, cityID)
    }

    public mutating func decide(_ decision: JoinDecision, reason: String?, by decider: UUID, at now: Date) throws {
        guard state == .pending else { throw JoinRefusal.registrationNotPending(state) }
        let reasonText = try JoinDecisionRules.reason(decision, reason)
        state = decision == .approve ? .approved : .refused
        self.reason = reasonText
        decidedBy = decider
        decidedAt = now
    }
}
