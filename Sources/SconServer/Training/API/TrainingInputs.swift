import Foundation
import SconDomain
import Vapor

/// `POST /api/v1/cohorts`: a programme's new cohort (the terms as in docs/training.md).
struct CohortInput: Decodable, Sendable {
    var programme: UUID?
    var code: String?
    var published: Bool
    var draft = CohortDraft()

    enum Field: String, CodingKey, CaseIterable {
        case programme, code, published, title, venueTimeZone, startDay, endDay, capacity, quota, eligibleCountries, eligibleLevels
        case eligibilityNote, applicationOpens, applicationDeadline, rankingDeadline, applicationTimeZone, sessions, requiredDocuments
        case minimumAttendancePercent, actionPlanRequired, acceptanceDays
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        programme = try c.decodeIfPresent(UUID.self, forKey: .programme)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        published = try c.decodeIfPresent(Bool.self, forKey: .published) ?? true
        draft.title = try c.decodeIfPresent(TextInput.self, forKey: .title)?.text
        draft.venueTimeZone = try c.decodeIfPresent(String.self, forKey: .venueTimeZone)
        draft.startDay = try c.decodeIfPresent(String.self, forKey: .startDay)
        draft.endDay = try c.decodeIfPresent(String.self, forKey: .endDay)
        draft.capacity = try c.decodeIfPresent(Int.self, forKey: .capacity)
        draft.quota = try c.decodeIfPresent(QuotaInput.self, forKey: .quota)?.quota
        draft.eligibleCountries = try c.decodeIfPresent([String].self, forKey: .eligibleCountries)
        draft.eligibleLevels = try c.decodeIfPresent([String].self, forKey: .eligibleLevels)
        draft.eligibilityNote = try c.decodeIfPresent(TextInput.self, forKey: .eligibilityNote)?.text
        draft.applicationOpens = try c.decodeIfPresent(String.self, forKey: .applicationOpens)
        draft.applicationDeadline = try c.decodeIfPresent(String.self, forKey: .applicationDeadline)
        draft.rankingDeadline = try c.decodeIfPresent(String.self, forKey: .rankingDeadline)
        draft.applicationTimeZone = try c.decodeIfPresent(String.self, forKey: .applicationTimeZone)
        draft.sessions = try c.decodeIfPresent([SessionInput].self, forKey: .sessions)?.map(\.session)
        draft.requiredDocuments = try c.decodeIfPresent([TextInput].self, forKey: .requiredDocuments)?.map(\.text)
        draft.minimumAttendancePercent = try c.decodeIfPresent(Int.self, forKey: .minimumAttendancePercent)
        draft.actionPlanRequired = try c.decodeIfPresent(Bool.self, forKey: .actionPlanRequired)
        draft.acceptanceDays = try c.decodeIfPresent(Int.self, forKey: .acceptanceDays)
    }

    /// `{"en": …, "ko": …}`, both required.
    struct TextInput: Decodable, Sendable {
        var text: LocalizedText
        enum Field: String, CodingKey, CaseIterable { case en, ko }
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            text = LocalizedText(en: try c.decodeIfPresent(String.self, forKey: .en) ?? "", ko: try c.decodeIfPresent(String.self, forKey: .ko) ?? "")
        }
    }

    /// `{"atMost": n}` or `{"fixed": {"TH": 3}}`.
    struct QuotaInput: Decodable, Sendable {
        var quota: CohortDraft.Quota
        enum Field: String, CodingKey, CaseIterable { case atMost, fixed }
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            quota = CohortDraft.Quota(atMost: try c.decodeIfPresent(Int.self, forKey: .atMost), fixed: try c.decodeIfPresent([String: Int].self, forKey: .fixed))
        }
    }

    /// One session: day, times, topic, venue and/or online link.
    struct SessionInput: Decodable, Sendable {
        var session: CohortDraft.Session
        enum Field: String, CodingKey, CaseIterable { case day, starts, ends, topic, venue, onlineLink }
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            session = CohortDraft.Session(day: try c.decodeIfPresent(String.self, forKey: .day), starts: try c.decodeIfPresent(String.self, forKey: .starts),
                                          ends: try c.decodeIfPresent(String.self, forKey: .ends), topic: try c.decodeIfPresent(TextInput.self, forKey: .topic)?.text,
                                          venue: try c.decodeIfPresent(TextInput.self, forKey: .venue)?.text,
                                          onlineLink: try c.decodeIfPresent(String.self, forKey: .onlineLink))
        }
    }
}

