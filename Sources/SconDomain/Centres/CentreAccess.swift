import Foundation

/// The facts of a networking event that decide who sees and runs it.
public struct EventAccessFacts: Sendable, Hashable {
    /// The organising centre; nil when the ministry organises it.
    public var centre: UUID?
    public var state: EventState

    public init(centre: UUID?, state: EventState) {
        self.centre = centre
        self.state = state
    }
}

/// The facts of a registration that decide who sees it.
public struct RegistrationAccessFacts: Sendable, Hashable {
    /// The account that registered.
    public var owner: UUID
    public var validated: Bool

    public init(owner: UUID, validated: Bool) {
        self.owner = owner
        self.validated = validated
    }
}

/// Who may do what with cooperation centres and their networking events.
///
/// Centres and events past their draft are public. The programme office (administrators and
/// programme officers) runs every centre and every event, including the ministry's; a centre's
/// staff edit their own centre, keep its lead board and organise its events, and nothing of
/// another centre. Any signed-in person registers for an event. A registration is seen by the
/// person who made it and the organisers; once matchmaking opens, validated participants are
/// listed publicly. A participant's agenda and calendar feed are theirs and the organisers'.
public enum CentreAccess {
    public enum Action: Sendable, Hashable {
        /// Create centres and organise the ministry's events.
        case manageCentres
        /// Edit this centre's record.
        case editCentre(UUID)
        /// See and keep this centre's lead board and its numbers.
        case keepBoard(UUID)
        /// Create and run events for this organiser (a centre, or nil for the ministry).
        case organise(centre: UUID?)
        case seeEvent(EventAccessFacts)
        case register(EventAccessFacts)
        case seeRegistration(EventAccessFacts, RegistrationAccessFacts)
        /// Act for a registration (requests, answers, agenda, feed): its owner only.
        case actFor(RegistrationAccessFacts)
        /// Read a participant's agenda: the owner and the organisers.
        case readAgenda(EventAccessFacts, RegistrationAccessFacts)
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        let manager = principal.isAdministrator || principal.isProgrammeOfficer
        switch action {
        case .manageCentres:
            return manager
        case .editCentre(let centre), .keepBoard(let centre):
            return manager || staff(principal, of: centre)
        case .organise(let centre):
            return manager || (centre.map { staff(principal, of: $0) } ?? false)
        case .seeEvent(let facts):
            return facts.state != .draft || allows(principal, .organise(centre: facts.centre))
        case .register(let facts):
            return principal.isSignedIn && allows(principal, .seeEvent(facts))
        case .seeRegistration(let event, let registration):
            if allows(principal, .organise(centre: event.centre)) || principal.userID == registration.owner { return true }
            return registration.validated && event.state.listsParticipants
        case .actFor(let registration):
            return principal.userID == registration.owner
        case .readAgenda(let event, let registration):
            return principal.userID == registration.owner || allows(principal, .organise(centre: event.centre))
        }
    }

    static func staff(_ principal: Principal, of centre: UUID) -> Bool {
        principal.holds(.centreStaff, in: .centre(centre.uuidString.lowercased()))
    }

    /// The centres this person is staff of (for their home page and "what is due").
    public static func centres(of principal: Principal) -> Set<UUID> {
        Set(principal.scopes(of: .centreStaff, .centre).compactMap(UUID.init(uuidString:)))
    }
}

extension CentreAccess {
    public static var table: AccessMatrix.Table {
        let e1 = AccessMatrix.Object.centre1, other = UUID(uuidString: "00000000-0000-4000-8000-0000000000e2")!
        let draft = EventAccessFacts(centre: e1, state: .draft)
        let matchmaking = EventAccessFacts(centre: e1, state: .matchmaking)
        let otherEvent = EventAccessFacts(centre: other, state: .open)
        let someone = RegistrationAccessFacts(owner: UUID(uuidString: "00000000-0000-4000-8000-0000000000f1")!, validated: false)
        let validated = RegistrationAccessFacts(owner: someone.owner, validated: true)
        return AccessMatrix.Table(context: "Centres", columns: [
            ("manage centres, ministry events", { allows($0, .manageCentres) }),
            ("edit centre 1", { allows($0, .editCentre(e1)) }),
            ("keep centre 1's board", { allows($0, .keepBoard(e1)) }),
            ("organise centre 1's events", { allows($0, .organise(centre: e1)) }),
            ("organise centre 2's events", { allows($0, .organise(centre: other)) }),
            ("see a draft event of centre 1", { allows($0, .seeEvent(draft)) }),
            ("register for an open event", { allows($0, .register(otherEvent)) }),
            ("see another's unvalidated registration", { allows($0, .seeRegistration(matchmaking, someone)) }),
            ("see a validated participant (matchmaking)", { allows($0, .seeRegistration(matchmaking, validated)) }),
            ("read another's agenda (centre 1's event)", { allows($0, .readAgenda(matchmaking, someone)) }),
        ])
    }
}

/// Which events a person sees, as a predicate the list applies in SQL: the same answer as
/// `CentreAccess.allows(_, .seeEvent(_))` for every event (a test checks it).
public struct EventVisibility: Sendable, Hashable {
    /// Every event, drafts included (the programme office).
    public var everything: Bool
    /// Centres whose drafts this person sees (their staff).
    public var centres: Set<UUID>

    public func matches(_ facts: EventAccessFacts) -> Bool {
        everything || facts.state != .draft || facts.centre.map(centres.contains) == true
    }
}

extension CentreAccess {
    public static func eventVisibility(for principal: Principal) -> EventVisibility {
        EventVisibility(everything: allows(principal, .manageCentres), centres: centres(of: principal))
    }
}
