import Fluent
import SconDomain
import Vapor

/// `/api/v1/cohorts`, applications, the selection and certificates: `TrainingAPI`.
struct TrainingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingAPI.programmes, use: programmes)
        routes.signedIn.post(TrainingAPI.programmes, use: createProgramme)
        routes.get(TrainingAPI.programme(.key), use: programme)
        routes.signedIn.put(TrainingAPI.programme(.key), use: updateProgramme)
        routes.get(TrainingAPI.cohorts, use: cohorts)
        routes.signedIn.post(TrainingAPI.cohorts, use: createCohort)
        routes.get(TrainingAPI.cohort(.key), use: cohort)
        routes.signedIn.get(TrainingAPI.cohortApplications(.key), use: applications)
        routes.signedIn.post(TrainingAPI.cohortApplications(.key), use: apply)
        routes.signedIn.get(TrainingAPI.cohortCertificates(.key), use: certificates)
        routes.signedIn.put(TrainingAPI.ranking(.key, .key), use: rank)
        routes.signedIn.get(TrainingAPI.selection(.key), use: previewSelection)
        routes.signedIn.post(TrainingAPI.selection(.key), use: confirmSelection)
        routes.signedIn.get(TrainingAPI.application(.key), use: application)
        routes.signedIn.post(TrainingAPI.nomination(.key), use: nominate)
        routes.signedIn.post(TrainingAPI.answer(.key), use: answer)
        routes.signedIn.put(TrainingAPI.actionPlan(.key), use: actionPlan)
        routes.signedIn.post(TrainingAPI.checkIn(.key, .key), use: checkIn)
        routes.signedIn.post(TrainingAPI.attendance(.key, .key), use: mark)
        routes.signedIn.post(TrainingAPI.completion(.key), use: complete)
        routes.get(TrainingAPI.alumni, use: alumni)
        routes.signedIn.put(TrainingAPI.survey(.key), use: setSurvey)
        routes.signedIn.post(TrainingAPI.feedback(.key), use: answerSurvey)
        routes.signedIn.get(TrainingAPI.feedback(.key), use: feedbackSummary)
        routes.signedIn.put(TrainingAPI.alumniOptIn(.key), use: optIn)
        routes.get(TrainingAPI.certificate(.key), use: verify)
        routes.signedIn.post(TrainingAPI.revocation(.key), use: revoke)
    }

    @Sendable func programmes(_ req: Request) async throws -> ListResponse<ProgrammeDTO> {
        let page = try await req.trainingStore.programmes(try req.pageQuery())
        return ListResponse(items: page.items.map(ProgrammeDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func programme(_ req: Request) async throws -> ProgrammeDTO {
        ProgrammeDTO(programme: try await req.trainingStore.programme(try req.uuid()))
    }

    @Sendable func createProgramme(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(ProgrammeInput.self)
        let programme = try await req.trainingStore.createProgramme(input.draft, by: req.principal)
        return req.created(ProgrammeDTO(programme: programme), at: TrainingAPI.programme(.value(programme.storedID)))
    }

    @Sendable func updateProgramme(_ req: Request) async throws -> ProgrammeDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(ProgrammeInput.self)
        return ProgrammeDTO(programme: try await req.trainingStore.updateProgramme(id, input.draft, by: req.principal))
    }

    @Sendable func cohorts(_ req: Request) async throws -> ListResponse<CohortDTO> {
        let page = try await req.trainingStore.cohorts(try req.pageQuery(), for: req.principal)
        return ListResponse(items: page.items.map(CohortDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func createCohort(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(CohortInput.self)
        let view = try await req.trainingStore.createCohort(programme: input.programme, code: input.code, published: input.published, draft: input.draft, by: req.principal)
        return req.created(CohortDTO(view: view), at: TrainingAPI.cohort(.value(view.cohort.storedID)))
    }

    @Sendable func cohort(_ req: Request) async throws -> CohortDTO {
        CohortDTO(view: try await req.trainingStore.cohort(try req.uuid(), by: req.principal))
    }

    /// The applications the caller may read (officers: all; a focal point: their country's; an organisation: its officials'; an applicant: their own).
    @Sendable func applications(_ req: Request) async throws -> ListResponse<TraineeApplicationDTO> {
        let id = try req.uuid()
        _ = try await req.trainingStore.cohort(id, by: req.principal)
        let rows = try await req.trainingStore.applications(of: id, by: req.principal)
        return ListResponse(items: try rows.map { TraineeApplicationDTO(record: $0, showsActionPlan: TrainingAccess.allows(req.principal, .readActionPlan(try $0.facts))) },
                            nextCursor: nil)
    }

    @Sendable func apply(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let input = try req.decodeJSON(TraineeApplicationInput.self)
        let record = try await req.trainingStore.apply(to: id, input.request, by: req.principal)
        return req.created(TraineeApplicationDTO(record: record), at: TrainingAPI.application(.value(record.storedID)))
    }

    @Sendable func application(_ req: Request) async throws -> TraineeApplicationDTO {
        let record = try await req.trainingStore.application(try req.uuid(), by: req.principal)
        return TraineeApplicationDTO(record: record, showsActionPlan: TrainingAccess.allows(req.principal, .readActionPlan(try record.facts)))
    }

    @Sendable func nominate(_ req: Request) async throws -> TraineeApplicationDTO {
        TraineeApplicationDTO(record: try await req.trainingStore.nominate(try req.uuid(), by: req.principal))
    }

    @Sendable func answer(_ req: Request) async throws -> TraineeApplicationDTO {
        let input = try req.decodeJSON(AnswerInput.self)
        return TraineeApplicationDTO(record: try await req.trainingStore.answer(try req.uuid(), input.answer, by: req.principal))
    }

    @Sendable func actionPlan(_ req: Request) async throws -> TraineeApplicationDTO {
        let input = try req.decodeJSON(ActionPlanInput.self)
        return TraineeApplicationDTO(record: try await req.trainingStore.submitActionPlan(try req.uuid(), text: input.text, by: req.principal), showsActionPlan: true)
    }

    @Sendable func checkIn(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(CheckInInput.self)
        let record = try await req.trainingStore.checkIn(cohort: try req.uuid(), session: try req.sessionIndex(), code: input.code, by: req.principal)
        return AttendanceDTO(record: record).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    @Sendable func mark(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(MarkInput.self)
        let record = try await req.trainingStore.mark(cohort: try req.uuid(), session: try req.sessionIndex(), application: input.application, by: req.principal)
        return AttendanceDTO(record: record).jsonResponse(status: .created, allocator: req.byteBufferAllocator)
    }

    @Sendable func complete(_ req: Request) async throws -> ListResponse<CompletionDTO> {
        ListResponse(items: try await req.trainingStore.complete(cohort: try req.uuid(), by: req.principal).map(CompletionDTO.init), nextCursor: nil)
    }

    /// The alumni the caller sees: those who opted in (the programme office: all; everyone: themselves).
    @Sendable func alumni(_ req: Request) async throws -> ListResponse<AlumnusDTO> {
        let page = try await AlumniQuery(db: req.db).page(try req.pageQuery(), for: req.principal)
        return ListResponse(items: page.items.map(AlumnusDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func setSurvey(_ req: Request) async throws -> SurveyDTO {
        let input = try req.decodeJSON(SurveyInput.self)
        return SurveyDTO(survey: try await req.trainingStore.setSurvey(cohort: try req.uuid(), questions: input.questions, by: req.principal))
    }

    @Sendable func answerSurvey(_ req: Request) async throws -> HTTPStatus {
        let input = try req.decodeJSON(FeedbackInput.self)
        try await req.trainingStore.answerSurvey(cohort: try req.uuid(), answers: input.answers, by: req.principal)
        return .noContent
    }

    @Sendable func feedbackSummary(_ req: Request) async throws -> FeedbackSummaryDTO {
        FeedbackSummaryDTO(summary: try await req.trainingStore.feedbackSummary(cohort: try req.uuid(), by: req.principal).summary)
    }

    @Sendable func optIn(_ req: Request) async throws -> TraineeApplicationDTO {
        let input = try req.decodeJSON(AlumniOptInInput.self)
        return TraineeApplicationDTO(record: try await req.trainingStore.setAlumniOptIn(try req.uuid(), input.optIn, by: req.principal), showsActionPlan: true)
    }

    @Sendable func rank(_ req: Request) async throws -> ListResponse<TraineeApplicationDTO> {
        let id = try req.uuid()
        guard let country = CountryCode(req.parameter(.country).uppercased()) else { throw DomainError.notFound("country") }
        let input = try req.decodeJSON(RankingInput.self)
        let ranked = try await req.trainingStore.rank(cohort: id, country: country, order: input.applications, by: req.principal)
        return ListResponse(items: ranked.map { TraineeApplicationDTO(record: $0) }, nextCursor: nil)
    }

    @Sendable func previewSelection(_ req: Request) async throws -> TraineeSelectionDTO {
        let id = try req.uuid()
        let result = try await req.trainingStore.previewSelection(cohort: id, adjustments: [], by: req.principal)
        let confirmed = try await req.trainingStore.cohort(id, by: req.principal).cohort.selectionConfirmedAt != nil
        return TraineeSelectionDTO(result: result, confirmed: confirmed)
    }

    @Sendable func confirmSelection(_ req: Request) async throws -> TraineeSelectionDTO {
        let id = try req.uuid()
        let input = try req.decodeJSON(SelectionInput.self)
        return TraineeSelectionDTO(result: try await req.trainingStore.confirmSelection(cohort: id, adjustments: input.adjustments, by: req.principal), confirmed: true)
    }

    @Sendable func certificates(_ req: Request) async throws -> ListResponse<CertificateDTO> {
        let page = try await req.trainingStore.certificates(of: try req.uuid(), try req.pageQuery(), by: req.principal)
        return ListResponse(items: page.items.map(CertificateDTO.init), nextCursor: page.nextCursor?.encoded)
    }

    @Sendable func verify(_ req: Request) async throws -> CertificateVerificationDTO {
        CertificateVerificationDTO(verification: try await req.trainingStore.certificate(req.parameter(.code)).certificate.verification)
    }

    @Sendable func revoke(_ req: Request) async throws -> CertificateVerificationDTO {
        let input = try req.decodeJSON(RevocationInput.self)
        let record = try await req.trainingStore.revoke(req.parameter(.code), reason: input.reason, by: req.principal)
        return CertificateVerificationDTO(verification: try record.certificate.verification)
    }
}

extension Request {
    var trainingStore: TrainingStore { TrainingStore(db: db, audit: auditLog) }
}
