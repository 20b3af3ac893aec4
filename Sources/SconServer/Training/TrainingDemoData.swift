import Fluent
import Foundation
import SconDomain

/// Training's demo data, all marked Sample (PROGRAMME.md names the measure, not its courses):
/// one programme hosted by MOLIT, a completed cohort with its certificates, and a cohort open
/// for applications.
enum TrainingDemoData {
    static func seed(_ db: any Database) async throws {
        let organisations = try await Organisation.query(on: db).all()
        func organisation(_ key: String) -> Organisation? { organisations.first { $0.seedKey == key } }
        let programme = TrainingProgramme()
        programme.id = UUID()
        programme.code = "SAMPLE-TR-SCP"
        programme.titleEn = "Smart-city planning and ICT solutions (sample programme)"
        programme.titleKo = "스마트시티 계획과 ICT 솔루션(샘플 과정)"
        programme.descriptionEn = "A sample programme for trying the training features: Korea's urban-development experience, smart-city planning, and ICT solutions for transport, water and safety, with site visits and an action plan for each official's city."
        programme.descriptionKo = "연수 기능을 시험하기 위한 샘플 과정입니다. 한국의 도시개발 경험, 스마트시티 계획, 교통·물·안전 분야 ICT 솔루션을 현장 방문과 함께 배우고, 참가자마다 자기 도시의 실행계획을 작성합니다."
        programme.topics = [TrainingTopic.smartCityPlanning, .ict, .transport, .water, .safety].map(\.rawValue).joined(separator: ",")
        programme.format = TrainingFormat.inKorea.rawValue
        programme.languages = "en"
        programme.lengthDays = 12
        programme.hostEn = "Ministry of Land, Infrastructure and Transport (MOLIT)"
        programme.hostKo = "국토교통부"
        programme.hostOrganisationID = organisation("molit")?.id
        programme.sample = true
        try await programme.create(on: db)

        let known = Set(CountryCode.asean + [CountryCode("KR")!])
        let completed = try draft(title: ("Sample cohort, October 2026", "샘플 기수, 2026년 10월"), start: "2026-10-12", end: "2026-10-23",
                                  opens: "2026-07-01", deadline: "2026-08-14", ranking: "2026-08-21", capacity: 12).validated(knownCountries: known)
        let open = try draft(title: ("Sample cohort, March 2027", "샘플 기수, 2027년 3월"), start: "2027-03-08", end: "2027-03-19",
                             opens: "2026-11-16", deadline: "2027-01-29", ranking: "2027-02-05", capacity: 20).validated(knownCountries: known)
        let past = try await cohort(programme, code: "SAMPLE-TR-2026-10", terms: completed, confirmed: Date(timeIntervalSince1970: 1_756_080_000), db)
        _ = try await cohort(programme, code: "SAMPLE-TR-2027-03", terms: open, confirmed: nil, db)

        let trainees: [(name: String, organisation: String, level: GovernmentLevel)] = [
            ("Sample Trainee A (Cambodia)", "sample-kh-urban-ministry", .national),
            ("Sample Trainee B (Thailand)", "sample-th-sukjai-municipality", .local),
            ("Sample Trainee C (Viet Nam)", "sample-vn-songxanh-city", .local),
            ("Sample Trainee D (Philippines)", "sample-ph-bayanihan-city", .local),
        ]
        let issued = completed.endsAt
        for (index, trainee) in trainees.enumerated() {
            guard let org = organisation(trainee.organisation), let country = CountryCode(org.countryCode) else { continue }
            let record = TraineeApplicationRecord()
            record.id = UUID()
            record.cohortID = past.storedID
            record.userID = nil
            record.traineeName = trainee.name
            record.organisationID = org.storedID
            record.country = country.value
            record.level = trainee.level.rawValue
            record.state = TraineeApplicationState.completed.rawValue
            record.motivation = "Sample motivation."
            record.actionPlanIdea = "Sample action-plan idea for the trainee's city."
            record.documents = ""
            record.submittedAt = completed.window.opensAt.addingTimeInterval(7 * 86_400)
            record.nominatedAt = completed.window.opensAt.addingTimeInterval(14 * 86_400)
            record.rank = 1
            record.sample = true
            // Two of the four sample alumni opted in to the alumni directory.
            record.alumniOptIn = index < 2
            record.actionPlan = "Sample action plan."
            record.createdAt = completed.window.opensAt.addingTimeInterval(7 * 86_400)
            try await record.create(on: db)
            var application = try record.application
            application.state = .completed
            let certificate = try trainingRule { () throws(TrainingError) in
                try Certificate.issue(code: CertificateCode.generate(), for: application, traineeName: trainee.name, programme: programme.title,
                                      terms: completed, at: issued)
            }
            try await CertificateRecord(certificate, cohortID: past.storedID, sample: true).create(on: db)
        }
        let survey = try FeedbackSurvey(questions: [
            FeedbackSurvey.Question(key: "overall", kind: .scale, text: LocalizedText(en: "Overall, how useful was the training for your work?", ko: "연수가 업무에 전반적으로 얼마나 도움이 되었습니까?"), required: true),
            FeedbackSurvey.Question(key: "site-visits", kind: .scale, text: LocalizedText(en: "How useful were the site visits?", ko: "현장 방문은 얼마나 도움이 되었습니까?")),
            FeedbackSurvey.Question(key: "suggestion", kind: .text, text: LocalizedText(en: "What would you change?", ko: "바꾸었으면 하는 점은 무엇입니까?")),
        ])
        past.feedbackSurveyJSON = try TrainingStore.json(survey)
        try await past.update(on: db)
        let applications = try await TraineeApplicationRecord.query(on: db).filter(\.$cohortID == past.storedID).sort(\.$traineeName).all()
        let sampleAnswers: [[String: FeedbackSurvey.Answer]] = [
            ["overall": .scale(5), "site-visits": .scale(4), "suggestion": .text("Sample answer: more time for the action plans.")],
            ["overall": .scale(4), "site-visits": .scale(5)],
            ["overall": .scale(4), "site-visits": .scale(3), "suggestion": .text("Sample answer: a session on financing.")],
        ]
        for (application, answers) in zip(applications, sampleAnswers) {
            let record = FeedbackRecord()
            record.id = UUID()
            record.cohortID = past.storedID
            record.applicationID = application.storedID
            record.answersJSON = try TrainingStore.json(answers)
            record.createdAt = issued
            try await record.create(on: db)
        }
        try await AuditLog.append([AuditEvent(actor: nil, action: "cohort.seed", subject: "cohort:\(UUIDText.string(past.storedID))",
                                              details: ["certificates": String(trainees.count), "sample": "true"])], to: .cohort(past.storedID), on: db)
    }

