import Crypto
import Fluent
import Foundation
import SconDomain

/// A training programme: what it teaches, how and by whom; it runs as one or more cohorts.
final class TrainingProgramme: Model, @unchecked Sendable {
    static let schema = "training_programmes"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "description_en") var descriptionEn: String
    @Field(key: "description_ko") var descriptionKo: String
    /// Topic codes, comma-separated.
    @Field(key: "topics") var topics: String
    @Field(key: "format") var format: String
    /// Languages of instruction, comma-separated (`en,ko`).
    @Field(key: "languages") var languages: String
    @Field(key: "length_days") var lengthDays: Int
    @Field(key: "host_en") var hostEn: String
    @Field(key: "host_ko") var hostKo: String
    /// The organisation that hosts it, when it is in the directory.
    @OptionalField(key: "host_organisation_id") var hostOrganisationID: UUID?
    /// The supported project this training comes with, if any.
    @OptionalField(key: "project_id") var projectID: UUID?
    /// The call whose selected proposals it serves, if any.
    @OptionalField(key: "call_id") var callID: UUID?
    @Field(key: "sample") var sample: Bool

    init() {}

    var title: LocalizedText { LocalizedText(en: titleEn, ko: titleKo) }
    var description: LocalizedText { LocalizedText(en: descriptionEn, ko: descriptionKo) }
    var host: LocalizedText { LocalizedText(en: hostEn, ko: hostKo) }
    var topicList: [TrainingTopic] { get throws { try Self.storedList(topics, separator: ",", "topics") { TrainingTopic(rawValue: $0) } } }
    var languageList: [InstructionLanguage] { get throws { try Self.storedList(languages, separator: ",", "languages") { InstructionLanguage(rawValue: $0) } } }
    var trainingFormat: TrainingFormat { get throws { try Self.known(format, "format") } }
}

/// A cohort of a programme: its terms (`CohortTerms`, stored as JSON) and the secret of its
/// attendance codes (32 random bytes, never shown).
final class TrainingCohort: Model, @unchecked Sendable {
    static let schema = "training_cohorts"

    @ID(key: .id) var id: UUID?
    @Field(key: "programme_id") var programmeID: UUID
    @Field(key: "code") var code: String
    /// `CohortTerms` as JSON.
    @Field(key: "terms") var termsJSON: String
    /// The first day, for ordering lists (`YYYY-MM-DD`).
    @Field(key: "start_day") var startDay: String
    /// Whether people other than the programme office see it.
    @Field(key: "published") var published: Bool
    /// Base64 of 32 random bytes: the HMAC key of the attendance codes.
    @Field(key: "attendance_secret") var attendanceSecret: String
    /// The selection was confirmed (the decisions are recorded on the applications).
    @OptionalField(key: "selection_confirmed_at") var selectionConfirmedAt: Date?
    /// The cohort's feedback survey (`FeedbackSurvey` as JSON), once the office has set one.
    @OptionalField(key: "feedback_survey") var feedbackSurveyJSON: String?
    @Field(key: "sample") var sample: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var terms: CohortTerms { get throws { try Self.storedJSON(termsJSON, "terms") } }
    var feedbackSurvey: FeedbackSurvey? { get throws { try feedbackSurveyJSON.map { try Self.storedJSON($0, "feedback_survey") } } }

    static func newSecret() -> String {
        var random = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }).base64EncodedString()
    }
}

/// An official's application to a cohort, through their organisation.
final class TraineeApplicationRecord: Model, @unchecked Sendable {
    static let schema = "training_applications"

    @ID(key: .id) var id: UUID?
    @Field(key: "cohort_id") var cohortID: UUID
    /// The applicant's account; nil once the account is erased (or for sample trainees without one).
    @OptionalField(key: "user_id") var userID: UUID?
    /// The name printed on the certificate.
    @Field(key: "trainee_name") var traineeName: String
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "country") var country: String
    @Field(key: "level") var level: String
    @Field(key: "state") var state: String
    @Field(key: "motivation") var motivation: String
    @Field(key: "action_plan_idea") var actionPlanIdea: String
    /// Indexes of the required documents provided, comma-separated.
    @Field(key: "documents") var documents: String
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "nominated_at") var nominatedAt: Date?
    @OptionalField(key: "rank") var rank: Int?
    @OptionalField(key: "offer_deadline") var offerDeadline: Date?
    /// The confirmed selection's decision (`TraineeDecision` as JSON).
    @OptionalField(key: "decision") var decisionJSON: String?
    /// The trainee's action plan for their city (seen by them, their focal point and officers).
    @OptionalField(key: "action_plan") var actionPlan: String?
    @OptionalField(key: "action_plan_at") var actionPlanAt: Date?
    /// The alumnus agreed to appear in the alumni directory.
    @Field(key: "alumni_opt_in") var alumniOptIn: Bool
    @Field(key: "sample") var sample: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var facts: TraineeApplicationFacts {
        get throws { TraineeApplicationFacts(applicant: userID, organisation: organisationID, country: try countryCode) }
    }

    var countryCode: CountryCode {
        get throws {
            guard let code = CountryCode(country) else { throw UnknownStoredValue(table: Self.schema, column: "country", value: country) }
            return code
        }
    }

    var decision: TraineeDecision? { get throws { try decisionJSON.map { try Self.storedJSON($0, "decision") } } }

    /// The domain's value of this row.
    var application: TraineeApplication {
        get throws {
            var value = TraineeApplication(id: storedID, country: try countryCode, organisation: organisationID, level: try Self.known(level, "level"))
            value.state = try Self.known(state, "state")
            value.motivation = motivation
            value.actionPlanIdea = actionPlanIdea
            value.documents = Set(try Self.storedList(documents, separator: ",", "documents") { Int($0) })
            value.submittedAt = submittedAt
            value.nominatedAt = nominatedAt
            value.rank = rank
            value.offerDeadline = offerDeadline
            return value
        }
    }

    /// Writes a domain value's state back to the row.
    func apply(_ value: TraineeApplication) {
        state = value.state.rawValue
        motivation = value.motivation
        actionPlanIdea = value.actionPlanIdea
        documents = value.documents.sorted().map(String.init).joined(separator: ",")
        submittedAt = value.submittedAt
        nominatedAt = value.nominatedAt
        rank = value.rank
        offerDeadline = value.offerDeadline
    }
}

