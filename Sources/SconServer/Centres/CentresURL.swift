import Foundation
import Vapor

/// The pages of the cooperation centres and their events.
enum CentresURL: SiteRoute {
    case centres
    case centre(Parameter<UUID>)
    case leadProposal(Parameter<UUID>)
    /// The board's "new lead" form.
    case newLead(Parameter<UUID>)
    /// A lead moved on the board, or its owner, next action and due day changed.
    case moveLead(Parameter<UUID>, Parameter<UUID>)
    /// The centre's record, edited by its staff and the programme office.
    case editCentre(Parameter<UUID>)
    /// A new event of a centre.
    case newEvent(Parameter<UUID>)
    /// A new event of the ministry.
    case newMinistryEvent
    case editEvent(Parameter<UUID>)
    case event(Parameter<UUID>)
    case eventCalendar(Parameter<UUID>)
    case eventState(Parameter<UUID>)
    case register(Parameter<UUID>)
    case scheduleRun(Parameter<UUID>)
    case schedulePublish(Parameter<UUID>)
    case agenda(Parameter<UUID>)
    case feed(Parameter<UUID>, Parameter<String>)
    case decision(Parameter<UUID>, Parameter<UUID>)
    case requests(Parameter<UUID>)
    case answer(Parameter<UUID>, Parameter<UUID>)
    case lock(Parameter<UUID>, Parameter<UUID>)
    case checkIn(Parameter<UUID>, Parameter<UUID>)
    case outcome(Parameter<UUID>, Parameter<UUID>)

    var pathComponents: [PathComponent] {
        switch self {
        case .centres: return ["centres"]
        case .centre(let id): return ["centres", Self.segment(.id, id)]
        case .leadProposal(let id): return ["centres", Self.segment(.id, id), "leads", "proposal"]
        case .newLead(let id): return ["centres", Self.segment(.id, id), "leads", "new"]
        case .moveLead(let id, let lead): return ["centres", Self.segment(.id, id), "leads", Self.segment(.lead, lead), "move"]
        case .editCentre(let id): return ["centres", Self.segment(.id, id), "edit"]
        case .newEvent(let id): return ["centres", Self.segment(.id, id), "events", "new"]
        case .newMinistryEvent: return ["events", "new"]
        case .editEvent(let id): return ["events", Self.segment(.id, id), "edit"]
        case .event(let id): return ["events", Self.segment(.id, id)]
        case .eventCalendar(let id): return ["events", Self.segment(.id, id), "event.ics"]
        case .eventState(let id): return ["events", Self.segment(.id, id), "state"]
        case .register(let id): return ["events", Self.segment(.id, id), "register"]
        case .scheduleRun(let id): return ["events", Self.segment(.id, id), "schedule", "run"]
        case .schedulePublish(let id): return ["events", Self.segment(.id, id), "schedule", "publish"]
        case .agenda(let id): return ["events", Self.segment(.id, id), "agenda"]
        case .feed(let id, let token): return ["events", Self.segment(.id, id), "feed", Self.segment(.token, token)]
        case .decision(let id, let registration): return ["events", Self.segment(.id, id), "registrations", Self.segment(.registration, registration), "decision"]
        case .requests(let id): return ["events", Self.segment(.id, id), "requests"]
        case .answer(let id, let request): return ["events", Self.segment(.id, id), "requests", Self.segment(.request, request), "answer"]
        case .lock(let id, let request): return ["events", Self.segment(.id, id), "meetings", Self.segment(.request, request), "lock"]
        case .checkIn(let id, let registration): return ["events", Self.segment(.id, id), "registrations", Self.segment(.registration, registration), "check-in"]
        case .outcome(let id, let request): return ["events", Self.segment(.id, id), "meetings", Self.segment(.request, request), "outcome"]
        }
    }
}
