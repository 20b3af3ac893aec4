import Fluent
import SconDomain
import Vapor

/// The joining pages: "Your organisations" (ask to join, propose an organisation), the
/// decisions on an organisation's page, and the office's list of proposed organisations.
struct JoinPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let signedIn = routes.grouped(RequireSignedIn())
        signedIn.get(DirectoryURL.myOrganisations, use: myOrganisations)
        signedIn.post(DirectoryURL.join, use: join)
        signedIn.post(DirectoryURL.joinRequestDecision(.key), use: decide)
        signedIn.post(DirectoryURL.joinRequestWithdraw(.key), use: withdraw)
        signedIn.post(DirectoryURL.register, use: register)
        signedIn.get(DirectoryURL.registrations, use: registrations)
        signedIn.post(DirectoryURL.registrationDecision(.key), use: decideRegistration)
        routes.get(DirectoryURL.help) { req async throws -> HTML in HelpPage.render(PageContext(request: req)) }
    }

    @Sendable func myOrganisations(_ req: Request) async throws -> HTML {
        var model = try await Self.model(req)
        if let chosen = req.queryItem("organisation").flatMap(UUID.init(uuidString:)) { model.joinOrganisation = UUIDText.string(chosen) }
        return JoiningPage.render(PageContext(request: req), model)
    }

    struct JoinForm: Content { var organisation: String?; var message: String? }

    @Sendable func join(_ req: Request) async throws -> Response {
        let form = try req.content.decode(JoinForm.self)
        var model = try await Self.model(req)
        model.joinOrganisation = form.organisation
        model.joinMessage = form.message
        var known: UUID?
        if let id = UUID(uuidString: form.organisation ?? ""), try await Organisation.find(id, on: req.db) != nil { known = id }
        guard let id = known else {
            model.joinIssues = [FieldIssue(field: "organisation", code: "required", detail: "choose an organisation of the directory.")]
                + Self.messageIssues(form.message)
            return try await JoiningPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        }
        do {
            _ = try await req.joinStore.request(id, message: form.message, by: req.principal)
            return req.redirect(to: DirectoryURL.myOrganisations.path + "#join-requests", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            model.joinIssues = issues
            return try await JoiningPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as JoinRefusal {
            model.alert = req.strings.localized(refusal)
            return try await JoiningPage.render(PageContext(request: req), model).encodeResponse(status: .conflict, for: req)
        }
    }

    /// The message's issues alone (when the organisation is missing too, both are shown).
    static func messageIssues(_ message: String?) -> [FieldIssue] {
        var rules = FieldRules()
        rules.text(message, field: "message", max: JoinRequest.maxMessage)
        return rules.issues
    }

    struct DecisionForm: Content { var decision: String?; var reason: String? }

    @Sendable func decide(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(DecisionForm.self)
        let found = try await req.joinStore.find(id, by: req.principal)
        let page = DirectoryURL.organisation(.value(found.organisationID)).path
        do {
            _ = try await req.joinStore.decide(id, form.decision, reason: form.reason, by: req.principal)
            return req.redirect(to: page + "#join-requests", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            let model = try await DirectoryPagesController.showModel(req, id: found.organisationID, joinFailure: (id, issues, form.reason, nil))
            return try await OrganisationShowPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as JoinRefusal {
            let model = try await DirectoryPagesController.showModel(req, id: found.organisationID, joinFailure: (nil, [], nil, req.strings.localized(refusal)))
            return try await OrganisationShowPage.render(PageContext(request: req), model).encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func withdraw(_ req: Request) async throws -> Response {
        do {
            _ = try await req.joinStore.withdraw(try req.uuid(), by: req.principal)
        } catch let refusal as JoinRefusal {
            var model = try await Self.model(req)
            model.alert = req.strings.localized(refusal)
            return try await JoiningPage.render(PageContext(request: req), model).encodeResponse(status: .conflict, for: req)
        }
        return req.redirect(to: DirectoryURL.myOrganisations.path + "#join-requests", redirectType: .normal)
    }

    struct RegisterForm: Content { var nameEn: String?; var nameKo: String?; var type: String?; var country: String?; var city: String?; var website: String? }

    @Sendable func register(_ req: Request) async throws -> Response {
        let form = try req.content.decode(RegisterForm.self)
        let draft = OrganisationDraft(nameEn: form.nameEn, nameKo: form.nameKo, type: form.type, country: form.country, website: form.website)
        var model = try await Self.model(req)
        model.draft = draft
        model.city = form.city
        do {
            _ = try await req.joinStore.propose(draft, city: form.city, by: req.principal)
            return req.redirect(to: DirectoryURL.myOrganisations.path + "#registrations", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            model.registerIssues = issues
            return try await JoiningPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as JoinRefusal {
            model.alert = req.strings.localized(refusal)
            return try await JoiningPage.render(PageContext(request: req), model).encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func registrations(_ req: Request) async throws -> HTML {
        try req.principal.require(DirectoryAccess.allows(req.principal, .reviewRegistrations), "review proposed organisations")
        return ProposedOrganisationsPage.render(PageContext(request: req), try await Self.registrationsModel(req))
    }

    @Sendable func decideRegistration(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(DecisionForm.self)
        do {
            _ = try await req.joinStore.decideRegistration(id, form.decision, reason: form.reason, by: req.principal)
            return req.redirect(to: DirectoryURL.registrations.path, redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            var model = try await Self.registrationsModel(req)
            model.failed = id
            model.issues = issues
            model.reason = form.reason
            return try await ProposedOrganisationsPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as JoinRefusal {
            var model = try await Self.registrationsModel(req)
            model.alert = req.strings.localized(refusal)
            return try await ProposedOrganisationsPage.render(PageContext(request: req), model).encodeResponse(status: .conflict, for: req)
        }
    }

    // MARK: Models

    /// What "Your organisations" shows for the signed-in person.
    static func model(_ req: Request) async throws -> JoiningSection.Model {
        let store = req.joinStore
        let requests = try await store.mine(req.principal)
        let registrations = try await store.registrations(for: Principal(userID: req.principal.userID, grants: []), state: nil, PageQuery(limit: 100)).items
        let organisations = try await Organisation.query(on: req.db).sort(\.$sortKey).all()
        let names = try await JoinNames.load(requests, on: req.db)
        let mine = req.principal.organisations
        let cities = try await City.query(on: req.db).sort(\.$countryCode).sort(\.$sortKey).all()
        return JoiningSection.Model(
            memberships: organisations.filter { mine.contains($0.storedID) }.map { (id: $0.storedID, name: $0.name) },
            organisations: organisations.map { (id: $0.storedID, name: $0.name, country: $0.countryCode) },
            requests: requests, names: names, registrations: registrations.sorted { $0.proposedAt > $1.proposedAt },
            countries: try await req.application.countryNames.all(on: req.db),
            cities: cities.map { (id: $0.storedID, name: LocalizedText(en: $0.nameEn, ko: $0.nameKo), country: $0.countryCode) })
    }

    /// The `/account` section: the same, without the proposal form's lists of cities.
    static func accountSection(_ req: Request) async throws -> HTML {
        guard req.principal.isSignedIn else { return .empty }
        return JoiningSection.join(PageContext(request: req), try await model(req))
    }

    static func registrationsModel(_ req: Request) async throws -> ProposedOrganisationsPage.Model {
        let pending = try await req.joinStore.registrations(for: req.principal, state: .pending, PageQuery(limit: PageQuery.maximumLimit)).items
            .sorted { $0.proposedAt < $1.proposedAt }
        let cityIDs = pending.compactMap(\.cityID)
        var cities: [UUID: LocalizedText] = [:]
        if !cityIDs.isEmpty {
            for city in try await City.query(on: req.db).filter(\.$id ~~ cityIDs).all() { cities[city.storedID] = LocalizedText(en: city.nameEn, ko: city.nameKo) }
        }
        return ProposedOrganisationsPage.Model(pending: pending, names: try await JoinNames.load(users: pending.compactMap(\.proposerID), organisations: [], on: req.db),
                                       countries: try await req.application.countryNames.all(on: req.db), cities: cities)
    }

    /// The joining part of an organisation's page.
    static func organisationSection(_ req: Request, organisation: UUID,
                                    failure: (request: UUID?, issues: [FieldIssue], reason: String?, alert: String?)?) async throws -> HTML {
        let principal = req.principal
        let pending = try await req.joinStore.pending(of: organisation, for: principal)
        var mayAsk = false
        if let user = principal.userID, !principal.organisations.contains(organisation) {
            mayAsk = try await JoinRequestRecord.query(on: req.db).filter(\.$userID == user).filter(\.$organisationID == organisation)
                .filter(\.$state == JoinRequestState.pending.rawValue).count() == 0
        }
        let model = JoinRequestsSection.Model(organisation: organisation, pending: pending, names: try await JoinNames.load(pending, on: req.db), mayAsk: mayAsk,
                                              failed: failure?.request, issues: failure?.issues ?? [], reason: failure?.reason, alert: failure?.alert)
        return JoinRequestsSection.render(PageContext(request: req), model)
    }
}
