import Fluent
import Foundation
import SconDomain

extension PathName {
    static let session = PathName("session")
}

/// Attendance, the action plan, and completion with its certificates.
extension TrainingStore {
    /// The code shown in the room for session `index` now (the programme office).
    func currentCode(cohort cohortID: UUID, session index: Int, by principal: Principal) async throws -> (view: CohortView, code: String) {
        try principal.require(TrainingAccess.allows(principal, .manage), "show attendance codes")
        let view = try await cohort(cohortID, by: principal)
        guard view.terms.sessions.indices.contains(index) else { throw DomainError.notFound("session") }
        return (view, AttendanceCode.code(secret: try view.cohort.attendanceKey, session: view.cohort.sessionID(index), at: now))
    }

    /// The caller's accepted application to the cohort (to check in and hand in the plan).
    func ownAcceptedApplication(cohort cohortID: UUID, by principal: Principal, on db: any Database) async throws -> TraineeApplicationRecord {
        guard let user = principal.userID else { throw DomainError.unauthenticated }
        guard let row = try await TraineeApplicationRecord.query(on: db).filter(\.$cohortID == cohortID).filter(\.$userID == user).first(),
              row.state == TraineeApplicationState.accepted.rawValue else {
            throw DomainError.forbidden("check in: you are not a trainee of this cohort")
        }
        return row
    }

    /// A trainee types the code shown in the room: the current minute's or the one before
    /// counts; an older one (a forwarded code) is `expired`, anything else `wrong` (422).
    func checkIn(cohort cohortID: UUID, session index: Int, code typed: String?, by principal: Principal) async throws -> AttendanceRecord {
        let view = try await cohort(cohortID, by: principal)
        guard view.terms.sessions.indices.contains(index) else { throw DomainError.notFound("session") }
        let now = self.now
        let key = try view.cohort.attendanceKey
        let session = view.cohort.sessionID(index)
        return try await audit.record(.cohort(cohortID)) { tx in
            let application = try await ownAcceptedApplication(cohort: cohortID, by: principal, on: tx)
            switch AttendanceCode.verify(typed ?? "", secret: key, session: session, at: now) {
            case .accepted: break
            case .expired: throw DomainError.invalid([FieldIssue(field: "code", code: "expired", detail: "this code has changed; type the one on the screen now.")])
            case .wrong, .malformed: throw DomainError.invalid([FieldIssue(field: "code", code: "wrong-code", detail: "this is not the code of this session.")])
            }
            let record = try await Self.mark(cohortID, index, application.storedID, how: .code, by: principal.userID, at: now, on: tx)
            return (record, [AuditEvent(actor: principal.userID, action: "attendance.checkIn", subject: "application:\(UUIDText.string(application.storedID))",
                                        details: ["session": String(index)])])
        }
    }

    /// Staff mark a trainee present at a session.
    func mark(cohort cohortID: UUID, session index: Int, application id: UUID?, by principal: Principal) async throws -> AttendanceRecord {
        try principal.require(TrainingAccess.allows(principal, .manage), "mark attendance")
        let view = try await cohort(cohortID, by: principal)
        guard view.terms.sessions.indices.contains(index) else { throw DomainError.notFound("session") }
        let now = self.now
        return try await audit.record(.cohort(cohortID)) { tx in
            guard let id, let application = try await TraineeApplicationRecord.find(id, on: tx), application.cohortID == cohortID,
                  application.state == TraineeApplicationState.accepted.rawValue else {
                throw DomainError.invalid([FieldIssue(field: "application", code: "not-trainee", detail: "application is an accepted trainee of this cohort.")])
            }
            let record = try await Self.mark(cohortID, index, id, how: .staff, by: principal.userID, at: now, on: tx)
            return (record, [AuditEvent(actor: principal.userID, action: "attendance.mark", subject: "application:\(UUIDText.string(id))",
                                        details: ["session": String(index)])])
        }
    }

    static func mark(_ cohort: UUID, _ index: Int, _ application: UUID, how: AttendanceRecord.How, by user: UUID?, at now: Date,
                     on tx: any Database) async throws -> AttendanceRecord {
        if let existing = try await AttendanceRecord.query(on: tx).filter(\.$applicationID == application).filter(\.$sessionIndex == index).first() {
            return existing
        }
        let record = AttendanceRecord()
        record.id = UUID()
        record.cohortID = cohort
        record.sessionIndex = index
        record.applicationID = application
        record.how = how.rawValue
        record.recordedBy = user
        record.recordedAt = now
        try await record.create(on: tx)
        return record
    }

