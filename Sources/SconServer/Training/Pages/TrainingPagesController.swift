import Fluent
import SconDomain
import Vapor

/// The pages of invitation training: `TrainingURL`.
struct TrainingPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(TrainingURL.training, use: list)
        routes.get(TrainingURL.cohort(.key), use: cohort)
        routes.signedIn.get(TrainingURL.apply(.key), use: applyForm)
        routes.signedIn.post(TrainingURL.apply(.key), use: apply)
        routes.signedIn.get(TrainingURL.application(.key), use: application)
        routes.signedIn.post(TrainingURL.nominate(.key), use: nominate)
        routes.signedIn.post(TrainingURL.answer(.key), use: answer)
        routes.signedIn.post(TrainingURL.actionPlan(.key), use: actionPlan)
        routes.get(TrainingURL.alumni, use: alumni)
        routes.signedIn.get(TrainingURL.feedback(.key), use: feedbackForm)
        routes.signedIn.post(TrainingURL.feedback(.key), use: answerFeedback)
        routes.signedIn.get(TrainingURL.invitation(.key), use: invitation)
        routes.signedIn.post(TrainingURL.alumniOptIn(.key), use: optIn)
        routes.signedIn.get(TrainingURL.sessionCode(.key, .key), use: sessionCode)
        routes.signedIn.get(TrainingURL.checkIn(.key, .key), use: checkInForm)
        routes.signedIn.post(TrainingURL.checkIn(.key, .key), use: checkIn)
        routes.signedIn.get(TrainingURL.ranking(.key, .key), use: rankingForm)
        routes.signedIn.post(TrainingURL.ranking(.key, .key), use: rank)
        routes.get(TrainingURL.certificate(.key), use: certificate)
        routes.signedIn.get(TrainingURL.printable(.key), use: printable)
        routes.signedIn.post(TrainingURL.revoke(.key), use: revoke)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        if let code = req.queryItem("code"), !code.isEmpty {
            return req.redirect(to: TrainingURL.certificate(.value(code.trimmingCharacters(in: .whitespaces))).path, redirectType: .normal)
        }
        let country = try PortalFilter.parse(country: req.queryItem("country"), sector: nil, stage: nil, type: nil).country
        let store = req.trainingStore
        let cohorts = try await store.cohorts(PageQuery(limit: PageQuery.maximumLimit), for: req.principal).items
        let trained = TrainingPages.Trained(country: country, byCohort: try await TrainedOfficials.byCohort(country, on: req.db),
                                            countries: try await req.application.countryNames.all(on: req.db))
        return try await TrainingPages.list(PageContext(request: req), programmes: try await store.programmes(), cohorts: cohorts, trained: trained)
            .encodeResponse(for: req)
    }

    @Sendable func cohort(_ req: Request) async throws -> HTML {
        let store = req.trainingStore
        let view = try await store.cohort(try req.uuid(), by: req.principal)
        let manage = TrainingAccess.allows(req.principal, .manage)
        let applications = req.principal.isSignedIn ? try await store.applications(of: view.cohort.storedID, by: req.principal) : []
        let certificates = manage ? try await store.certificates(of: view.cohort.storedID, PageQuery(limit: PageQuery.maximumLimit), by: req.principal).items : []
        let rankable = view.terms.eligibleCountries.filter { TrainingAccess.allows(req.principal, .rank($0)) }
        let hasSurvey = try view.cohort.feedbackSurvey != nil
        let feedback = manage && hasSurvey ? try await store.feedbackSummary(cohort: view.cohort.storedID, by: req.principal).summary : nil
        return TrainingPages.cohort(PageContext(request: req), .init(view: view, now: req.now, mayApply: TrainingAccess.allows(req.principal, .apply),
                                                                     manage: manage,
                                                                     isTrainee: applications.contains { $0.userID == req.principal.userID && $0.state == TraineeApplicationState.accepted.rawValue },
                                                                     answersFeedback: (try view.cohort.feedbackSurvey) != nil
                                                                        && applications.contains { $0.userID == req.principal.userID && TrainingStore.answeringStates.contains($0.state) },
                                                                     rankable: rankable, feedback: feedback, applications: applications, certificates: certificates))
    }

    /// The government organisations of the caller (those they may apply through).
    static func organisations(_ req: Request) async throws -> [Organisation] {
        let ids = Array(req.principal.organisations)
        guard !ids.isEmpty else { return [] }
        return try await Organisation.query(on: req.db).filter(\.$id ~~ ids).filter(\.$type ~~ Array(TrainingStore.governmentTypes)).sort(\.$sortKey).all()
    }

    @Sendable func applyForm(_ req: Request) async throws -> HTML {
        let view = try await req.trainingStore.cohort(try req.uuid(), by: req.principal)
        return TrainingPages.applyForm(PageContext(request: req), .init(view: view, organisations: try await Self.organisations(req)))
    }

    struct ApplyForm: Decodable {
        var organisation: String?
        var level: String?
        var motivation: String?
        var actionPlanIdea: String?
        var documents: [Int]?

        var request: TrainingStore.ApplicationRequest {
            TrainingStore.ApplicationRequest(organisation: organisation.flatMap(UUID.init(uuidString:)), level: level.flatMap { $0.isEmpty ? nil : $0 },
                                             motivation: motivation, actionPlanIdea: actionPlanIdea, documents: documents)
        }
    }

    @Sendable func apply(_ req: Request) async throws -> Response {
        let view = try await req.trainingStore.cohort(try req.uuid(), by: req.principal)
        let form = try req.content.decode(ApplyForm.self)
        let context = PageContext(request: req)
        do {
            let record = try await req.trainingStore.apply(to: view.cohort.storedID, form.request, by: req.principal)
            return req.redirect(to: TrainingURL.application(.value(record.storedID)).path + "?submitted=1", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let page = TrainingPages.applyForm(context, .init(view: view, organisations: try await Self.organisations(req), request: form.request, issues: issues))
            return try await page.encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            let page = TrainingPages.applyForm(context, .init(view: view, organisations: try await Self.organisations(req), request: form.request,
                                                              refusal: context.strings.localized(refusal)))
            return try await page.encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let detail) {
            let page = TrainingPages.applyForm(context, .init(view: view, organisations: try await Self.organisations(req), request: form.request,
                                                              refusal: context.language == .en ? detail : context["training.appliedAlready"]))
            return try await page.encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func application(_ req: Request) async throws -> HTML {
        let record = try await req.trainingStore.application(try req.uuid(), by: req.principal)
        let view = try await req.trainingStore.cohortOfApplication(record.cohortID)
        let context = PageContext(request: req)
        let notice = req.queryItem("submitted") != nil ? context["training.submitted"] : req.queryItem("nominated") != nil ? context["training.nominated"] : nil
        let notice2 = req.queryItem("answered") != nil ? context["training.answered"] : notice
        return TrainingPages.application(context, .init(record: record, view: view, organisation: try await Organisation.find(record.organisationID, on: req.db),
                                                        mayNominate: TrainingAccess.allows(req.principal, .nominate(try record.facts)),
                                                        isApplicant: TrainingAccess.allows(req.principal, .actAsApplicant(try record.facts)),
                                                        manage: TrainingAccess.allows(req.principal, .manage),
                                                        showsActionPlan: TrainingAccess.allows(req.principal, .readActionPlan(try record.facts)), notice: notice2))
    }

    @Sendable func nominate(_ req: Request) async throws -> Response {
        let record = try await req.trainingStore.nominate(try req.uuid(), by: req.principal)
        return req.redirect(to: TrainingURL.application(.value(record.storedID)).path + "?nominated=1", redirectType: .normal)
    }

    struct AnswerForm: Decodable { var answer: String? }

    @Sendable func answer(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(AnswerForm.self)
        guard let answer = form.answer.flatMap(TrainingStore.Answer.init(rawValue:)) else {
            throw DomainError.invalid([FieldIssue(field: "answer", code: "unknown", detail: "answer is accept, decline or withdraw.")])
        }
        _ = try await req.trainingStore.answer(id, answer, by: req.principal)
        return req.redirect(to: TrainingURL.application(.value(id)).path + "?answered=1", redirectType: .normal)
    }

    @Sendable func alumni(_ req: Request) async throws -> HTML {
        let page = try await AlumniQuery(db: req.db).page(try req.pageQuery(), for: req.principal)
        return TrainingPages.alumni(PageContext(request: req), page)
    }

    /// The invitation letter (printable, in the reader's language) for a selected or accepted
    /// trainee: for them and the programme office.
    @Sendable func invitation(_ req: Request) async throws -> HTML {
        let record = try await req.trainingStore.application(try req.uuid(), by: req.principal)
        let facts = try record.facts
        guard TrainingAccess.allows(req.principal, .actAsApplicant(facts)) || TrainingAccess.allows(req.principal, .manage),
              [TraineeApplicationState.selected.rawValue, TraineeApplicationState.accepted.rawValue].contains(record.state) else {
            throw DomainError.notFound("invitation")
        }
        let view = try await req.trainingStore.cohortOfApplication(record.cohortID)
        return TrainingPages.invitation(PageContext(request: req), record: record, view: view,
                                        organisation: try await Organisation.find(record.organisationID, on: req.db), today: CalendarDay(req.now))
    }

    @Sendable func feedbackForm(_ req: Request) async throws -> HTML {
        let (view, survey, answered) = try await req.trainingStore.surveyToAnswer(cohort: try req.uuid(), by: req.principal)
        let context = PageContext(request: req)
        return TrainingPages.feedbackForm(context, view: view, survey: survey, values: [:], notice: answered ? context["feedback.thanks"] : nil, closed: answered)
    }

    /// Form fields `q-<key>`: a number 1–5 for scale questions, text for the others; empty is no answer.
    @Sendable func answerFeedback(_ req: Request) async throws -> Response {
        let (view, survey, _) = try await req.trainingStore.surveyToAnswer(cohort: try req.uuid(), by: req.principal)
        let fields = try req.content.decode([String: String].self)
        var answers: [String: FeedbackSurvey.Answer] = [:]
        var values: [String: String] = [:]
        for question in survey.questions {
            let text = fields["q-\(question.key)"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            values[question.key] = text
            guard !text.isEmpty else { continue }
            switch question.kind {
            case .scale: answers[question.key] = Int(text).map(FeedbackSurvey.Answer.scale) ?? .text(text)
            case .text: answers[question.key] = .text(text)
            }
        }
        let context = PageContext(request: req)
        do {
            try await req.trainingStore.answerSurvey(cohort: view.cohort.storedID, answers: answers, by: req.principal)
            return try await TrainingPages.feedbackForm(context, view: view, survey: survey, values: [:], notice: context["feedback.thanks"], closed: true).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            return try await TrainingPages.feedbackForm(context, view: view, survey: survey, values: values, issues: issues, closed: false)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    struct OptInForm: Decodable { var optIn: String? }

    @Sendable func optIn(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(OptInForm.self)
        _ = try await req.trainingStore.setAlumniOptIn(id, form.optIn == "true", by: req.principal)
        return req.redirect(to: TrainingURL.application(.value(id)).path + "?answered=1", redirectType: .normal)
    }

    struct ActionPlanForm: Decodable { var text: String? }

    @Sendable func actionPlan(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(ActionPlanForm.self)
        _ = try await req.trainingStore.submitActionPlan(id, text: form.text, by: req.principal)
        return req.redirect(to: TrainingURL.application(.value(id)).path + "?answered=1", redirectType: .normal)
    }

    /// The code for the room's screen; the page reloads every 20 seconds.
    @Sendable func sessionCode(_ req: Request) async throws -> HTML {
        let index = try req.sessionIndex()
        let (view, code) = try await req.trainingStore.currentCode(cohort: try req.uuid(), session: index, by: req.principal)
        return TrainingPages.sessionCode(PageContext(request: req), view: view, index: index, code: code)
    }

    @Sendable func checkInForm(_ req: Request) async throws -> HTML {
        let index = try req.sessionIndex()
        let view = try await req.trainingStore.cohort(try req.uuid(), by: req.principal)
        guard view.terms.sessions.indices.contains(index) else { throw DomainError.notFound("session") }
        _ = try await req.trainingStore.ownAcceptedApplication(cohort: view.cohort.storedID, by: req.principal, on: req.db)
        return TrainingPages.checkIn(PageContext(request: req), view: view, index: index)
    }

    struct CheckInForm: Decodable { var code: String? }

    @Sendable func checkIn(_ req: Request) async throws -> Response {
        let index = try req.sessionIndex()
        let view = try await req.trainingStore.cohort(try req.uuid(), by: req.principal)
        let form = try req.content.decode(CheckInForm.self)
        let context = PageContext(request: req)
        do {
            _ = try await req.trainingStore.checkIn(cohort: view.cohort.storedID, session: index, code: form.code, by: req.principal)
            return try await TrainingPages.checkIn(context, view: view, index: index, notice: context["training.checkedIn"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            return try await TrainingPages.checkIn(context, view: view, index: index, issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func rankingModel(_ req: Request) async throws -> TrainingPages.RankingModel {
        guard let country = CountryCode(req.parameter(.country).uppercased()) else { throw DomainError.notFound("country") }
        try req.principal.require(TrainingAccess.allows(req.principal, .rank(country)), "rank the nominees of \(country.value)")
        let view = try await req.trainingStore.cohort(try req.uuid(), by: req.principal)
        let nominees = try await req.trainingStore.applications(of: view.cohort.storedID, by: req.principal).filter {
            $0.country == country.value && ($0.state == TraineeApplicationState.nominated.rawValue || $0.state == TraineeApplicationState.ranked.rawValue)
        }
        return .init(view: view, country: country, countryName: try await Country.find(country.value, on: req.db)?.name, nominees: nominees)
    }

    @Sendable func rankingForm(_ req: Request) async throws -> HTML {
        var model = try await rankingModel(req)
        if req.queryItem("saved") != nil { model.notice = req.strings["training.rankingSaved"] }
        return TrainingPages.ranking(PageContext(request: req), model)
    }

    /// The form gives each nominee a rank (`rank-<id>`); empty means not ranked. Ranks are
    /// read in order (ties keep the list's order) and saved as 1, 2, ….
    @Sendable func rank(_ req: Request) async throws -> Response {
        var model = try await rankingModel(req)
        let fields = try req.content.decode([String: String].self)
        var ranked: [(rank: Int, index: Int, id: UUID)] = []
        for (index, nominee) in model.nominees.enumerated() {
            let text = fields["rank-\(UUIDText.string(nominee.storedID))"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if let value = Int(text), value >= 1 { ranked.append((value, index, nominee.storedID)) }
        }
        let order = ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.id)
        do {
            _ = try await req.trainingStore.rank(cohort: model.view.cohort.storedID, country: model.country, order: order, by: req.principal)
            return req.redirect(to: TrainingURL.ranking(.value(model.view.cohort.storedID), .value(model.country.value)).path + "?saved=1", redirectType: .normal)
        } catch let refusal as any Refusal {
            model.refusal = req.strings.localized(refusal)
            return try await TrainingPages.ranking(PageContext(request: req), model).encodeResponse(status: .conflict, for: req)
        }
    }

    /// The absolute address of a certificate's verification page, for its QR code: from the
    /// request's Host header (used for nothing else).
    static func verificationURL(_ req: Request, _ code: CertificateCode) -> String {
        let host = req.headers.first(name: .host) ?? "localhost"
        let scheme = req.application.sconConfig.secureCookies ? "https" : "http"
        return "\(scheme)://\(host)\(TrainingURL.certificate(.value(code.description)).path)"
    }

    @Sendable func certificate(_ req: Request) async throws -> HTML {
        let record = try await req.trainingStore.certificate(req.parameter(.code))
        let verification = try record.certificate.verification
        return CertificatePages.verification(PageContext(request: req), verification, url: Self.verificationURL(req, verification.code), sample: record.sample,
                                             mayPrint: try await req.trainingStore.mayPrint(record, by: req.principal),
                                             mayRevoke: TrainingAccess.allows(req.principal, .manage))
    }

    @Sendable func printable(_ req: Request) async throws -> HTML {
        let record = try await req.trainingStore.certificate(req.parameter(.code))
        guard try await req.trainingStore.mayPrint(record, by: req.principal) else { throw DomainError.notFound("certificate") }
        let verification = try record.certificate.verification
        return CertificatePages.printable(PageContext(request: req), verification, url: Self.verificationURL(req, verification.code), sample: record.sample)
    }

    struct RevokeForm: Decodable { var reason: String? }

    @Sendable func revoke(_ req: Request) async throws -> Response {
        let form = try req.content.decode(RevokeForm.self)
        let code = req.parameter(.code)
        // Revoking cannot be undone: the confirmation page first, when the store would accept it
        // (who may manage, a valid certificate, a reason of 10 to 2,000 characters).
        if TrainingAccess.allows(req.principal, .manage), let record = try? await req.trainingStore.certificate(code),
           let certificate = try? record.certificate, (try? certificate.revoked(reason: form.reason ?? "", at: req.now)) != nil {
            let s = req.strings
            if let page = try await Components.confirmStep(req, ConfirmStep(
                title: s["confirm.revoke.title"], consequence: s["confirm.revoke.what"], yes: s["confirm.revoke.yes"],
                back: TrainingURL.certificate(.value(record.code)).path, destructive: true,
                subject: "\(certificate.traineeName) · \(record.code)")) {
                return page
            }
        }
        do {
            let record = try await req.trainingStore.revoke(code, reason: form.reason, by: req.principal)
            let verification = try record.certificate.verification
            return req.redirect(to: TrainingURL.certificate(.value(verification.code.description)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let record = try await req.trainingStore.certificate(code)
            let verification = try record.certificate.verification
            let page = CertificatePages.verification(PageContext(request: req), verification, url: Self.verificationURL(req, verification.code), sample: record.sample,
                                                     mayPrint: true, mayRevoke: true, issues: issues)
            return try await page.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}
