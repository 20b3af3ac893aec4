import Foundation

/// The facts of a project that decide who sees and changes it.
public struct ProjectAccessFacts: Sendable, Hashable {
    public struct Participation: Sendable, Hashable {
        public var organisation: UUID
        public var role: ProjectRole
        public init(organisation: UUID, role: ProjectRole) { self.organisation = organisation; self.role = role }
    }

    /// The call it came from; nil for a lead found elsewhere.
    public var callID: UUID?
    /// That call's state.
    public var callState: CallState?
    public var stage: ProjectStage
    /// The organisations taking part, with their roles.
    public var participants: [Participation]
    /// The cooperation centre whose lead board holds it, if any.
    public var centre: UUID?

    public init(callID: UUID?, callState: CallState?, stage: ProjectStage, participants: [Participation], centre: UUID? = nil) {
        self.callID = callID; self.callState = callState; self.stage = stage; self.participants = participants; self.centre = centre
    }
}

/// Who may see and change projects.
///
/// Managers (the programme office) do everything. Fund managers see every project (they book
/// its money) and its non-public documents. A project of the open call is public once its
/// call's results are published; before that only the call's managers see it. A lead (found
/// outside the call) is internal: the programme office, fund managers, the staff of the centre
/// whose board holds it (not other centres') and the organisations working on it (lead,
/// partner, financier, consultant) see it;
/// past the lead stage it is public. A beneficiary alone does not see a lead. The members of a
/// participating organisation add deliverable versions, actual days and indicators.
public enum ProjectAccess {
    public enum Action: Sendable, Hashable {
        case manage
        /// Record a lead: the programme office anywhere; a centre's staff on their centre's board (`centre`).
        case recordLead(centre: UUID?)
        case see(ProjectAccessFacts)
        /// Add versions, actual days of milestones and indicators.
        case contribute(ProjectAccessFacts)
        /// Read documents that are not public.
        case readNonPublic(ProjectAccessFacts)
        /// Read the bids of the project's tender: the programme office and fund managers.
        case readBids
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        let manager = principal.isAdministrator || principal.isProgrammeOfficer
        switch action {
        case .manage:
            return manager
        case .recordLead(let centre):
            return manager || (centre.map { CentreAccess.staff(principal, of: $0) } ?? false)
        case .see(let facts):
            if manager || principal.holds(.fundManager) { return true }
            if let call = facts.callID {
                return facts.callState == .published || CallAccess.allows(principal, .manageCall(call))
            }
            if facts.stage != .lead { return true }
            if let centre = facts.centre, CentreAccess.staff(principal, of: centre) { return true }
            return takesPart(principal, facts, beneficiaryCounts: false)
        case .contribute(let facts):
            return manager || (allows(principal, .see(facts)) && takesPart(principal, facts, beneficiaryCounts: true))
        case .readBids:
            return manager || principal.holds(.fundManager)
        case .readNonPublic(let facts):
            return manager || principal.holds(.fundManager) || (allows(principal, .see(facts)) && takesPart(principal, facts, beneficiaryCounts: true))
        }
    }

    static func takesPart(_ principal: Principal, _ facts: ProjectAccessFacts, beneficiaryCounts: Bool) -> Bool {
        let mine = principal.organisations
        return facts.participants.contains { mine.contains($0.organisation) && (beneficiaryCounts || $0.role != .beneficiary) }
    }
}

/// Which projects a person sees, as a predicate a database query can apply: the same answer
/// as `ProjectAccess.allows(_, .see(_))` for every project (a test checks it), so that lists are
/// filtered and paginated in SQL.
public struct ProjectVisibility: Sendable, Hashable {
    /// Every project.
    public var everything: Bool
    /// Calls whose projects this person sees before the results are published.
    public var managedCalls: Set<UUID>
    /// Centres whose leads this person sees (their staff).
    public var leadCentres: Set<UUID>
    /// Organisations whose leads this person sees (taking part other than as beneficiary).
    public var organisations: Set<UUID>

    /// Projects of a published call and projects past the lead stage are seen by everyone.
    public func matches(_ facts: ProjectAccessFacts) -> Bool {
        if everything { return true }
        if let call = facts.callID { return facts.callState == .published || managedCalls.contains(call) }
        if facts.stage != .lead { return true }
        if let centre = facts.centre, leadCentres.contains(centre) { return true }
        return facts.participants.contains { organisations.contains($0.organisation) && $0.role != .beneficiary }
    }
}

extension ProjectAccess {
    public static func visibility(for principal: Principal) -> ProjectVisibility {
        let manager = principal.isAdministrator || principal.isProgrammeOfficer
        return ProjectVisibility(everything: manager || principal.holds(.fundManager),
                                 managedCalls: Set(principal.scopes(of: .programmeOfficer, .call).compactMap(UUID.init(uuidString:))),
                                 leadCentres: CentreAccess.centres(of: principal), organisations: principal.organisations)
    }
}

extension ProjectAccess {
    public static var table: AccessMatrix.Table {
        let o1 = AccessMatrix.Object.organisation1, c1 = AccessMatrix.Object.call1
        let lead = ProjectAccessFacts(callID: nil, callState: nil, stage: .lead, participants: [.init(organisation: o1, role: .partner)])
        let beneficiaryLead = ProjectAccessFacts(callID: nil, callState: nil, stage: .lead, participants: [.init(organisation: o1, role: .beneficiary)])
        let centreLead = ProjectAccessFacts(callID: nil, callState: nil, stage: .lead, participants: [.init(organisation: o1, role: .beneficiary)],
                                            centre: AccessMatrix.Object.centre1)
        let otherCentreLead = ProjectAccessFacts(callID: nil, callState: nil, stage: .lead, participants: [],
                                                 centre: UUID(uuidString: "00000000-0000-4000-8000-0000000000e2")!)
        let unpublished = ProjectAccessFacts(callID: c1, callState: .inReview, stage: .selected, participants: [.init(organisation: o1, role: .lead)])
        let published = ProjectAccessFacts(callID: c1, callState: .published, stage: .studyInProgress, participants: [.init(organisation: o1, role: .lead)])
        return AccessMatrix.Table(context: "Pipeline", columns: [
            ("manage projects", { allows($0, .manage) }),
            ("record a lead", { allows($0, .recordLead(centre: nil)) }),
            ("record centre 1's lead", { allows($0, .recordLead(centre: AccessMatrix.Object.centre1)) }),
            ("see a lead with org 1 as partner", { allows($0, .see(lead)) }),
            ("see a lead with org 1 as beneficiary", { allows($0, .see(beneficiaryLead)) }),
            ("see centre 1's lead", { allows($0, .see(centreLead)) }),
            ("see centre 2's lead", { allows($0, .see(otherCentreLead)) }),
            ("see call 1's project before results", { allows($0, .see(unpublished)) }),
            ("see call 1's project after results", { allows($0, .see(published)) }),
            ("contribute to it (org 1 leads)", { allows($0, .contribute(published)) }),
            ("read its non-public documents", { allows($0, .readNonPublic(published)) }),
            ("read bids", { allows($0, .readBids) }),
        ])
    }
}
