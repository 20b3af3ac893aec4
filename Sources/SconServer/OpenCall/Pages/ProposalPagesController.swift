import Fluent
import SconDomain
import Vapor

/// The pages of proposals: drafting, the proposal itself, submitting and withdrawing,
/// "my proposals", and the focal point's endorsement.
struct ProposalPagesController: RouteCollection {
    let maxAttachmentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        // A multipart form carries the file plus a little: its boundaries and the other fields.
        let uploadLimit = maxAttachmentBytes + 64 * 1024
        routes.upload(OpenCallURL.proposalAttachments(.key), maxBytes: uploadLimit, use: upload)
            .allowingBodies(upTo: uploadLimit)
        routes.post(OpenCallURL.attachmentDelete(.key), use: removeAttachment)
        routes.post(OpenCallURL.proposalAppeal(.key), use: lodgeAppeal)
        routes.post(OpenCallURL.proposalAppealAnswer(.key), use: answerAppeal)
        routes.get(OpenCallURL.callProposalNew(.key), use: newForm)
        routes.post(OpenCallURL.callProposalNew(.key), use: create)
        routes.signedIn.get(OpenCallURL.proposals, use: mine)
        routes.get(OpenCallURL.proposal(.key), use: show)
        routes.get(OpenCallURL.proposalEdit(.key), use: editForm)
        routes.post(OpenCallURL.proposalEdit(.key), use: update)
        routes.post(OpenCallURL.proposalSubmit(.key), use: submit)
        routes.post(OpenCallURL.proposalWithdraw(.key), use: withdraw)
        routes.get(OpenCallURL.callEndorsement(.key, .key), use: endorsementForm)
        routes.post(OpenCallURL.callEndorsement(.key, .key), use: endorse)
    }

    // MARK: Drafting

    @Sendable func newForm(_ req: Request) async throws -> HTML {
        let call = try await req.callStore.find(try req.uuid(), by: req.principal)
        let choices = try await Self.applicantChoices(req, call: call)
        return ProposalFormPage.render(PageContext(request: req), .init(call: call, proposalID: nil, draft: ProposalDraft(language: req.language.rawValue),
                                                                       organisationID: choices.organisations.first?.id, organisations: choices.organisations, cities: choices.cities))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let call = try await req.callStore.find(try req.uuid(), by: req.principal)
        let form = try req.content.decode(ProposalForm.self)
        do {
            let proposal = try await req.proposalStore.create(in: call.id, organisationID: form.organisation, form.draft, by: req.principal)
            return req.redirect(to: OpenCallURL.proposal(.value(proposal.id)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let choices = try await Self.applicantChoices(req, call: call)
            let page = ProposalFormPage.render(PageContext(request: req), .init(call: call, proposalID: nil, draft: form.draft, organisationID: form.organisation,
                                                                               organisations: choices.organisations, cities: choices.cities, issues: issues))
            return try await page.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func editForm(_ req: Request) async throws -> HTML {
        let model = try await ProposalStore.writableModel(try req.uuid(), by: req.principal, on: req.db)
        let call = try await req.callStore.find(model.callID, by: req.principal)
        return ProposalFormPage.render(PageContext(request: req), .init(call: call, proposalID: model.id, draft: ProposalDraft(try model.fields), organisationID: model.organisationID,
                                                                       organisations: [], cities: try await Self.cities(req, in: [model.country])))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(ProposalForm.self)
        do {
            _ = try await req.proposalStore.update(id, by: req.principal) { _ in form.draft }
            return req.redirect(to: OpenCallURL.proposal(.value(id)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let model = try await ProposalStore.writableModel(id, by: req.principal, on: req.db)
            let call = try await req.callStore.find(model.callID, by: req.principal)
            let page = ProposalFormPage.render(PageContext(request: req), .init(call: call, proposalID: id, draft: form.draft, organisationID: model.organisationID,
                                                                               organisations: [], cities: try await Self.cities(req, in: [model.country]), issues: issues))
            return try await page.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    // MARK: The proposal

    @Sendable func show(_ req: Request) async throws -> HTML {
        try await showPage(req, id: try req.uuid())
    }

    private func showPage(_ req: Request, id: UUID, message: String? = nil, problem: String? = nil) async throws -> HTML {
        let model = try await req.proposalStore.find(id, by: req.principal)
        let call = try await req.callStore.find(model.callID, by: req.principal)
        let organisation = try await Organisation.find(model.organisationID, on: req.db)
        let city = try await City.find(model.cityID, on: req.db)
        let language = req.language
        var result: (entry: SelectionOutcome.Entry?, score: Double?, comments: [String])?
        if call.state == .published, CallAccess.allows(req.principal, .writeProposal(organisation: model.organisationID)) || CallAccess.allows(req.principal, .manageCall(model.callID)),
           let decision = try await CallDecision.query(on: req.db).filter(\.$callID == model.callID).first() {
            let comments = try await Review.query(on: req.db).filter(\.$proposalID == id).filter(\.$state == "submitted").sort(\.$submittedAt).all().map(\.comment)
            result = (try decision.outcome.entries.first { $0.proposal == UUIDText.string(id) }, try decision.scores[UUIDText.string(id)], comments)
        }
        var appeal: Appeal?
        var appealUntil: Date?
        if result != nil {
            appeal = try await req.appealStore.get(id, by: req.principal)
            if appeal == nil, CallAccess.allows(req.principal, .writeProposal(organisation: model.organisationID)), let stored = try await Call.find(model.callID, on: req.db),
               AppealRules.lodgingRefusal(callState: try stored.callState, publishedAt: stored.publishedAt, days: try stored.terms().appealPeriodDays,
                                          alreadyLodged: false, now: req.now) == nil, let publishedAt = stored.publishedAt {
                appealUntil = AppealRules.deadline(publishedAt: publishedAt, days: try stored.terms().appealPeriodDays)
            }
        }
        return ProposalShowPage.render(PageContext(request: req), .init(
            proposal: try ProposalDTO(model), call: call,
            organisationName: organisation.map { $0.name.text(in: language) } ?? "",
            cityName: city.map { $0.name.text(in: language) } ?? "",
            eligibility: try await req.proposalStore.eligibility(id, by: req.principal),
            mayWrite: CallAccess.allows(req.principal, .writeProposal(organisation: model.organisationID)),
            attachments: try await req.attachmentStore.list(id, by: req.principal), maxAttachmentBytes: maxAttachmentBytes, result: result,
            appeal: appeal, appealUntil: appealUntil, mayAnswerAppeal: CallAccess.allows(req.principal, .manageCall(model.callID)),
            message: message, problem: problem,
            origin: try await LeadOrigin.html(proposal: id, PageContext(request: req), by: req.principal, on: req.db)))
    }

    @Sendable func submit(_ req: Request) async throws -> Response {
        try await act(req) { try await req.proposalStore.submit($0, by: req.principal) }
    }

    @Sendable func withdraw(_ req: Request) async throws -> Response {
        if let page = try await confirmWithdrawal(req, id: try req.uuid()) { return page }
        return try await act(req) { try await req.proposalStore.withdraw($0, by: req.principal) }
    }

    /// Withdrawing cannot be undone: the confirmation page first, when it would be allowed now.
    private func confirmWithdrawal(_ req: Request, id: UUID) async throws -> Response? {
        guard let model = try? await ProposalStore.writableModel(id, by: req.principal, on: req.db),
              let call = try? await ProposalStore.call(of: model, on: req.db),
              let state = try? model.proposalState, let terms = try? call.terms(),
              ProposalRules.withdrawalRefusal(state: state, schedule: terms.schedule, now: req.now) == nil else { return nil }
        let s = req.strings
        return try await Components.confirmStep(req, ConfirmStep(
            title: s["confirm.withdraw.title"], consequence: s["confirm.withdraw.what"], yes: s["confirm.withdraw.yes"],
            back: OpenCallURL.proposal(.value(id)).path, destructive: true,
            subject: [model.code, model.title].compactMap { $0 }.joined(separator: " ")))
    }

    /// Submit or withdraw, then the proposal again with what happened (409 with the reason when refused).
    private func act(_ req: Request, _ action: (UUID) async throws -> ProposalDTO) async throws -> Response {
        let id = try req.uuid()
        let strings = req.strings
        do {
            let proposal = try await action(id)
            let note = strings.format("proposals.nowState", ["state": strings["proposalstate.\(proposal.state.rawValue)"], "code": proposal.code ?? ""])
            return try await showPage(req, id: id, message: note).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await showPage(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await showPage(req, id: id, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }

    // MARK: Files

    struct UploadForm: Content {
        var file: File?
        var document: String?
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(UploadForm.self)
        do {
            let file = form.file
            _ = try await req.attachmentStore.attach(id, filename: file?.filename, declaredType: file?.contentType?.serialize(),
                                                     document: form.document.flatMap { Int($0) }, bytes: file.map { Array($0.data.readableBytesView) } ?? [],
                                                     maximumBytes: maxAttachmentBytes, by: req.principal)
            return try await showPage(req, id: id, message: req.strings["attachments.added"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            let context = PageContext(request: req)
            let text = issues.map { context.localized($0, label: "attachments.file") }.joined(separator: " ")
            return try await showPage(req, id: id, problem: text).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            return try await showPage(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await showPage(req, id: id, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func removeAttachment(_ req: Request) async throws -> Response {
        let proposalID = try await req.attachmentStore.remove(try req.uuid(), by: req.principal)
        return try await showPage(req, id: proposalID, message: req.strings["attachments.removed"]).encodeResponse(for: req)
    }

    // MARK: Appeals

    struct AppealForm: Content { var text: String?; var answer: String?; var upheld: String? }

    @Sendable func lodgeAppeal(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(AppealForm.self)
        do {
            _ = try await req.appealStore.lodge(id, text: form.text, by: req.principal)
            return try await showPage(req, id: id, message: req.strings["appeal.lodged"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            let context = PageContext(request: req)
            return try await showPage(req, id: id, problem: issues.map { context.localized($0, label: "appeal.text") }.joined(separator: " "))
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            return try await showPage(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await showPage(req, id: id, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func answerAppeal(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(AppealForm.self)
        do {
            _ = try await req.appealStore.answer(id, answer: form.answer, upheld: form.upheld.map { $0 == "true" }, by: req.principal)
            return try await showPage(req, id: id, message: req.strings["appeal.answered"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            let context = PageContext(request: req)
            return try await showPage(req, id: id, problem: issues.map { context.localized($0, label: "appeal.answer") }.joined(separator: " "))
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            return try await showPage(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await showPage(req, id: id, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func mine(_ req: Request) async throws -> HTML {
        let proposals = try await req.proposalStore.mine(req.principal)
        let calls = try await Call.query(on: req.db).filter(\.$id ~~ Set(proposals.map(\.callID))).all()
        let organisations = try await Organisation.query(on: req.db).filter(\.$id ~~ Set(proposals.map(\.organisationID))).all()
        let language = req.language
        let rows = try proposals.map { proposal in
            ProposalTable.Row(proposal: try ProposalDTO(proposal),
                              callTitle: try calls.first { $0.id == proposal.callID }?.terms().title.text(in: language) ?? "",
                              organisationName: organisations.first { $0.id == proposal.organisationID }.map { $0.name.text(in: language) } ?? "")
        }
        return MyProposalsPage.render(PageContext(request: req), rows)
    }

    // MARK: Endorsement

    @Sendable func endorsementForm(_ req: Request) async throws -> HTML {
        try await endorsementPage(req, callID: try req.uuid(), country: try req.countryParameter())
    }

    @Sendable func endorse(_ req: Request) async throws -> Response {
        let callID = try req.uuid()
        let country = try req.countryParameter()
        let ranks = try req.content.decode(EndorsementForm.self).rank ?? [:]
        var placed: [(rank: Int, id: UUID)] = []
        var issues: [FieldIssue] = []
        for (text, rankText) in ranks where !rankText.isEmpty {
            guard let id = UUID(uuidString: text), let rank = Int(rankText) else { continue }
            if placed.contains(where: { $0.rank == rank }) {
                issues.append(FieldIssue(field: "proposals", code: "duplicate", detail: "two proposals cannot share rank \(rank)."))
            }
            placed.append((rank, id))
        }
        do {
            if !issues.isEmpty { throw DomainError.invalid(issues) }
            let ranking = placed.sorted { $0.rank < $1.rank }.map(\.id)
            _ = try await req.endorsementStore.set(callID, country, ranking, by: req.principal)
            return try await endorsementPage(req, callID: callID, country: country, message: req.strings["endorsement.saved"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            return try await endorsementPage(req, callID: callID, country: country, issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func endorsementPage(_ req: Request, callID: UUID, country: CountryCode, issues: [FieldIssue] = [], message: String? = nil) async throws -> HTML {
        let endorsement = try await req.endorsementStore.get(callID, country, by: req.principal)
        let call = try await req.callStore.find(callID, by: req.principal)
        let proposals = try await Proposal.query(on: req.db).filter(\.$callID == callID).filter(\.$countryCode == country.value)
            .filter(\.$state == ProposalState.submitted.rawValue).sort(\.$code).all().map(ProposalDTO.init)
        let countries = try await req.application.countryNames.all(on: req.db)
        return EndorsementPage.render(PageContext(request: req), .init(call: call, country: country.value, countryName: countries.name(of: country.value, in: req.language),
                                                                      proposals: proposals, ranking: endorsement.proposals, limit: endorsement.limit,
                                                                      issues: issues, message: message))
    }

    // MARK: Choices

    /// The organisations the person may apply for to this call, and their countries' cities.
    static func applicantChoices(_ req: Request, call: CallDTO) async throws -> (organisations: [(id: UUID, name: String)], cities: [(id: UUID, name: String)]) {
        let ids = req.principal.organisationIDs.compactMap(UUID.init(uuidString:))
        let eligible = Set(call.terms.eligibleCountries.map(\.value))
        let organisations = try await Organisation.query(on: req.db).filter(\.$id ~~ ids).all().filter { eligible.contains($0.countryCode) }
        try req.principal.require(!organisations.isEmpty, "write proposals to this call (you are not a member of an organisation in an eligible country)")
        let language = req.language
        let choices = try organisations.map { (id: try $0.requireID(), name: $0.name.text(in: language)) }
        return (choices, try await cities(req, in: Set(organisations.compactMap { CountryCode($0.countryCode) })))
    }

    static func cities(_ req: Request, in countries: Set<CountryCode>) async throws -> [(id: UUID, name: String)] {
        let language = req.language
        return try await City.query(on: req.db).filter(\.$countryCode ~~ countries.map(\.value)).sort(\.$sortKey).all()
            .map { (id: try $0.requireID(), name: "\($0.name.text(in: language)) (\($0.countryCode))") }
    }
}

/// The proposal form as posted. A budget that is not a whole number becomes -1, which the
/// domain's range rule names.
struct ProposalForm: Content {
    var organisation: UUID?
    var city: String?
    var title: String?
    var problem: String?
    var objectives: String?
    var supportType: String?
    var budget: String?
    var counterpart: String?
    var language: String?

    var draft: ProposalDraft {
        ProposalDraft(cityID: city.flatMap(UUID.init(uuidString:)), title: title, problem: problem, objectives: objectives,
                      supportType: supportType, budget: CallForm.number(budget), counterpart: counterpart, language: language)
    }
}

/// `rank[<proposal id>]=<rank or empty>` for each of the country's submitted proposals.
struct EndorsementForm: Content {
    var rank: [String: String]?
}