/// A certificate of completion with its verification code (valid for life unless revoked).
final class CertificateRecord: Model, @unchecked Sendable {
    static let schema = "training_certificates"

    @ID(key: .id) var id: UUID?
    /// The twelve symbols without dashes (`K7QF9MZCXR50`).
    @Field(key: "code") var code: String
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "cohort_id") var cohortID: UUID
    @Field(key: "trainee_name") var traineeName: String
    @Field(key: "programme_en") var programmeEn: String
    @Field(key: "programme_ko") var programmeKo: String
    @Field(key: "cohort_en") var cohortEn: String
    @Field(key: "cohort_ko") var cohortKo: String
    @Field(key: "start_day") var startDay: String
    @Field(key: "end_day") var endDay: String
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @OptionalField(key: "revocation_reason") var revocationReason: String?
    @Field(key: "sample") var sample: Bool

    init() {}

    var certificate: Certificate {
        get throws {
            guard let code = CertificateCode(code) else { throw UnknownStoredValue(table: Self.schema, column: "code", value: code) }
            guard let start = CalendarDay(startDay), let end = CalendarDay(endDay) else {
                throw UnknownStoredValue(table: Self.schema, column: "start_day", value: "\(startDay)/\(endDay)")
            }
            return Certificate(code: code, application: applicationID, traineeName: traineeName,
                               programme: LocalizedText(en: programmeEn, ko: programmeKo), cohort: LocalizedText(en: cohortEn, ko: cohortKo),
                               dates: DayRange(start, end), issuedAt: issuedAt,
                               revocation: revokedAt.map { Certificate.Revocation(at: $0, reason: revocationReason ?? "") })
        }
    }

    convenience init(_ certificate: Certificate, cohortID: UUID, sample: Bool) {
        self.init()
        id = UUID()
        code = certificate.code.value
        applicationID = certificate.application
        self.cohortID = cohortID
        traineeName = certificate.traineeName
        programmeEn = certificate.programme.en; programmeKo = certificate.programme.ko
        cohortEn = certificate.cohort.en; cohortKo = certificate.cohort.ko
        startDay = certificate.dates.start.description; endDay = certificate.dates.end.description
        issuedAt = certificate.issuedAt
        revokedAt = certificate.revocation?.at
        revocationReason = certificate.revocation?.reason
        self.sample = sample
    }
}

/// One trainee's presence at one session: checked in with the room's code, or marked by staff.
final class AttendanceRecord: Model, @unchecked Sendable {
    static let schema = "training_attendance"

    enum How: String, Sendable { case code, staff }

    @ID(key: .id) var id: UUID?
    @Field(key: "cohort_id") var cohortID: UUID
    /// The session's place in the cohort's list (0, 1, …).
    @Field(key: "session_index") var sessionIndex: Int
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "how") var how: String
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}
}

extension TrainingCohort {
    /// The HMAC key of the attendance codes.
    var attendanceKey: [UInt8] {
        get throws {
            guard let data = Data(base64Encoded: attendanceSecret), data.count == 32 else {
                throw UnknownStoredValue(table: Self.schema, column: "attendance_secret", value: "(not 32 bytes of base64)")
            }
            return Array(data)
        }
    }

    /// A stable id for session `index` of this cohort (what the attendance code is bound to).
    func sessionID(_ index: Int) -> UUID {
        var bytes = Array(SHA256.hash(data: Data("scon-training-session:\(UUIDText.string(storedID)):\(index)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// One trainee's answers to the cohort's survey. The row knows whose (one response each);
/// the summary never shows it.
final class FeedbackRecord: Model, @unchecked Sendable {
    static let schema = "training_feedback"

    @ID(key: .id) var id: UUID?
    @Field(key: "cohort_id") var cohortID: UUID
    @Field(key: "application_id") var applicationID: UUID
    /// `[String: FeedbackSurvey.Answer]` as JSON.
    @Field(key: "answers") var answersJSON: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var answers: [String: FeedbackSurvey.Answer] { get throws { try Self.storedJSON(answersJSON, "answers") } }
}
