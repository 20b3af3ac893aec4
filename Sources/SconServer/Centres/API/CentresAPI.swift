import Foundation
import Vapor

extension PathName {
    static let registration = PathName("registration")
    static let request = PathName("request")
    static let token = PathName("token")
    static let lead = PathName("lead")
}

/// The API of the cooperation centres and their networking events.
enum CentresAPI: APIRoute {
    case centres
    case centre(Parameter<UUID>)
    case events
    case event(Parameter<UUID>)
    case eventState(Parameter<UUID>)
    case registrations(Parameter<UUID>)
    case decision(Parameter<UUID>, Parameter<UUID>)
    case requests(Parameter<UUID>)
    case answer(Parameter<UUID>, Parameter<UUID>)
    case suggestions(Parameter<UUID>)
    case schedule(Parameter<UUID>)
    case scheduleRun(Parameter<UUID>)
    case schedulePublish(Parameter<UUID>)
    case lock(Parameter<UUID>, Parameter<UUID>)
    case agenda(Parameter<UUID>)
    case leads(Parameter<UUID>)
    case lead(Parameter<UUID>, Parameter<UUID>)
    case leadProposal(Parameter<UUID>, Parameter<UUID>)
    case checkIn(Parameter<UUID>, Parameter<UUID>)
    case outcome(Parameter<UUID>, Parameter<UUID>)

    var components: [PathComponent] {
        switch self {
        case .centres: return ["centres"]
        case .centre(let id): return ["centres", Self.segment(.id, id)]
        case .events: return ["events"]
        case .event(let id): return ["events", Self.segment(.id, id)]
        case .eventState(let id): return ["events", Self.segment(.id, id), "state"]
        case .registrations(let id): return ["events", Self.segment(.id, id), "registrations"]
        case .decision(let id, let registration): return ["events", Self.segment(.id, id), "registrations", Self.segment(.registration, registration), "decision"]
        case .requests(let id): return ["events", Self.segment(.id, id), "requests"]
        case .answer(let id, let request): return ["events", Self.segment(.id, id), "requests", Self.segment(.request, request), "answer"]
        case .suggestions(let id): return ["events", Self.segment(.id, id), "suggestions"]
        case .schedule(let id): return ["events", Self.segment(.id, id), "schedule"]
        case .scheduleRun(let id): return ["events", Self.segment(.id, id), "schedule", "run"]
        case .schedulePublish(let id): return ["events", Self.segment(.id, id), "schedule", "publish"]
        case .lock(let id, let request): return ["events", Self.segment(.id, id), "meetings", Self.segment(.request, request), "lock"]
        case .agenda(let id): return ["events", Self.segment(.id, id), "agenda"]
        case .leads(let id): return ["centres", Self.segment(.id, id), "leads"]
        case .lead(let id, let lead): return ["centres", Self.segment(.id, id), "leads", Self.segment(.lead, lead)]
        case .leadProposal(let id, let lead): return ["centres", Self.segment(.id, id), "leads", Self.segment(.lead, lead), "proposal"]
        case .checkIn(let id, let registration): return ["events", Self.segment(.id, id), "registrations", Self.segment(.registration, registration), "check-in"]
        case .outcome(let id, let request): return ["events", Self.segment(.id, id), "meetings", Self.segment(.request, request), "outcome"]
        }
    }
}
