import Fluent
import SconDomain
import Vapor

/// The programme office's pages: programmes (list, new, edit), a new cohort, a cohort's survey.
/// Each form is read into the same draft the API takes and written by the same store.
struct TrainingOfficeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn.get(TrainingURL.programmes, use: programmes)
        routes.signedIn.get(TrainingURL.newProgramme, use: newProgramme)
        routes.signedIn.post(TrainingURL.newProgramme, use: createProgramme)
        routes.signedIn.get(TrainingURL.editProgramme(.key), use: editProgramme)
        routes.signedIn.post(TrainingURL.editProgramme(.key), use: updateProgramme)
        routes.signedIn.get(TrainingURL.newCohort, use: newCohort)
        routes.signedIn.post(TrainingURL.newCohort, use: createCohort)
        routes.signedIn.get(TrainingURL.survey(.key), use: surveyForm)
        routes.signedIn.post(TrainingURL.survey(.key), use: setSurvey)
    }

    static func requireOffice(_ req: Request) throws {
        try req.principal.require(TrainingAccess.allows(req.principal, .manage), "run training programmes")
    }

    // MARK: Programmes

    @Sendable func programmes(_ req: Request) async throws -> HTML {
        try Self.requireOffice(req)
        let context = PageContext(request: req)
        let notice = req.queryItem("saved") != nil ? context["programme.saved"] : req.queryItem("cohort") != nil ? context["cohortform.created"] : nil
        return TrainingOfficePages.programmes(context, try await req.trainingStore.programmes(), notice: notice)
    }

    func programmeModel(_ req: Request, id: UUID?, draft: ProgrammeDraft, issues: [FieldIssue] = []) async throws -> TrainingOfficePages.ProgrammeFormModel {
        let language = req.language
        let organisations = try await Organisation.query(on: req.db).sort(\.$sortKey).all()
        let calls = try await Call.query(on: req.db).sort(\.$opensAt, .descending).all().map { call in
            (id: call.storedID, label: (try? call.terms().title.text(in: language)) ?? UUIDText.string(call.storedID))
        }
        let projects = try await Project.query(on: req.db).sort(\.$code).all()
        return .init(id: id, draft: draft, organisations: organisations, calls: calls, projects: projects, issues: issues)
    }

    @Sendable func newProgramme(_ req: Request) async throws -> HTML {
        try Self.requireOffice(req)
        return TrainingOfficePages.programmeForm(PageContext(request: req), try await programmeModel(req, id: nil, draft: ProgrammeDraft(languages: ["en"])))
    }

    @Sendable func editProgramme(_ req: Request) async throws -> HTML {
        try Self.requireOffice(req)
        let programme = try await req.trainingStore.programme(try req.uuid())
        return TrainingOfficePages.programmeForm(PageContext(request: req), try await programmeModel(req, id: programme.storedID, draft: programme.draft))
    }

    /// The form's fields: `code`, `titleEn`, `titleKo`, `descriptionEn`, `descriptionKo`,
    /// `topic-<topic>` and `language-<language>` checkboxes, `format`, `lengthDays`,
    /// `hostOrganisation`, `call`, `project` (empty: none).
    static func programmeDraft(_ fields: [String: String]) -> ProgrammeDraft {
        func text(_ name: String) -> String? { fields[name] }
        func uuid(_ name: String) -> UUID? { fields[name].flatMap { $0.isEmpty ? nil : UUID(uuidString: $0) } }
        let length = fields["lengthDays"].map { $0.trimmingCharacters(in: .whitespaces) }
        return ProgrammeDraft(code: text("code"), title: LocalizedText(en: text("titleEn") ?? "", ko: text("titleKo") ?? ""),
                              description: LocalizedText(en: text("descriptionEn") ?? "", ko: text("descriptionKo") ?? ""),
                              topics: TrainingTopic.allCases.map(\.rawValue).filter { fields["topic-\($0)"] != nil },
                              format: fields["format"].flatMap { $0.isEmpty ? nil : $0 },
                              languages: InstructionLanguage.allCases.map(\.rawValue).filter { fields["language-\($0)"] != nil },
                              lengthDays: length.flatMap { $0.isEmpty ? nil : (Int($0) ?? -1) },
                              hostOrganisation: uuid("hostOrganisation"), call: uuid("call"), project: uuid("project"))
    }

    func saveProgramme(_ req: Request, id: UUID?) async throws -> Response {
        try Self.requireOffice(req)
        let draft = Self.programmeDraft(try req.content.decode([String: String].self))
        do {
            if let id {
                _ = try await req.trainingStore.updateProgramme(id, draft, by: req.principal)
            } else {
                _ = try await req.trainingStore.createProgramme(draft, by: req.principal)
            }
            return req.redirect(to: TrainingURL.programmes.path + "?saved=1", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let page = TrainingOfficePages.programmeForm(PageContext(request: req), try await programmeModel(req, id: id, draft: draft, issues: issues))
            return try await page.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func createProgramme(_ req: Request) async throws -> Response { try await saveProgramme(req, id: nil) }

    @Sendable func updateProgramme(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        try Self.requireOffice(req)
        _ = try await req.trainingStore.programme(id)
        return try await saveProgramme(req, id: id)
    }

    // MARK: Cohorts

    func cohortModel(_ req: Request) async throws -> TrainingOfficePages.CohortFormModel {
        let countries = try await Country.query(on: req.db).all()
            .filter { country in country.id.flatMap(CountryCode.init).map { CountryCode.asean.contains($0) } ?? false }
            .sorted { ($0.id ?? "") < ($1.id ?? "") }
        var draft = CohortDraft()
        draft.venueTimeZone = "Asia/Seoul"
        draft.applicationTimeZone = "Asia/Seoul"
        draft.eligibleCountries = CountryCode.asean.map(\.value)
        draft.eligibleLevels = GovernmentLevel.allCases.map(\.rawValue)
        draft.quota = CohortDraft.Quota(atMost: 3)
        draft.acceptanceDays = 7
        draft.minimumAttendancePercent = 80
        draft.actionPlanRequired = true
        return .init(programmes: try await req.trainingStore.programmes(), countries: countries, programme: nil, code: nil, published: true, draft: draft,
                     quotaKind: "atMost", fixedText: "", documentsText: "")
    }

    @Sendable func newCohort(_ req: Request) async throws -> HTML {
        try Self.requireOffice(req)
        var model = try await cohortModel(req)
        model.programme = req.queryItem("programme").flatMap(UUID.init(uuidString:))
        return TrainingOfficePages.cohortForm(PageContext(request: req), model)
    }

    /// Reads the cohort form into the API's draft. Fields: see `TrainingOfficePages.cohortForm`;
    /// a session row left wholly empty is no session; the fixed quota is typed `TH 3, VN 2`;
    /// required documents one a line, `English | 한국어`.
    static func cohortDraft(_ fields: [String: String], into model: inout TrainingOfficePages.CohortFormModel) {
        func text(_ name: String) -> String? {
            guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        func number(_ name: String) -> Int? { text(name).map { Int($0) ?? -1 } }
        var draft = CohortDraft()
        model.programme = text("programme").flatMap(UUID.init(uuidString:))
        model.code = text("code")
        model.published = fields["published"] != nil
        draft.title = LocalizedText(en: text("titleEn") ?? "", ko: text("titleKo") ?? "")
        draft.venueTimeZone = text("venueTimeZone")
        draft.startDay = text("startDay")
        draft.endDay = text("endDay")
        draft.capacity = number("capacity")
        model.quotaKind = fields["quotaKind"] == "fixed" ? "fixed" : "atMost"
        model.fixedText = text("quotaFixed") ?? ""
        if model.quotaKind == "fixed" {
            var fixed: [String: Int] = [:]
            for part in model.fixedText.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
                let pieces = part.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "=" }).map(String.init)
                guard let code = pieces.first?.uppercased() else { continue }
                fixed[code] = pieces.count > 1 ? (Int(pieces[1]) ?? 0) : 0
            }
            draft.quota = CohortDraft.Quota(fixed: fixed)
        } else {
            draft.quota = CohortDraft.Quota(atMost: number("quotaAtMost") ?? 0)
        }
        let countries = model.countries.compactMap(\.id).filter { fields["country-\($0)"] != nil }
        draft.eligibleCountries = countries
        draft.eligibleLevels = GovernmentLevel.allCases.map(\.rawValue).filter { fields["level-\($0)"] != nil }
        let note = LocalizedText(en: text("noteEn") ?? "", ko: text("noteKo") ?? "")
        draft.eligibilityNote = note.en.isEmpty && note.ko.isEmpty ? nil : note
        draft.applicationOpens = text("applicationOpens")
        draft.applicationDeadline = text("applicationDeadline")
        draft.rankingDeadline = text("rankingDeadline")
        draft.applicationTimeZone = text("applicationTimeZone")
        draft.acceptanceDays = number("acceptanceDays")
        draft.minimumAttendancePercent = number("minimumAttendancePercent")
        draft.actionPlanRequired = fields["actionPlanRequired"] != nil
        model.documentsText = fields["documents"] ?? ""
        draft.requiredDocuments = model.documentsText.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            let parts = trimmed.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return LocalizedText(en: parts[0], ko: parts.count > 1 ? parts[1] : "")
        }
        var sessions: [CohortDraft.Session] = []
        let indexes = Set(fields.keys.compactMap { key -> Int? in
            guard key.hasPrefix("session-") else { return nil }
            return key.split(separator: "-").dropFirst().first.flatMap { Int($0) }
        }).sorted()
        for index in indexes.prefix(CohortDraft.maximumSessions + 1) {
            func part(_ name: String) -> String? { text("session-\(index)-\(name)") }
            let values = ["day", "starts", "ends", "topicEn", "topicKo", "venueEn", "venueKo", "link"].map(part)
            guard values.contains(where: { $0 != nil }) else { continue }
            let venue = LocalizedText(en: part("venueEn") ?? "", ko: part("venueKo") ?? "")
            sessions.append(CohortDraft.Session(day: part("day"), starts: part("starts"), ends: part("ends"),
                                                topic: LocalizedText(en: part("topicEn") ?? "", ko: part("topicKo") ?? ""),
                                                venue: venue.en.isEmpty && venue.ko.isEmpty ? nil : venue, onlineLink: part("link")))
        }
        draft.sessions = sessions
        model.draft = draft
    }

    @Sendable func createCohort(_ req: Request) async throws -> Response {
        try Self.requireOffice(req)
        var model = try await cohortModel(req)
        Self.cohortDraft(try req.content.decode([String: String].self), into: &model)
        let context = PageContext(request: req)
        do {
            let view = try await req.trainingStore.createCohort(programme: model.programme, code: model.code, published: model.published, draft: model.draft,
                                                                by: req.principal)
            return req.redirect(to: TrainingURL.cohort(.value(view.cohort.storedID)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            model.issues = issues
            return try await TrainingOfficePages.cohortForm(context, model).encodeResponse(status: .unprocessableEntity, for: req)
        } catch DomainError.conflict {
            model.issues = [FieldIssue(field: "code", code: "code-taken", detail: "a cohort with this code exists.")]
            return try await TrainingOfficePages.cohortForm(context, model).encodeResponse(status: .conflict, for: req)
        }
    }

    // MARK: Survey

    @Sendable func surveyForm(_ req: Request) async throws -> HTML {
        try Self.requireOffice(req)
        let view = try await req.trainingStore.cohort(try req.uuid(), by: req.principal)
        let locked = try await FeedbackRecord.query(on: req.db).filter(\.$cohortID == view.cohort.storedID).count() > 0
        let context = PageContext(request: req)
        return TrainingOfficePages.surveyForm(context, view: view, questions: try view.cohort.feedbackSurvey?.questions ?? [],
                                              notice: req.queryItem("saved") != nil ? context["surveyform.saved"] : nil, locked: locked)
    }

    /// Rows `q-<n>-key`, `q-<n>-kind`, `q-<n>-text.en`, `q-<n>-text.ko`, `q-<n>-required`; a row left empty is no question.
    static func questions(_ fields: [String: String]) -> [FeedbackSurvey.Question] {
        let indexes = Set(fields.keys.compactMap { key -> Int? in
            guard key.hasPrefix("q-") else { return nil }
            return key.split(separator: "-").dropFirst().first.flatMap { Int($0) }
        }).sorted()
        return indexes.prefix(41).compactMap { index in
            func part(_ name: String) -> String { fields["q-\(index)-\(name)"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
            guard !part("key").isEmpty || !part("text.en").isEmpty || !part("text.ko").isEmpty else { return nil }
            return FeedbackSurvey.Question(key: part("key"), kind: part("kind") == "text" ? .text : .scale,
                                           text: LocalizedText(en: part("text.en"), ko: part("text.ko")), required: !part("required").isEmpty)
        }
    }

    @Sendable func setSurvey(_ req: Request) async throws -> Response {
        try Self.requireOffice(req)
        let view = try await req.trainingStore.cohort(try req.uuid(), by: req.principal)
        let questions = Self.questions(try req.content.decode([String: String].self))
        let context = PageContext(request: req)
        do {
            _ = try await req.trainingStore.setSurvey(cohort: view.cohort.storedID, questions: questions, by: req.principal)
            return req.redirect(to: TrainingURL.survey(.value(view.cohort.storedID)).path + "?saved=1", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await TrainingOfficePages.surveyForm(context, view: view, questions: questions, issues: issues, locked: false)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch DomainError.conflict {
            return try await TrainingOfficePages.surveyForm(context, view: view, questions: questions, refusal: context["surveyform.answered"], locked: true)
                .encodeResponse(status: .conflict, for: req)
        }
    }
}