    static func draft(title: (String, String), start: String, end: String, opens: String, deadline: String, ranking: String, capacity: Int) -> CohortDraft {
        var draft = CohortDraft()
        draft.title = LocalizedText(en: title.0, ko: title.1)
        draft.venueTimeZone = "Asia/Seoul"
        draft.startDay = start
        draft.endDay = end
        draft.capacity = capacity
        draft.quota = CohortDraft.Quota(atMost: 3)
        draft.applicationOpens = opens
        draft.applicationDeadline = deadline
        draft.rankingDeadline = ranking
        draft.applicationTimeZone = "Asia/Seoul"
        draft.eligibilityNote = LocalizedText(en: "Officials working on urban development, smart-city or ICT policy, nominated by their organisation.",
                                              ko: "도시개발·스마트시티·ICT 정책 담당 공무원으로서 소속 기관의 추천을 받은 분.")
        let first = CalendarDay(start)!
        let topics: [(String, String)] = [("Korea's urban development since the 1960s", "1960년대 이후 한국의 도시개발"),
                                          ("Smart-city planning and the national pilot cities", "스마트시티 계획과 국가 시범도시"),
                                          ("ICT for transport: traffic centres and public transport data", "교통 ICT: 교통정보센터와 대중교통 데이터"),
                                          ("Smart water management and flood warning", "스마트 물관리와 홍수 경보"),
                                          ("Action plans: presentations and feedback", "실행계획 발표와 피드백")]
        draft.sessions = topics.enumerated().map { index, topic in
            CohortDraft.Session(day: first.adding(days: index).description, starts: "09:30", ends: "12:30",
                                topic: LocalizedText(en: topic.0, ko: topic.1), venue: LocalizedText(en: "Sejong (sample venue)", ko: "세종(샘플 장소)"))
        }
        return draft
    }

    static func cohort(_ programme: TrainingProgramme, code: String, terms: CohortTerms, confirmed: Date?, _ db: any Database) async throws -> TrainingCohort {
        let cohort = TrainingCohort()
        cohort.id = UUID()
        cohort.programmeID = programme.storedID
        cohort.code = code
        cohort.termsJSON = try TrainingStore.json(terms)
        cohort.startDay = terms.dates.start.description
        cohort.published = true
        cohort.attendanceSecret = TrainingCohort.newSecret()
        cohort.selectionConfirmedAt = confirmed
        cohort.sample = true
        cohort.createdAt = terms.window.opensAt
        try await cohort.create(on: db)
        return cohort
    }
}
