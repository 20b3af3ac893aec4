import Fluent
import SconDomain
import Vapor

/// The marketplace's pages: `MarketplaceURL`.
struct MarketplacePagesController: RouteCollection {
    let maxAttachmentBytes: Int

    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        // A multipart form carries the file plus a little: its boundaries and the CSRF field.
        let uploadLimit = maxAttachmentBytes + 64 * 1024
        signedIn.upload(MarketplaceURL.challengeAttachments(.key), maxBytes: uploadLimit, use: uploadAttachment)
            .allowingBodies(upTo: uploadLimit)
        signedIn.post(MarketplaceURL.challengeAttachmentDelete(.key, attachment: .key), use: removeAttachment)
        routes.get(MarketplaceURL.home, use: home)
        signedIn.get(MarketplaceURL.challengeNew, use: newChallenge)
        signedIn.post(MarketplaceURL.challengeNew, use: createChallenge)
        routes.get(MarketplaceURL.challenge(.key), use: challenge)
        signedIn.get(MarketplaceURL.challengeEdit(.key), use: editChallenge)
        signedIn.post(MarketplaceURL.challengeEdit(.key), use: updateChallenge)
        signedIn.post(MarketplaceURL.challengeStatus(.key), use: moveChallenge)
        signedIn.get(MarketplaceURL.solutionNew, use: newSolution)
        signedIn.post(MarketplaceURL.solutionNew, use: createSolution)
        routes.get(MarketplaceURL.solution(.key), use: solution)
        signedIn.get(MarketplaceURL.solutionEdit(.key), use: editSolution)
        signedIn.post(MarketplaceURL.solutionEdit(.key), use: updateSolution)
        signedIn.post(MarketplaceURL.solutionStatus(.key), use: moveSolution)
        routes.get(MarketplaceURL.pair(challenge: .key, solution: .key), use: pair)
        signedIn.post(MarketplaceURL.pairInterest(challenge: .key, solution: .key), use: sayInterested)
        signedIn.post(MarketplaceURL.pairMessages(challenge: .key, solution: .key), use: postMessage)
        signedIn.post(MarketplaceURL.pairLead(challenge: .key, solution: .key), use: makeLead)
        signedIn.post(MarketplaceURL.pairMeeting(challenge: .key, solution: .key), use: requestMeeting)
        signedIn.post(MarketplaceURL.pairProposal(challenge: .key, solution: .key), use: makeProposal)
    }

    // MARK: Lists

    @Sendable func home(_ req: Request) async throws -> HTML {
        let showSolutions = req.queryItem("show") == "solutions"
        let filter = showSolutions ? try req.solutionFilter(language: "language") : try req.challengeFilter(language: "language")
        let page = try req.pageQuery()
        let query = req.marketplaceQuery
        return MarketplaceHomePage.render(PageContext(request: req), .init(
            showSolutions: showSolutions, filter: filter,
            challenges: showSolutions ? nil : try await query.challenges(filter, page, for: req.principal),
            solutions: showSolutions ? try await query.solutions(filter, page, for: req.principal) : nil,
            countries: try await req.application.countryNames.all(on: req.db),
            mayPost: req.principal.isSignedIn))
    }

    // MARK: Challenges

    struct ChallengeForm: Content {
        var organisation: String?; var city: String?; var sectors: [String]?; var language: String?
        var title: String?; var body: String?; var titleKo: String?; var bodyKo: String?; var titleEn: String?; var bodyEn: String?
        var peopleAffected: String?; var budgetMin: String?; var budgetMax: String?; var budgetCurrency: String?
        var timing: String?; var contact: String?; var publish: String?

        var draft: ChallengeDraft {
            var draft = ChallengeDraft()
            draft.organisationID = organisation.flatMap(UUID.init(uuidString:)); draft.cityID = city.flatMap(UUID.init(uuidString:))
            draft.sectors = sectors ?? []; draft.language = language
            draft.title = title; draft.body = body; draft.titleKo = titleKo; draft.bodyKo = bodyKo; draft.titleEn = titleEn; draft.bodyEn = bodyEn
            draft.peopleAffected = peopleAffected.flatMap { Int($0.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)) }
            draft.budgetMin = budgetMin; draft.budgetMax = budgetMax; draft.budgetCurrency = budgetCurrency.flatMap { $0.isEmpty ? nil : $0 }
            draft.timing = timing; draft.contact = contact
            return draft
        }

        /// A people-affected text that is not a whole number, as an issue of its own.
        var peopleIssue: FieldIssue? {
            guard let text = peopleAffected?.trimmingCharacters(in: .whitespaces), !text.isEmpty, draft.peopleAffected == nil else { return nil }
            return FieldIssue(field: "peopleAffected", code: "invalid", detail: "peopleAffected is a whole number from 0 to 100,000,000.")
        }
    }

    @Sendable func newChallenge(_ req: Request) async throws -> HTML {
        var draft = ChallengeDraft()
        draft.organisationID = req.principal.organisations.count == 1 ? req.principal.organisations.first : nil
        return MarketplaceFormPage.challenge(PageContext(request: req), id: nil, draft: draft, peopleText: nil, publish: false,
                                             options: try await formOptions(req), issues: [])
    }

    @Sendable func createChallenge(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ChallengeForm.self)
        do {
            if let issue = form.peopleIssue { throw DomainError.invalid(try await req.challengeStore.issues(of: form.draft) + [issue]) }
            let created = try await req.challengeStore.create(form.draft, publish: form.publish == "true", by: req.principal)
            return req.redirect(to: MarketplaceURL.challenge(.value(created.storedID)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await MarketplaceFormPage.challenge(PageContext(request: req), id: nil, draft: form.draft, peopleText: form.peopleAffected,
                                                           publish: form.publish == "true", options: try await formOptions(req), issues: issues)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func challenge(_ req: Request) async throws -> HTML {
        try await challengePage(req, id: try req.uuid(), notice: req.queryItem("done").map { _ in PageContext(request: req)["market.saved"] }, problem: nil)
    }

    private func challengePage(_ req: Request, id: UUID, notice: String?, problem: String?) async throws -> HTML {
        let challenge = try await req.challengeStore.find(id, by: req.principal)
        let matches = try await MatchFinder(db: req.db).solutions(for: challenge)
        let city = try await challenge.cityID.asyncFlatMap { try await City.find($0, on: req.db) }
        let mayEdit = MarketplaceAccess.allows(req.principal, .edit(MarketplaceFacts(organisation: challenge.organisationID, published: try challenge.challengeStatus.isPublished)))
        return MarketplaceShowPage.render(PageContext(request: req), .init(
            challenge: challenge, solution: nil, organisation: try await OrganisationQuery(rows: req.rows).find(challenge.organisationID),
            cityName: city.map { LocalizedText(en: $0.nameEn, ko: $0.nameKo) }, countries: try await req.application.countryNames.all(on: req.db),
            matches: matches.map { ($0.0, MarketplaceText($0.1, in: PageContext(request: req).language).title) }, mayEdit: mayEdit, notice: notice, problem: problem,
            budgetKRW: challenge.budgetKRW(try await MarketplaceRates.latest(on: req.db)),
            attachments: try await ChallengeAttachmentStore.summaries(id, on: req.db), maxAttachmentBytes: maxAttachmentBytes))
    }

    @Sendable func editChallenge(_ req: Request) async throws -> HTML {
        let id = try req.uuid()
        let model = try await req.challengeStore.find(id, by: req.principal)
        try req.principal.require(MarketplaceAccess.allows(req.principal, .edit(MarketplaceFacts(organisation: model.organisationID, published: true))), "change this challenge")
        return MarketplaceFormPage.challenge(PageContext(request: req), id: id, draft: ChallengeStore.draft(of: model), peopleText: nil, publish: false,
                                             options: try await formOptions(req), issues: [])
    }

    @Sendable func updateChallenge(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(ChallengeForm.self)
        do {
            if let issue = form.peopleIssue { throw DomainError.invalid(try await req.challengeStore.issues(of: form.draft) + [issue]) }
            let draft = form.draft
            _ = try await req.challengeStore.update(id, by: req.principal) { _ in draft }
            return req.redirect(to: MarketplaceURL.challenge(.value(id)).path + "?done=saved", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await MarketplaceFormPage.challenge(PageContext(request: req), id: id, draft: form.draft, peopleText: form.peopleAffected,
                                                           publish: false, options: try await formOptions(req), issues: issues)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    struct StatusForm: Content { var status: String? }

    @Sendable func moveChallenge(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(StatusForm.self)
        do {
            _ = try await req.challengeStore.move(id, to: form.status, by: req.principal)
            return req.redirect(to: MarketplaceURL.challenge(.value(id)).path + "?done=status", redirectType: .normal)
        } catch let refusal as MarketplaceRefusal {
            return try await challengePage(req, id: id, notice: nil, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        }
    }

    // MARK: A challenge's files

    struct UploadForm: Content { var file: File? }

    @Sendable func uploadAttachment(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(UploadForm.self)
        do {
            let file = form.file
            _ = try await req.challengeAttachmentStore.attach(id, filename: file?.filename, declaredType: file?.contentType?.serialize(),
                                                              bytes: file.map { Array($0.data.readableBytesView) } ?? [], maximumBytes: maxAttachmentBytes,
                                                              by: req.principal)
            return req.redirect(to: MarketplaceURL.challenge(.value(id)).path + "?done=attached#attachments", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let context = PageContext(request: req)
            let text = issues.map { context.localized($0, label: "market.attachments.file") }.joined(separator: " ")
            return try await challengePage(req, id: id, notice: nil, problem: text).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// Removing a file cannot be undone: the confirmation page first.
    @Sendable func removeAttachment(_ req: Request) async throws -> Response {
        let id = try req.uuid(), attachment = try req.uuid(.attachment)
        let file = try await req.challengeAttachmentStore.removable(id, attachment, by: req.principal)
        let s = req.strings
        if let page = try await Components.confirmStep(req, ConfirmStep(
            title: s["market.attachments.confirm"], consequence: s["market.attachments.confirm.what"], yes: s["market.attachments.confirm.yes"],
            back: MarketplaceURL.challenge(.value(id)).path + "#attachments", destructive: true, subject: file.filename)) {
            return page
        }
        try await req.challengeAttachmentStore.remove(id, attachment, by: req.principal)
        return req.redirect(to: MarketplaceURL.challenge(.value(id)).path + "?done=removed#attachments", redirectType: .normal)
    }

    // MARK: Solutions

    struct SolutionForm: Content {
        var organisation: String?; var sectors: [String]?; var language: String?
        var title: String?; var body: String?; var titleKo: String?; var bodyKo: String?; var titleEn: String?; var bodyEn: String?
        var readiness: String?; var priceModel: String?; var languages: [String]?; var references: [String]?; var publish: String?

        var draft: SolutionDraft {
            var draft = SolutionDraft()
            draft.organisationID = organisation.flatMap(UUID.init(uuidString:))
            draft.sectors = sectors ?? []; draft.language = language
            draft.title = title; draft.body = body; draft.titleKo = titleKo; draft.bodyKo = bodyKo; draft.titleEn = titleEn; draft.bodyEn = bodyEn
            draft.readiness = readiness.flatMap { $0.isEmpty ? nil : $0 }; draft.priceModel = priceModel
            draft.languages = languages ?? []; draft.references = (references ?? []).compactMap(UUID.init(uuidString:))
            return draft
        }
    }

    @Sendable func newSolution(_ req: Request) async throws -> HTML {
        var draft = SolutionDraft()
        draft.organisationID = req.principal.organisations.count == 1 ? req.principal.organisations.first : nil
        return MarketplaceFormPage.solution(PageContext(request: req), id: nil, draft: draft, publish: false, options: try await formOptions(req), issues: [])
    }

    @Sendable func createSolution(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SolutionForm.self)
        do {
            let created = try await req.solutionStore.create(form.draft, publish: form.publish == "true", by: req.principal)
            return req.redirect(to: MarketplaceURL.solution(.value(created.storedID)).path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await MarketplaceFormPage.solution(PageContext(request: req), id: nil, draft: form.draft, publish: form.publish == "true",
                                                          options: try await formOptions(req), issues: issues)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func solution(_ req: Request) async throws -> HTML {
        try await solutionPage(req, id: try req.uuid(), notice: req.queryItem("done").map { _ in PageContext(request: req)["market.saved"] }, problem: nil)
    }

    private func solutionPage(_ req: Request, id: UUID, notice: String?, problem: String?) async throws -> HTML {
        let solution = try await req.solutionStore.find(id, by: req.principal)
        let matches = try await MatchFinder(db: req.db).challenges(for: solution)
        let references = try await City.query(on: req.db).filter(\.$id ~~ (try solution.referenceList)).all()
        let mayEdit = MarketplaceAccess.allows(req.principal, .edit(MarketplaceFacts(organisation: solution.organisationID, published: try solution.solutionStatus.isPublished)))
        let language = PageContext(request: req).language
        return MarketplaceShowPage.render(PageContext(request: req), .init(
            challenge: nil, solution: solution, organisation: try await OrganisationQuery(rows: req.rows).find(solution.organisationID),
            cityName: nil, references: references.map { LocalizedText(en: $0.nameEn, ko: $0.nameKo) },
            countries: try await req.application.countryNames.all(on: req.db),
            matches: matches.map { ($0.0, MarketplaceText($0.1, in: language).title) }, mayEdit: mayEdit, notice: notice, problem: problem))
    }

    @Sendable func editSolution(_ req: Request) async throws -> HTML {
        let id = try req.uuid()
        let model = try await req.solutionStore.find(id, by: req.principal)
        try req.principal.require(MarketplaceAccess.allows(req.principal, .edit(MarketplaceFacts(organisation: model.organisationID, published: true))), "change this solution")
        return MarketplaceFormPage.solution(PageContext(request: req), id: id, draft: try SolutionStore.draft(of: model), publish: false,
                                            options: try await formOptions(req), issues: [])
    }

    @Sendable func updateSolution(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(SolutionForm.self)
        do {
            let draft = form.draft
            _ = try await req.solutionStore.update(id, by: req.principal) { _ in draft }
            return req.redirect(to: MarketplaceURL.solution(.value(id)).path + "?done=saved", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await MarketplaceFormPage.solution(PageContext(request: req), id: id, draft: form.draft, publish: false,
                                                          options: try await formOptions(req), issues: issues)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func moveSolution(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(StatusForm.self)
        do {
            _ = try await req.solutionStore.move(id, to: form.status, by: req.principal)
            return req.redirect(to: MarketplaceURL.solution(.value(id)).path + "?done=status", redirectType: .normal)
        } catch let refusal as MarketplaceRefusal {
            return try await solutionPage(req, id: id, notice: nil, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        }
    }

    // MARK: A pair and its conversation

    @Sendable func pair(_ req: Request) async throws -> HTML {
        try await pairPage(req, draft: "", issues: [], problem: nil)
    }

    private func pairPage(_ req: Request, draft: String, issues: [FieldIssue], problem: String?,
                          followUpForm: MarketplaceFollowUpSection.Form? = nil, followUpValues: [String: String] = [:]) async throws -> HTML {
        let store = req.conversationStore
        let pair = try await store.pair(try req.uuid(.challenge), try req.uuid(.solution), by: req.principal)
        let interest = try await store.interest(in: pair)
        let principal = req.principal
        let mayRead = MarketplaceAccess.allows(principal, .readConversation(challengeSide: pair.challengeSide, solutionSide: pair.solutionSide))
        let messages = mayRead ? try await store.messages(of: pair) : nil
        let match = MarketplaceMatching.match(try MatchFinder.facts(of: pair.challenge),
                                              try MatchFinder.facts(of: pair.solution, countries: try await MatchFinder(db: req.db).referenceCountries(of: [pair.solution])))
        let organisationIDs = Set([pair.challengeSide, pair.solutionSide] + (messages ?? []).map(\.organisationID))
        let organisations = try await Organisation.query(on: req.db).filter(\.$id ~~ Array(organisationIDs)).all()
        let authors = try await MarketplaceAuthors.names(of: Set((messages ?? []).map(\.authorID)), on: req.db)
        let saidFor = [(interest.challengeSide, pair.challengeSide), (interest.solutionSide, pair.solutionSide)]
        let maySay = saidFor.contains { !$0.0 && MarketplaceAccess.allows(principal, .expressInterest(side: $0.1)) }
        var followUp: MarketplaceFollowUpSection.Model?
        if interest.mutual && principal.isSignedIn {
            let store = req.followUpStore
            let centres = try await store.leadCentres(for: pair, by: principal)
            let speaks = MarketplaceAccess.allows(principal, .followUp(side: pair.challengeSide)) || MarketplaceAccess.allows(principal, .followUp(side: pair.solutionSide))
            if mayRead || !centres.isEmpty {
                let made = try await store.made(pair)
                followUp = .init(made: made, leadCentres: centres,
                                 chances: speaks ? try await store.meetingChances(for: pair, by: principal) : nil,
                                 calls: store.mayPropose(pair, by: principal) ? try await store.openCalls(for: pair, by: principal) : nil,
                                 form: followUpForm, issues: followUpForm == nil ? [] : issues, values: followUpValues,
                                 keepsLeadBoard: made.lead.map { CentreAccess.allows(principal, .keepBoard($0.centreID)) } ?? false)
            }
        }
        return MarketplacePairPage.render(PageContext(request: req), .init(
            pair: pair, interest: interest, match: match, maySayInterested: maySay, messages: messages,
            mayWrite: MarketplaceAccess.allows(principal, .writeConversation(challengeSide: pair.challengeSide, solutionSide: pair.solutionSide)),
            authors: authors, organisations: Dictionary(uniqueKeysWithValues: organisations.map { ($0.storedID, $0.name) }),
            draft: draft, issues: followUpForm == nil ? issues : [], problem: problem, followUp: followUp))
    }

    @Sendable func sayInterested(_ req: Request) async throws -> Response {
        let challenge = try req.uuid(.challenge), solution = try req.uuid(.solution)
        _ = try await req.conversationStore.expressInterest(challenge, solution, by: req.principal)
        return req.redirect(to: MarketplaceURL.pair(challenge: .value(challenge), solution: .value(solution)).path, redirectType: .normal)
    }

    struct MessageForm: Content { var text: String? }

    @Sendable func postMessage(_ req: Request) async throws -> Response {
        let challenge = try req.uuid(.challenge), solution = try req.uuid(.solution)
        let form = try req.content.decode(MessageForm.self)
        do {
            _ = try await req.conversationStore.post(form.text, challenge, solution, by: req.principal)
            return req.redirect(to: MarketplaceURL.pair(challenge: .value(challenge), solution: .value(solution)).path + "#conversation", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await pairPage(req, draft: form.text ?? "", issues: issues, problem: nil).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as ConversationRefusal {
            return try await pairPage(req, draft: form.text ?? "", issues: [], problem: req.strings.localized(refusal))
                .encodeResponse(status: .conflict, for: req)
        }
    }

    // MARK: Following a mutual pair up

    /// Runs a follow-up; its form's errors (422) or refusal (409) come back on the pair's page.
    private func followUp(_ req: Request, _ form: MarketplaceFollowUpSection.Form, values: [String: String],
                          _ action: @Sendable (UUID, UUID) async throws -> String) async throws -> Response {
        let challenge = try req.uuid(.challenge), solution = try req.uuid(.solution)
        do {
            return req.redirect(to: try await action(challenge, solution), redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await pairPage(req, draft: "", issues: issues, problem: nil, followUpForm: form, followUpValues: values)
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            return try await pairPage(req, draft: "", issues: [], problem: req.strings.localized(refusal), followUpForm: form, followUpValues: values)
                .encodeResponse(status: .conflict, for: req)
        }
    }

    struct LeadForm: Content { var centre: String?; var supportType: String?; var owner: String? }

    @Sendable func makeLead(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LeadForm.self)
        let principal = req.principal, store = req.followUpStore
        return try await followUp(req, .lead, values: ["centre": form.centre ?? "", "supportType": form.supportType ?? "", "owner": form.owner ?? ""]) { c, s in
            _ = try await store.lead(c, s, centre: form.centre.flatMap(UUID.init(uuidString:)), supportType: form.supportType.flatMap { $0.isEmpty ? nil : $0 },
                                     owner: form.owner, by: principal)
            return MarketplaceURL.pair(challenge: .value(c), solution: .value(s)).path + "#follow-up"
        }
    }

    struct MeetingForm: Content { var event: String?; var message: String? }

    @Sendable func requestMeeting(_ req: Request) async throws -> Response {
        let form = try req.content.decode(MeetingForm.self)
        let principal = req.principal, store = req.followUpStore
        return try await followUp(req, .meeting, values: ["event": form.event ?? "", "message": form.message ?? ""]) { c, s in
            _ = try await store.meeting(c, s, event: form.event.flatMap(UUID.init(uuidString:)), priority: nil, message: form.message, by: principal)
            return MarketplaceURL.pair(challenge: .value(c), solution: .value(s)).path + "#follow-up"
        }
    }

    struct ProposalForm: Content { var call: String?; var supportType: String?; var budget: String? }

    @Sendable func makeProposal(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ProposalForm.self)
        let principal = req.principal, store = req.followUpStore
        let budgetText = (form.budget ?? "").replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        return try await followUp(req, .proposal, values: ["call": form.call ?? "", "supportType": form.supportType ?? "", "budget": form.budget ?? ""]) { c, s in
            if !budgetText.isEmpty && Int(budgetText) == nil {
                throw DomainError.invalid([FieldIssue(field: "budget", code: "invalid", detail: "budget is a whole number of KRW.")])
            }
            let dto = try await store.proposal(c, s, call: form.call.flatMap(UUID.init(uuidString:)), supportType: form.supportType.flatMap { $0.isEmpty ? nil : $0 },
                                               budget: Int(budgetText), by: principal)
            return OpenCallURL.proposal(.value(dto.id)).path
        }
    }

    // MARK: Form options

    private func formOptions(_ req: Request) async throws -> MarketplaceFormPage.Options {
        let language = PageContext(request: req).language
        let principal = req.principal
        let organisations = try await Organisation.query(on: req.db).sort(\.$sortKey).all()
            .filter { MarketplaceAccess.allows(principal, .postSolution(organisation: $0.storedID)) || MarketplaceAccess.mayPostChallengeAnywhere(principal) }
        let cities = try await City.query(on: req.db).sort(\.$countryCode).sort(\.$nameEn).all()
        let cityOptions = cities.map { (value: UUIDText.string($0.storedID), label: "\(language == .ko ? $0.nameKo : $0.nameEn) (\($0.countryCode))") }
        return .init(organisations: organisations.map { (value: UUIDText.string($0.storedID), label: $0.name.text(in: language)) },
                     cities: cityOptions)
    }
}
