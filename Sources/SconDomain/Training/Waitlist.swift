import Foundation

/// The seats of a confirmed cohort and its waitlist. When a seat frees (an offer declined,
/// a trainee withdrawn, an offer lapsed), the first person on the waitlist whose country is
/// below its quota is offered it; people whose country is at its quota are skipped and keep
/// their place (the freed seat's country counts one fewer, so its own waitlisted people are
/// not skipped). An offer runs for the cohort's days to accept, but never past the cohort's
/// start, and no offer is made from the start on. Pure: each move returns the new waitlist
/// and what happened, for the caller to store and to tell people (in their language).
public struct Waitlist: Sendable, Hashable, Codable {
    /// A seat and who holds it. `offerDeadline` is nil once the offer is accepted.
    public struct Seat: Sendable, Hashable, Codable {
        public var application: UUID
        public var country: CountryCode
        public var offerDeadline: Date?
        public init(application: UUID, country: CountryCode, offerDeadline: Date?) {
            self.application = application
            self.country = country
            self.offerDeadline = offerDeadline
        }
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var application: UUID
        public var country: CountryCode
        public init(application: UUID, country: CountryCode) {
            self.application = application
            self.country = country
        }
    }

    /// What a move did, in order.
    public enum Event: Sendable, Hashable, Codable {
        /// The seat holder declined, withdrew or was withdrawn.
        case released(UUID)
        /// The offer was not accepted by its deadline.
        case lapsed(UUID)
        /// Moved up: offered a seat until `deadline`; tell them.
        case offered(UUID, deadline: Date)
        /// Passed over because the country is at its quota; keeps its place.
        case skipped(UUID, country: CountryCode, quota: Int)
        /// A seat stays empty: nobody on the waitlist fits a quota, or the waitlist is empty.
        case seatLeftEmpty
        /// The cohort has started: no more offers.
        case closed
    }

    /// Why a move is refused (409).
    public enum Refusal: SconDomain.Refusal, Hashable {
        case noSeat(UUID)
        case offerExpired(deadline: String)

        public var key: String {
            switch self {
            case .noSeat: "waitlist.noSeat"
            case .offerExpired: "waitlist.offerExpired"
            }
        }

        public var values: [String: RefusalValue] {
            if case .offerExpired(let deadline) = self { return ["deadline": .text(deadline)] }
            return [:]
        }

        public var description: String {
            switch self {
            case .noSeat(let id): "\(id.uuidString.lowercased()) holds no seat of this cohort."
            case .offerExpired(let deadline): "the offer expired at \(deadline); the seat has moved on."
            }
        }
    }

    public var capacity: Int
    public var quota: CountryQuota
    public var acceptanceDays: Int
    /// The cohort's start: offers end then.
    public var offersEnd: Date
    public var seats: [Seat]
    /// First to move up first.
    public var queue: [Entry]

    public init(capacity: Int, quota: CountryQuota, acceptanceDays: Int, offersEnd: Date, seats: [Seat], queue: [Entry]) {
        self.capacity = capacity
        self.quota = quota
        self.acceptanceDays = acceptanceDays
        self.offersEnd = offersEnd
        self.seats = seats
        self.queue = queue
    }

    /// The waitlist right after a selection is confirmed: the selected hold offers until
    /// their deadline, the waitlisted queue in their order.
    public init(terms: CohortTerms, selection: TraineeSelectionResult, confirmedAt: Date) {
        let deadline = Self.offerDeadline(from: confirmedAt, days: terms.acceptanceDays, offersEnd: terms.startsAt)
        self.init(capacity: terms.capacity, quota: terms.quota, acceptanceDays: terms.acceptanceDays, offersEnd: terms.startsAt,
                  seats: selection.decisions.filter { $0.outcome == .selected }.map { Seat(application: $0.application, country: $0.country, offerDeadline: deadline) },
                  queue: selection.waitlist.map { Entry(application: $0.application, country: $0.country) })
    }

    /// `days` after `now`, but not past the cohort's start.
    public static func offerDeadline(from now: Date, days: Int, offersEnd: Date) -> Date {
        min(now.addingTimeInterval(TimeInterval(days) * 86_400), offersEnd)
    }

    /// The seats `country` holds.
    public func seats(of country: CountryCode) -> Int { seats.filter { $0.country == country }.count }

    /// Someone holding a seat (offered or accepted) declined or withdrew at `now`: the seat
    /// frees, lapsed offers move on, and free seats go down the waitlist.
    public func next(after released: UUID, now: Date) throws(Refusal) -> (waitlist: Waitlist, events: [Event]) {
        guard let index = seats.firstIndex(where: { $0.application == released }) else { throw .noSeat(released) }
        var result = self
        result.seats.remove(at: index)
        var events: [Event] = [.released(released)]
        result.expire(now: now, events: &events)
        result.fill(now: now, events: &events)
        return (result, events)
    }

    /// Lapses every offer whose deadline has passed at `now` and moves the seats on: the
    /// server runs it on a schedule (and `next` runs it too).
    public func expiring(now: Date) -> (waitlist: Waitlist, events: [Event]) {
        var result = self
        var events: [Event] = []
        result.expire(now: now, events: &events)
        result.fill(now: now, events: &events)
        return (result, events)
    }

    /// The holder of an offered seat accepts before the deadline.
    public func accepting(_ application: UUID, now: Date) throws(Refusal) -> Waitlist {
        guard let index = seats.firstIndex(where: { $0.application == application }) else { throw .noSeat(application) }
        if let deadline = seats[index].offerDeadline, now >= deadline { throw .offerExpired(deadline: AuditChain.timestamp(deadline)) }
        var result = self
        result.seats[index].offerDeadline = nil
        return result
    }

    /// Someone on the waitlist leaves it (declines or withdraws): the others move up a place.
    public func leaving(_ application: UUID) -> Waitlist {
        var result = self
        result.queue.removeAll { $0.application == application }
        return result
    }

    private mutating func expire(now: Date, events: inout [Event]) {
        for seat in seats {
            if let deadline = seat.offerDeadline, now >= deadline { events.append(.lapsed(seat.application)) }
        }
        seats.removeAll { seat in seat.offerDeadline.map { now >= $0 } ?? false }
    }

    private mutating func fill(now: Date, events: inout [Event]) {
        guard seats.count < capacity else { return }
        guard now < offersEnd else {
            events.append(.closed)
            return
        }
        var skipped = Set<UUID>()
        while seats.count < capacity {
            guard let index = queue.firstIndex(where: { seats(of: $0.country) < quota.limit(for: $0.country) }) else {
                for entry in queue where !skipped.contains(entry.application) {
                    events.append(.skipped(entry.application, country: entry.country, quota: quota.limit(for: entry.country)))
                }
                events.append(.seatLeftEmpty)
                return
            }
            for entry in queue[..<index] where !skipped.contains(entry.application) {
                skipped.insert(entry.application)
                events.append(.skipped(entry.application, country: entry.country, quota: quota.limit(for: entry.country)))
            }
            let entry = queue.remove(at: index)
            let deadline = Self.offerDeadline(from: now, days: acceptanceDays, offersEnd: offersEnd)
            seats.append(Seat(application: entry.application, country: entry.country, offerDeadline: deadline))
            events.append(.offered(entry.application, deadline: deadline))
        }
    }
}