/// `POST /api/v1/cohorts/{id}/applications`: an official applies.
struct TraineeApplicationInput: Decodable, Sendable {
    var request: TrainingStore.ApplicationRequest

    enum Field: String, CodingKey, CaseIterable { case organisation, level, motivation, actionPlanIdea, documents }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        request = TrainingStore.ApplicationRequest(organisation: try c.decodeIfPresent(UUID.self, forKey: .organisation),
                                                   level: try c.decodeIfPresent(String.self, forKey: .level),
                                                   motivation: try c.decodeIfPresent(String.self, forKey: .motivation),
                                                   actionPlanIdea: try c.decodeIfPresent(String.self, forKey: .actionPlanIdea),
                                                   documents: try c.decodeIfPresent([Int].self, forKey: .documents))
    }
}

/// `PUT /api/v1/cohorts/{id}/rankings/{country}`: the focal point's order of nominees.
struct RankingInput: Decodable, Sendable {
    var applications: [UUID]
    enum Field: String, CodingKey, CaseIterable { case applications }
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        applications = try c.decode([UUID].self, forKey: .applications)
    }
}

/// `POST /api/v1/cohorts/{id}/selection`: confirm, with the officer's adjustments.
struct SelectionInput: Decodable, Sendable {
    var adjustments: [SelectionAdjustment]
    enum Field: String, CodingKey, CaseIterable { case adjustments }
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        adjustments = try c.decodeIfPresent([AdjustmentInput].self, forKey: .adjustments)?.map(\.adjustment) ?? []
    }

    struct AdjustmentInput: Decodable, Sendable {
        var adjustment: SelectionAdjustment
        enum Field: String, CodingKey, CaseIterable { case application, action, reason }
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            let actionText = try c.decode(String.self, forKey: .action)
            guard let action = SelectionAdjustment.Action(rawValue: actionText) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Field.action], debugDescription: "is force-in or force-out."))
            }
            adjustment = SelectionAdjustment(application: try c.decode(UUID.self, forKey: .application), action: action,
                                             reason: try c.decode(String.self, forKey: .reason))
        }
    }
}

/// `POST /api/v1/certificates/{code}/revocation`.
struct RevocationInput: Decodable, Sendable {
    var reason: String?
    enum Field: String, CodingKey, CaseIterable { case reason }
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
    }
}

/// `POST /api/v1/training-applications/{id}/answer`: accept, decline or withdraw.
struct AnswerInput: Decodable, Sendable {
    var answer: TrainingStore.Answer
    enum Field: String, CodingKey, CaseIterable { case answer }
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        let text = try c.decode(String.self, forKey: .answer)
        guard let answer = TrainingStore.Answer(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Field.answer], debugDescription: "is accept, decline or withdraw."))
        }
        self.answer = answer
    }
}

/// `POST …/sessions/{session}/check-in`: the code shown in the room.
struct CheckInInput: Decodable, Sendable {
    var code: String?
    enum Field: String, CodingKey, CaseIterable { case code }
    init(from decoder: any Decoder) throws {
        code = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .code)
    }
}

/// `POST …/sessions/{session}/attendance`: staff mark a trainee present.
struct MarkInput: Decodable, Sendable {
    var application: UUID?
    enum Field: String, CodingKey, CaseIterable { case application }
    init(from decoder: any Decoder) throws {
        application = try decoder.strictFields(Field.self).decodeIfPresent(UUID.self, forKey: .application)
    }
}

