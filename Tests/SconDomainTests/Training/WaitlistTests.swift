import Foundation
import Testing
@testable import SconDomain

@Suite struct WaitlistTests {
    typealias F = TrainingFixtures
    static let confirmed = F.at("2026-04-10T00:00:00Z")

    /// Capacity 3, at most 2 per country. Round 1 fills the seats: TH 1, VN 3, PH 7. The
    /// waitlist: TH 2, VN 5 (round 2), TH 4, VN 9 (round 3), TH 6 (round 4); TH is nominated
    /// first in each round.
    static func waitlist() throws -> Waitlist {
        let terms = F.terms(capacity: 3, quota: .init(atMost: 2))
        let candidates = [F.candidate(1, F.th, rank: 1, nominated: 1), F.candidate(3, F.vn, rank: 1, nominated: 2),
                          F.candidate(7, F.ph, rank: 1, nominated: 3), F.candidate(2, F.th, rank: 2, nominated: 1),
                          F.candidate(5, F.vn, rank: 2, nominated: 2), F.candidate(4, F.th, rank: 3, nominated: 1),
                          F.candidate(9, F.vn, rank: 3, nominated: 2), F.candidate(6, F.th, rank: 4, nominated: 1)]
        let result = try TraineeSelection.select(cohort: terms, candidates: candidates)
        #expect(result.selected == [F.uuid(1), F.uuid(3), F.uuid(7)])
        return Waitlist(terms: terms, selection: result, confirmedAt: confirmed)
    }

    static func ids(_ numbers: Int...) -> [UUID] { numbers.map(F.uuid) }

    @Test func theNextPersonMovesUpWithoutBreakingAQuota() throws {
        let start = try Self.waitlist()
        #expect(start.queue.map(\.application) == Self.ids(2, 5, 4, 9, 6))
        #expect(start.seats.allSatisfy { $0.offerDeadline == F.at("2026-04-17T00:00:00Z") })
        let now = F.at("2026-04-12T09:00:00Z")
        let week = F.at("2026-04-19T09:00:00Z")
        // PH 7 declines: TH 2 moves up, with seven days to accept. TH now holds its quota of 2.
        let (a, first) = try start.next(after: F.uuid(7), now: now)
        #expect(first == [.released(F.uuid(7)), .offered(F.uuid(2), deadline: week)])
        #expect(a.seats(of: F.th) == 2)
        // VN 3 declines: VN 5 moves up.
        let (b, second) = try a.next(after: F.uuid(3), now: now)
        #expect(second == [.released(F.uuid(3)), .offered(F.uuid(5), deadline: week)])
        #expect(b.queue.map(\.application) == Self.ids(4, 9, 6))
        // VN 5 declines: TH 4 is first but TH is at its quota, so it is skipped (keeping its
        // place) and VN 9 moves up.
        let (c, third) = try b.next(after: F.uuid(5), now: now)
        #expect(third == [.released(F.uuid(5)), .skipped(F.uuid(4), country: F.th, quota: 2), .offered(F.uuid(9), deadline: week)])
        #expect(c.queue.map(\.application) == Self.ids(4, 6))
        // TH 1 withdraws: TH gets its place back, and TH 4 moves up.
        let (d, fourth) = try c.next(after: F.uuid(1), now: now)
        #expect(fourth == [.released(F.uuid(1)), .offered(F.uuid(4), deadline: week)])
        #expect(d.seats(of: F.th) == 2 && d.seats(of: F.vn) == 1 && d.queue.map(\.application) == Self.ids(6))
        #expect(throws: Waitlist.Refusal.noSeat(F.uuid(6))) { try d.next(after: F.uuid(6), now: now) }
    }

