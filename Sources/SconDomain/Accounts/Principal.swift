import Foundation

/// Who is asking: anonymous, or a signed-in user with the grants they hold.
/// Every authorisation decision of the platform is one of the `may…` functions here, so that
/// the rules are tested once, without HTTP.
public struct Principal: Sendable, Hashable {
    public var userID: UUID?
    public var grants: Set<Grant>

    public init(userID: UUID?, grants: Set<Grant>) {
        self.userID = userID
        self.grants = grants
    }

    public static let anonymous = Principal(userID: nil, grants: [])

    public var isSignedIn: Bool { userID != nil }

    public func holds(_ role: Role, in scope: Scope = .global) -> Bool {
        grants.contains(Grant(role: role, scope: scope))
    }

    public var isAdministrator: Bool { holds(.administrator) }
    /// A programme officer for the whole programme (not only one call).
    public var isProgrammeOfficer: Bool { holds(.programmeOfficer) }

    /// The organisations this person acts for.
    public var organisationIDs: Set<String> {
        Set(grants.filter { $0.role == .organisationMember }.compactMap(\.scope.id))
    }

    // MARK: Directory

    /// Contact details (e-mail, phone) of people are for signed-in members only.
    public var mayReadContactDetails: Bool { isSignedIn }

    /// Creating organisations and cities is the programme office's work.
    public var mayCreateDirectoryEntries: Bool { isAdministrator || isProgrammeOfficer }

    /// An organisation's profile and contacts are kept by its members and the programme office.
    public func mayEditOrganisation(_ id: UUID) -> Bool {
        mayCreateDirectoryEntries || holds(.organisationMember, in: .organisation(id.uuidString.lowercased()))
    }

    public var mayEditCities: Bool { mayCreateDirectoryEntries }

    // MARK: Open call

    /// Creating calls is the programme office's work.
    public var mayCreateCalls: Bool { isAdministrator || isProgrammeOfficer }

    /// Editing a call, moving it through its states, seeing it while it is a draft: the
    /// programme office, and officers granted this one call.
    public func mayManageCall(_ id: UUID) -> Bool {
        mayCreateCalls || holds(.programmeOfficer, in: .call(id.uuidString.lowercased()))
    }

    /// A call in draft is known only to those who manage it; every other call is public.
    public func maySeeCall(_ id: UUID, state: CallState) -> Bool {
        state != .draft || mayManageCall(id)
    }

    // MARK: Proposals

    /// Writing, submitting and withdrawing a proposal: the members of the applicant organisation.
    public func mayWriteProposal(of organisationID: UUID) -> Bool {
        holds(.organisationMember, in: .organisation(organisationID.uuidString.lowercased()))
    }

    /// A draft is private to its organisation. Once submitted (or withdrawn), those who
    /// manage the call and the focal point of the proposal's country see it too.
    public func maySeeProposal(state: ProposalState, organisationID: UUID, country: CountryCode, callID: UUID) -> Bool {
        if mayWriteProposal(of: organisationID) { return true }
        guard state != .draft else { return false }
        return mayManageCall(callID) || mayEndorse(for: country)
    }

    /// Endorsing and ranking a country's proposals: that country's focal point.
    public func mayEndorse(for country: CountryCode) -> Bool {
        holds(.countryFocalPoint, in: .country(country))
    }

    // MARK: Review

    /// In the reviewer pool of a call: a reviewer for the whole programme or for this call.
    public func isReviewer(for callID: UUID) -> Bool {
        holds(.reviewer) || holds(.reviewer, in: .call(callID.uuidString.lowercased()))
    }

    /// Fund managers book money (commitments, disbursements, cancellations, repayments) and
    /// record exchange rates; no one else does.
    public var mayBookMoney: Bool { holds(.fundManager) }

    /// Reading the audit log: administrators and the programme office.
    public var mayReadAuditLog: Bool { isAdministrator || isProgrammeOfficer }

    // MARK: Accounts

    /// Granting and revoking roles, listing accounts.
    public var mayManageAccounts: Bool { isAdministrator }

    /// Throws `unauthenticated` for anonymous callers and `forbidden` for signed-in ones.
    public func require(_ allowed: Bool, _ what: String) throws(DomainError) {
        guard allowed else { throw isSignedIn ? .forbidden(what) : .unauthenticated }
    }
}
