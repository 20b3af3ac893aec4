import Foundation
import Vapor

/// The pages of invitation training.
enum TrainingURL: SiteRoute {
    /// Programmes and their cohorts.
    case training
    /// The programme office's list of programmes, and its forms.
    case programmes
    case newProgramme
    case editProgramme(Parameter<UUID>)
    /// The programme office's form for a new cohort.
    case newCohort
    /// The programme office's form for a cohort's feedback survey.
    case survey(Parameter<UUID>)
    case cohort(Parameter<UUID>)
    case apply(Parameter<UUID>)
    case application(Parameter<UUID>)
    case nominate(Parameter<UUID>)
    case answer(Parameter<UUID>)
    case sessionCode(Parameter<UUID>, Parameter<Int>)
    case checkIn(Parameter<UUID>, Parameter<Int>)
    case actionPlan(Parameter<UUID>)
    case alumni
    case feedback(Parameter<UUID>)
    case invitation(Parameter<UUID>)
    case alumniOptIn(Parameter<UUID>)
    case ranking(Parameter<UUID>, Parameter<String>)
    /// The public verification page of a certificate (what its QR code opens).
    case certificate(Parameter<String>)
    /// The printable certificate (its holder and the programme office).
    case printable(Parameter<String>)
    case revoke(Parameter<String>)

    var pathComponents: [PathComponent] {
        switch self {
        case .training: return ["training"]
        case .programmes: return ["training", "programmes"]
        case .newProgramme: return ["training", "programmes", "new"]
        case .editProgramme(let id): return ["training", "programmes", Self.segment(.id, id), "edit"]
        case .newCohort: return ["training", "cohorts", "new"]
        case .survey(let id): return ["training", "cohorts", Self.segment(.id, id), "survey"]
        case .cohort(let id): return ["training", "cohorts", Self.segment(.id, id)]
        case .apply(let id): return ["training", "cohorts", Self.segment(.id, id), "apply"]
        case .application(let id): return ["training", "applications", Self.segment(.id, id)]
        case .nominate(let id): return ["training", "applications", Self.segment(.id, id), "nominate"]
        case .answer(let id): return ["training", "applications", Self.segment(.id, id), "answer"]
        case .actionPlan(let id): return ["training", "applications", Self.segment(.id, id), "action-plan"]
        case .alumni: return ["training", "alumni"]
        case .feedback(let id): return ["training", "cohorts", Self.segment(.id, id), "feedback"]
        case .invitation(let id): return ["training", "applications", Self.segment(.id, id), "invitation"]
        case .alumniOptIn(let id): return ["training", "applications", Self.segment(.id, id), "alumni"]
        case .sessionCode(let id, let session): return ["training", "cohorts", Self.segment(.id, id), "sessions", Self.segment(.session, session), "code"]
        case .checkIn(let id, let session): return ["training", "cohorts", Self.segment(.id, id), "sessions", Self.segment(.session, session), "check-in"]
        case .ranking(let id, let country): return ["training", "cohorts", Self.segment(.id, id), "ranking", Self.segment(.country, country)]
        case .certificate(let code): return ["certificates", Self.segment(.code, code)]
        case .printable(let code): return ["certificates", Self.segment(.code, code), "print"]
        case .revoke(let code): return ["certificates", Self.segment(.code, code), "revoke"]
        }
    }
}