    /// The trainee hands in (or rewrites) their action plan for their city.
    func submitActionPlan(_ id: UUID, text: String?, by principal: Principal) async throws -> TraineeApplicationRecord {
        let record = try await application(id, by: principal)
        try principal.require(TrainingAccess.allows(principal, .actAsApplicant(try record.facts)), "hand in this action plan")
        var rules = FieldRules()
        let plan = rules.text(text, field: "text", max: 20_000)
        try rules.check()
        guard [TraineeApplicationState.accepted.rawValue, TraineeApplicationState.completed.rawValue].contains(record.state) else {
            throw DomainError.conflict("the action plan is handed in by a trainee of the cohort.")
        }
        let now = self.now
        return try await audit.record(.cohort(record.cohortID)) { tx in
            guard let row = try await TraineeApplicationRecord.find(id, on: tx) else { throw DomainError.notFound("application") }
            row.actionPlan = plan
            row.actionPlanAt = now
            try await row.update(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "application.actionPlan", subject: "application:\(UUIDText.string(id))",
                                     details: ["characters": String(plan.count)])])
        }
    }

    /// A completed trainee opts in to (or out of) the alumni directory.
    func setAlumniOptIn(_ id: UUID, _ optIn: Bool, by principal: Principal) async throws -> TraineeApplicationRecord {
        let record = try await application(id, by: principal)
        try principal.require(TrainingAccess.allows(principal, .actAsApplicant(try record.facts)), "opt in for this trainee")
        guard record.state == TraineeApplicationState.completed.rawValue else {
            throw DomainError.conflict("the alumni directory lists trainees who completed a cohort.")
        }
        return try await audit.record(.cohort(record.cohortID)) { tx in
            guard let row = try await TraineeApplicationRecord.find(id, on: tx) else { throw DomainError.notFound("application") }
            row.alumniOptIn = optIn
            try await row.update(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: optIn ? "alumni.optIn" : "alumni.optOut",
                                     subject: "application:\(UUIDText.string(id))", details: [String: String]())])
        }
    }

    /// The programme office sets the cohort's feedback survey (before the first response).
    func setSurvey(cohort cohortID: UUID, questions: [FeedbackSurvey.Question], by principal: Principal) async throws -> FeedbackSurvey {
        try principal.require(TrainingAccess.allows(principal, .manage), "set the feedback survey")
        _ = try await cohort(cohortID, by: principal)
        let survey = try FeedbackSurvey(questions: questions)
        return try await audit.record(.cohort(cohortID)) { tx in
            guard let cohort = try await TrainingCohort.find(cohortID, on: tx) else { throw DomainError.notFound("cohort") }
            if try await FeedbackRecord.query(on: tx).filter(\.$cohortID == cohortID).count() > 0 {
                throw DomainError.conflict("people have answered this survey; its questions stay as they are.")
            }
            cohort.feedbackSurveyJSON = try Self.json(survey)
            try await cohort.update(on: tx)
            return (survey, [AuditEvent(actor: principal.userID, action: "feedback.survey", subject: "cohort:\(UUIDText.string(cohortID))",
                                        details: ["questions": String(survey.questions.count)])])
        }
    }

    /// The survey for a trainee of the cohort to answer (403 for others; 404 without a survey).
    func surveyToAnswer(cohort cohortID: UUID, by principal: Principal) async throws -> (view: CohortView, survey: FeedbackSurvey, answered: Bool) {
        let view = try await cohort(cohortID, by: principal)
        guard let survey = try view.cohort.feedbackSurvey else { throw DomainError.notFound("survey") }
        guard let user = principal.userID,
              let row = try await TraineeApplicationRecord.query(on: db).filter(\.$cohortID == cohortID).filter(\.$userID == user).first(),
              Self.answeringStates.contains(row.state) else {
            throw DomainError.forbidden("answer the survey: you are not a trainee of this cohort")
        }
        let answered = try await FeedbackRecord.query(on: db).filter(\.$applicationID == row.storedID).count() > 0
        return (view, survey, answered)
    }

    static let answeringStates = [TraineeApplicationState.accepted.rawValue, TraineeApplicationState.completed.rawValue, TraineeApplicationState.notCompleted.rawValue]

    /// A trainee (accepted or completed) answers the survey once.
    func answerSurvey(cohort cohortID: UUID, answers: [String: FeedbackSurvey.Answer], by principal: Principal) async throws {
        let view = try await cohort(cohortID, by: principal)
        guard let survey = try view.cohort.feedbackSurvey else { throw DomainError.notFound("survey") }
        let checked = try survey.validated(answers)
        let now = self.now
        try await audit.record(.cohort(cohortID)) { tx in
            guard let user = principal.userID,
                  let row = try await TraineeApplicationRecord.query(on: tx).filter(\.$cohortID == cohortID).filter(\.$userID == user).first(),
                  [TraineeApplicationState.accepted.rawValue, TraineeApplicationState.completed.rawValue, TraineeApplicationState.notCompleted.rawValue].contains(row.state) else {
                throw DomainError.forbidden("answer the survey: you are not a trainee of this cohort")
            }
            if try await FeedbackRecord.query(on: tx).filter(\.$applicationID == row.storedID).count() > 0 {
                throw DomainError.conflict("you have answered this survey already.")
            }
            let record = FeedbackRecord()
            record.id = UUID()
            record.cohortID = cohortID
            record.applicationID = row.storedID
            record.answersJSON = try Self.json(checked)
            record.createdAt = now
            try await record.create(on: tx)
            return ((), [AuditEvent(actor: principal.userID, action: "feedback.answer", subject: "cohort:\(UUIDText.string(cohortID))", details: [String: String]())])
        }
    }

    /// The survey's summary (the programme office): counts, means, distributions, texts sorted.
    func feedbackSummary(cohort cohortID: UUID, by principal: Principal) async throws -> (survey: FeedbackSurvey, summary: FeedbackSummary) {
        try principal.require(TrainingAccess.allows(principal, .manage), "read the feedback")
        let view = try await cohort(cohortID, by: principal)
        guard let survey = try view.cohort.feedbackSurvey else { throw DomainError.notFound("survey") }
        let responses = try await FeedbackRecord.query(on: db).filter(\.$cohortID == cohortID).all().map { try $0.answers }
        return (survey, survey.summary(of: responses))
    }

    struct CompletionOutcome: Sendable {
        var application: UUID
        var name: String
        var evaluation: CompletionRule.Evaluation
        var certificate: CertificateCode?
    }

    /// After the cohort's last day: each accepted trainee completes or not by the cohort's rule,
    /// and every completed trainee gets a certificate with a new verification code.
    func complete(cohort cohortID: UUID, by principal: Principal) async throws -> [CompletionOutcome] {
        try principal.require(TrainingAccess.allows(principal, .manage), "decide completion")
        let view = try await cohort(cohortID, by: principal)
        let now = self.now
        return try await audit.record(.cohort(cohortID)) { tx in
            let rows = try await TraineeApplicationRecord.query(on: tx).filter(\.$cohortID == cohortID)
                .filter(\.$state == TraineeApplicationState.accepted.rawValue).sort(\.$traineeName).all()
            let attendance = try await AttendanceRecord.query(on: tx).filter(\.$cohortID == cohortID).all()
            var outcomes: [CompletionOutcome] = []
            var events: [AuditEvent] = []
            for row in rows {
                let attended = Set(attendance.filter { $0.applicationID == row.storedID }.map(\.sessionIndex))
                let evaluation = view.terms.completion.evaluate(attended: attended, sessions: Array(view.terms.sessions.indices),
                                                                actionPlanSubmitted: !(row.actionPlan ?? "").isEmpty)
                var application = try row.application
                try application.finish(evaluation, terms: view.terms, at: now)
                row.apply(application)
                try await row.update(on: tx)
                var code: CertificateCode?
                if evaluation.completed {
                    let certificate = try trainingRule { () throws(TrainingError) in
                        try Certificate.issue(code: CertificateCode.generate(), for: application, traineeName: row.traineeName,
                                              programme: view.programme.title, terms: view.terms, at: now)
                    }
                    try await CertificateRecord(certificate, cohortID: cohortID, sample: view.cohort.sample).create(on: tx)
                    code = certificate.code
                }
                outcomes.append(CompletionOutcome(application: row.storedID, name: row.traineeName, evaluation: evaluation, certificate: code))
                events.append(AuditEvent(actor: principal.userID, action: evaluation.completed ? "application.complete" : "application.notComplete",
                                         subject: "application:\(UUIDText.string(row.storedID))", details: ["evaluation": evaluation.description]))
            }
            return (outcomes, events)
        }
    }
}
