import Fluent
import Foundation
import SconDomain

/// An event's numbers: registrations by country and side, requests, the acceptance rate,
/// meetings scheduled against held.
struct EventNumbers: Sendable {
    var registrationsByCountry: [(country: String, count: Int)]
    var registrationsBySide: [(side: ParticipantSide, count: Int)]
    var requests: Int
    var accepted: Int
    var declined: Int
    var expired: Int
    var scheduled: Int
    var held: Int
    var noShow: Int
    /// Leads put on a centre's board as follow-ups of the event's meetings.
    var leads: Int

    /// Accepted among answered or expired requests, in percent; nil before any.
    var acceptanceRate: Int? {
        let decided = accepted + declined + expired
        return decided == 0 ? nil : Int((Double(accepted) * 100 / Double(decided)).rounded())
    }

    init(registrations: [EventRegistration], requests rows: [MeetingRequestRecord], answerHours: Int, now: Date, leads: Int = 0) throws {
        self.leads = leads
        let counted = registrations.filter { $0.status != RegistrationStatus.refused.rawValue }
        registrationsByCountry = Dictionary(grouping: counted, by: \.country).map { ($0.key, $0.value.count) }.sorted { $0.country < $1.country }
        var sides: [ParticipantSide: Int] = [:]
        for row in counted { sides[try row.side, default: 0] += 1 }
        registrationsBySide = ParticipantSide.allCases.compactMap { side in sides[side].map { (side, $0) } }
        let own = rows.filter { !$0.byOrganiser }
        requests = own.count
        let states = try own.map { try $0.effectiveState(answerHours: answerHours, now: now) }
        accepted = states.filter { $0 == .accepted }.count
        declined = states.filter { $0 == .declined }.count
        expired = states.filter { $0 == .expired }.count
        scheduled = rows.filter { $0.published != nil }.count
        held = rows.filter { $0.published != nil && $0.outcome == "held" }.count
        noShow = rows.filter { $0.published != nil && $0.outcome == "no-show" }.count
    }
}

extension EventNumbers {
    /// The numbers of one event, with the leads its meetings became.
    static func of(_ event: CentreEvent, registrations: [EventRegistration], requests: [MeetingRequestRecord], now: Date, on db: any Database) async throws -> EventNumbers {
        let leads = requests.isEmpty ? 0 : try await CentreLead.query(on: db).filter(\.$meetingID ~~ requests.map(\.storedID)).count()
        return try EventNumbers(registrations: registrations, requests: requests, answerHours: event.answerHours, now: now, leads: leads)
    }
}