/// `PUT /api/v1/training-applications/{id}/action-plan`.
struct ActionPlanInput: Decodable, Sendable {
    var text: String?
    enum Field: String, CodingKey, CaseIterable { case text }
    init(from decoder: any Decoder) throws {
        text = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .text)
    }
}

extension Request {
    /// The session index of the path (404 when it is not a number).
    func sessionIndex() throws -> Int {
        guard let index = Int(parameter(.session)), index >= 0 else { throw DomainError.notFound("session") }
        return index
    }
}

/// `PUT /api/v1/training-applications/{id}/alumni`.
struct AlumniOptInInput: Decodable, Sendable {
    var optIn: Bool
    enum Field: String, CodingKey, CaseIterable { case optIn }
    init(from decoder: any Decoder) throws {
        optIn = try decoder.strictFields(Field.self).decode(Bool.self, forKey: .optIn)
    }
}

/// `PUT /api/v1/cohorts/{id}/survey`.
struct SurveyInput: Decodable, Sendable {
    var questions: [FeedbackSurvey.Question]
    enum Field: String, CodingKey, CaseIterable { case questions }
    init(from decoder: any Decoder) throws {
        questions = try decoder.strictFields(Field.self).decode([QuestionInput].self, forKey: .questions).map(\.question)
    }

    struct QuestionInput: Decodable, Sendable {
        var question: FeedbackSurvey.Question
        enum Field: String, CodingKey, CaseIterable { case key, kind, text, required }
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            let kindText = try c.decode(String.self, forKey: .kind)
            guard let kind = FeedbackSurvey.Question.Kind(rawValue: kindText) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + [Field.kind], debugDescription: "is scale or text."))
            }
            question = FeedbackSurvey.Question(key: try c.decode(String.self, forKey: .key), kind: kind,
                                               text: try c.decode(CohortInput.TextInput.self, forKey: .text).text,
                                               required: try c.decodeIfPresent(Bool.self, forKey: .required) ?? false)
        }
    }
}

/// `POST /api/v1/cohorts/{id}/feedback`: answers by question key (numbers 1–5 or text).
struct FeedbackInput: Decodable, Sendable {
    var answers: [String: FeedbackSurvey.Answer]
    enum Field: String, CodingKey, CaseIterable { case answers }
    init(from decoder: any Decoder) throws {
        answers = try decoder.strictFields(Field.self).decode([String: FeedbackSurvey.Answer].self, forKey: .answers)
    }
}

/// `POST /api/v1/programmes`, `PUT /api/v1/programmes/{id}`: a programme's terms (`ProgrammeDraft`).
struct ProgrammeInput: Decodable, Sendable {
    var draft = ProgrammeDraft()

    enum Field: String, CodingKey, CaseIterable { case code, title, description, topics, format, languages, lengthDays, hostOrganisation, call, project }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        draft.code = try c.decodeIfPresent(String.self, forKey: .code)
        draft.title = try c.decodeIfPresent(CohortInput.TextInput.self, forKey: .title)?.text
        draft.description = try c.decodeIfPresent(CohortInput.TextInput.self, forKey: .description)?.text
        draft.topics = try c.decodeIfPresent([String].self, forKey: .topics)
        draft.format = try c.decodeIfPresent(String.self, forKey: .format)
        draft.languages = try c.decodeIfPresent([String].self, forKey: .languages)
        draft.lengthDays = try c.decodeIfPresent(Int.self, forKey: .lengthDays)
        draft.hostOrganisation = try c.decodeIfPresent(UUID.self, forKey: .hostOrganisation)
        draft.call = try c.decodeIfPresent(UUID.self, forKey: .call)
        draft.project = try c.decodeIfPresent(UUID.self, forKey: .project)
    }
}

extension ProgrammeInput.Field: NullableFields { static var nullable: Set<String> { ["call", "project"] } }
