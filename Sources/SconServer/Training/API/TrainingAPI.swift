import Foundation
import Vapor

/// The API of invitation training.
enum TrainingAPI: APIRoute {
    case programmes
    case programme(Parameter<UUID>)
    case cohorts
    case cohort(Parameter<UUID>)
    case cohortApplications(Parameter<UUID>)
    case cohortCertificates(Parameter<UUID>)
    case ranking(Parameter<UUID>, Parameter<String>)
    case selection(Parameter<UUID>)
    case application(Parameter<UUID>)
    case nomination(Parameter<UUID>)
    case answer(Parameter<UUID>)
    case actionPlan(Parameter<UUID>)
    case checkIn(Parameter<UUID>, Parameter<Int>)
    case attendance(Parameter<UUID>, Parameter<Int>)
    case completion(Parameter<UUID>)
    case alumni
    case survey(Parameter<UUID>)
    case feedback(Parameter<UUID>)
    case alumniOptIn(Parameter<UUID>)
    case certificate(Parameter<String>)
    case revocation(Parameter<String>)

    var components: [PathComponent] {
        switch self {
        case .programmes: return ["programmes"]
        case .programme(let id): return ["programmes", Self.segment(.id, id)]
        case .cohorts: return ["cohorts"]
        case .cohort(let id): return ["cohorts", Self.segment(.id, id)]
        case .cohortApplications(let id): return ["cohorts", Self.segment(.id, id), "applications"]
        case .cohortCertificates(let id): return ["cohorts", Self.segment(.id, id), "certificates"]
        case .ranking(let id, let country): return ["cohorts", Self.segment(.id, id), "rankings", Self.segment(.country, country)]
        case .selection(let id): return ["cohorts", Self.segment(.id, id), "selection"]
        case .application(let id): return ["training-applications", Self.segment(.id, id)]
        case .nomination(let id): return ["training-applications", Self.segment(.id, id), "nomination"]
        case .answer(let id): return ["training-applications", Self.segment(.id, id), "answer"]
        case .actionPlan(let id): return ["training-applications", Self.segment(.id, id), "action-plan"]
        case .checkIn(let id, let session): return ["cohorts", Self.segment(.id, id), "sessions", Self.segment(.session, session), "check-in"]
        case .attendance(let id, let session): return ["cohorts", Self.segment(.id, id), "sessions", Self.segment(.session, session), "attendance"]
        case .completion(let id): return ["cohorts", Self.segment(.id, id), "completion"]
        case .alumni: return ["alumni"]
        case .survey(let id): return ["cohorts", Self.segment(.id, id), "survey"]
        case .feedback(let id): return ["cohorts", Self.segment(.id, id), "feedback"]
        case .alumniOptIn(let id): return ["training-applications", Self.segment(.id, id), "alumni"]
        case .certificate(let code): return ["certificates", Self.segment(.code, code)]
        case .revocation(let code): return ["certificates", Self.segment(.code, code), "revocation"]
        }
    }
}