    @Test func anOfferThatLapsesMovesTheSeatOn() throws {
        let waitlist = try Self.waitlist()
        let accepted = try waitlist.accepting(F.uuid(1), now: F.at("2026-04-16T23:59:59Z"))
        #expect(accepted.seats.first { $0.application == F.uuid(1) }?.offerDeadline == nil)
        #expect(throws: Waitlist.Refusal.offerExpired(deadline: "2026-04-17T00:00:00.000Z")) {
            try accepted.accepting(F.uuid(3), now: F.at("2026-04-17T00:00:00Z"))
        }
        // Nothing lapses before a deadline.
        #expect(accepted.expiring(now: F.at("2026-04-16T23:59:59Z")).events.isEmpty)
        // At the deadline VN 3 and PH 7 lapse (TH 1 accepted): TH 2 and VN 5 move up.
        let (after, events) = accepted.expiring(now: F.at("2026-04-17T00:00:00Z"))
        let week = F.at("2026-04-24T00:00:00Z")
        #expect(events == [.lapsed(F.uuid(3)), .lapsed(F.uuid(7)), .offered(F.uuid(2), deadline: week), .offered(F.uuid(5), deadline: week)])
        #expect(after.seats.count == 3 && after.queue.map(\.application) == Self.ids(4, 9, 6))
    }

    @Test func offersEndWhenTheCohortStarts() throws {
        let waitlist = try Self.waitlist()
        let start = F.terms().startsAt
        // Three days before the start, an offer runs until the start, not seven days.
        let (after, events) = try waitlist.accepting(F.uuid(1), now: F.at("2026-04-13T00:00:00Z"))
            .accepting(F.uuid(7), now: F.at("2026-04-13T00:00:00Z"))
            .next(after: F.uuid(3), now: F.at("2026-05-07T15:00:00Z"))
        #expect(events == [.released(F.uuid(3)), .offered(F.uuid(2), deadline: start)])
        #expect(after.seats.count == 3)
        // From the start on, a freed seat is not offered again.
        let (closed, closedEvents) = try after.next(after: F.uuid(7), now: start)
        #expect(closedEvents == [.released(F.uuid(7)), .lapsed(F.uuid(2)), .closed])
        #expect(closed.seats.map(\.application) == Self.ids(1))
    }

    @Test func aSeatStaysEmptyWhenNobodyWaitingFitsAQuota() throws {
        // VN 5 and VN 9 leave the waitlist; only TH people wait.
        let waitlist = try Self.waitlist().leaving(F.uuid(5)).leaving(F.uuid(9))
        let now = F.at("2026-04-12T00:00:00Z")
        let (a, _) = try waitlist.next(after: F.uuid(3), now: now)
        #expect(a.seats(of: F.th) == 2)
        let (b, events) = try a.next(after: F.uuid(7), now: now)
        #expect(events == [.released(F.uuid(7)), .skipped(F.uuid(4), country: F.th, quota: 2),
                           .skipped(F.uuid(6), country: F.th, quota: 2), .seatLeftEmpty])
        #expect(b.seats.count == 2)
        // TH 2 declines: TH 4 takes a seat; TH 6 is over TH's quota again, so one seat stays empty.
        let (c, later) = try b.next(after: F.uuid(2), now: now)
        #expect(later == [.released(F.uuid(2)), .offered(F.uuid(4), deadline: F.at("2026-04-19T00:00:00Z")),
                          .skipped(F.uuid(6), country: F.th, quota: 2), .seatLeftEmpty])
        #expect(c.seats(of: F.th) == 2 && c.seats.count == 2)
    }

    /// Random cohorts and random sequences of declines, acceptances and expiries: the seats
    /// never exceed the capacity or a quota, nobody is twice, and no seat stays empty while
    /// someone who fits waits.
    @Test func quotasHoldThroughAnySequenceOfMoves() throws {
        var random = SplitMix64(seed: 4226)
        let countries = Array(CountryCode.asean.prefix(5))
        for _ in 0..<300 {
            let capacity = Int.random(in: 1...10, using: &random)
            let limit = Int.random(in: 1...capacity, using: &random)
            let terms = F.terms(capacity: capacity, quota: .init(atMost: limit))
            var nextRank: [CountryCode: Int] = [:]
            let candidates = (0..<Int.random(in: 1...30, using: &random)).map { number -> TraineeCandidate in
                let country = countries[Int.random(in: 0..<countries.count, using: &random)]
                nextRank[country, default: 0] += 1
                return F.candidate(number, country, rank: nextRank[country], nominated: Int.random(in: 0...5, using: &random))
            }
            var waitlist = Waitlist(terms: terms, selection: try TraineeSelection.select(cohort: terms, candidates: candidates),
                                    confirmedAt: Self.confirmed)
            var now = Self.confirmed
            for _ in 0..<20 {
                now = now.addingTimeInterval(Double(Int.random(in: 0...(3 * 86_400), using: &random)))
                let roll = random.nextUnit()
                if roll < 0.4, let seat = waitlist.seats.randomElement(using: &random) {
                    waitlist = (try? waitlist.next(after: seat.application, now: now).waitlist) ?? waitlist
                } else if roll < 0.6, let seat = waitlist.seats.randomElement(using: &random) {
                    waitlist = (try? waitlist.accepting(seat.application, now: now)) ?? waitlist
                } else if roll < 0.7, let entry = waitlist.queue.randomElement(using: &random) {
                    waitlist = waitlist.leaving(entry.application)
                } else {
                    waitlist = waitlist.expiring(now: now).waitlist
                }
                #expect(waitlist.seats.count <= capacity)
                for country in countries { #expect(waitlist.seats(of: country) <= limit) }
                let everyone = waitlist.seats.map(\.application) + waitlist.queue.map(\.application)
                #expect(Set(everyone).count == everyone.count)
                if now < waitlist.offersEnd, waitlist.seats.count < capacity {
                    #expect(!waitlist.queue.contains { waitlist.seats(of: $0.country) < limit })
                }
            }
        }
    }
}
