import Fluent
import SconDomain
import Vapor

/// The pages of the review: a reviewer's profile, conflicts, reviews; the officer's assignment.
struct ReviewPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn.get(ReviewURL.reviewerProfile, use: profile)
        routes.signedIn.post(ReviewURL.reviewerProfile, use: saveProfile)
        routes.get(ReviewURL.callConflicts(.key), use: conflicts)
        routes.post(ReviewURL.callConflicts(.key), use: declare)
        routes.signedIn.get(ReviewURL.reviews, use: reviews)
        routes.get(ReviewURL.review(.key), use: review)
        routes.post(ReviewURL.review(.key), use: saveReview)
        routes.get(ReviewURL.callAssignment(.key), use: assignment)
        routes.post(ReviewURL.callAssignment(.key), use: runAssignment)
        routes.post(ReviewURL.callAssignmentPair(.key), use: changePair)
        routes.post(OpenCallURL.callDecision(.key), use: decide)
    }

    // MARK: Profile

    @Sendable func profile(_ req: Request) async throws -> HTML {
        guard let userID = req.principal.userID else { throw DomainError.unauthenticated }
        return ReviewerProfilePage.render(PageContext(request: req), .init(profile: try await req.reviewerStore.profile(of: userID),
                                                                          countries: try await req.application.countryNames.all(on: req.db)))
    }

    struct ProfileForm: Content {
        var sectors: [String]?
        var countries: [String]?
        var languages: [String]?
        var capacity: String?
        var available: String?
        var unavailable: String?
    }

    @Sendable func saveProfile(_ req: Request) async throws -> Response {
        guard req.principal.userID != nil else { throw DomainError.unauthenticated }
        let form = try req.content.decode(ProfileForm.self)
        let countries = try await req.application.countryNames.all(on: req.db)
        do {
            let profile = try ReviewerProfile.validated(sectors: form.sectors ?? [], countries: form.countries ?? [], languages: form.languages ?? [],
                                                        capacity: CallForm.number(form.capacity), available: form.available != nil,
                                                        unavailable: (form.unavailable ?? "").split(whereSeparator: \.isNewline).map(String.init)
                                                            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty },
                                                        knownCountries: Set(countries.compactMap { CountryCode($0.code) }))
            let saved = try await req.reviewerStore.setProfile(profile, by: req.principal)
            return try await ReviewerProfilePage.render(PageContext(request: req), .init(profile: saved, countries: countries, message: req.strings["reviewer.saved"]))
                .encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            // The form comes back as it was sent: every box ticked stays ticked, the numbers and
            // periods as typed.
            let shown = ReviewerProfile(sectors: (form.sectors ?? []).compactMap(Sector.init(rawValue:)),
                                        countries: (form.countries ?? []).compactMap(CountryCode.init),
                                        languages: (form.languages ?? []).compactMap(Language.init(rawValue:)),
                                        capacity: ReviewerProfile.starting.capacity, available: form.available != nil)
            return try await ReviewerProfilePage.render(PageContext(request: req), .init(profile: shown, countries: countries, issues: issues,
                                                                                          unavailableText: form.unavailable, capacityText: form.capacity))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    // MARK: Conflicts

    @Sendable func conflicts(_ req: Request) async throws -> HTML {
        let callID = try req.uuid()
        let lines = try await req.reviewerStore.conflictSheet(callID, by: req.principal)
        return ConflictSheetPage.render(PageContext(request: req), call: try await req.callStore.find(callID, by: req.principal), lines: lines)
    }

    struct ConflictForm: Content {
        var conflict: [String: String]?
        var reason: [String: String]?
    }

    @Sendable func declare(_ req: Request) async throws -> Response {
        let callID = try req.uuid()
        let form = try req.content.decode(ConflictForm.self)
        let declared = (form.conflict ?? [:]).keys.compactMap { key -> (UUID, String)? in
            guard let id = UUID(uuidString: key) else { return nil }
            return (id, form.reason?[key] ?? "")
        }
        let call = try await req.callStore.find(callID, by: req.principal)
        do {
            _ = try await req.reviewerStore.declare(callID, declared, by: req.principal)
            return try await ConflictSheetPage.render(PageContext(request: req), call: call, lines: try await req.reviewerStore.conflictSheet(callID, by: req.principal),
                                                      message: req.strings["conflict.saved"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            return try await ConflictSheetPage.render(PageContext(request: req), call: call, lines: try await req.reviewerStore.conflictSheet(callID, by: req.principal),
                                                      issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    // MARK: Reviews

    @Sendable func reviews(_ req: Request) async throws -> HTML {
        let filter = req.queryItem("state")
        let pending: Bool? = filter == "pending" ? true : filter == "done" ? false : nil
        return MyReviewsPage.render(PageContext(request: req), items: try await req.reviewStore.mine(req.principal, pending: pending), filter: filter)
    }

    @Sendable func review(_ req: Request) async throws -> HTML {
        try await reviewPage(req, id: try req.uuid())
    }

    private func reviewPage(_ req: Request, id: UUID, issues: [FieldIssue] = [], message: String? = nil, problem: String? = nil,
                            typed: ReviewPage.Typed? = nil) async throws -> HTML {
        let item = try await req.reviewStore.item(id, by: req.principal)
        let call = try await ProposalStore.call(of: item.proposal, on: req.db)
        return ReviewPage.render(PageContext(request: req), .init(item: item, terms: try call.terms(), callState: try call.callState,
                                                                 issues: issues, message: message, problem: problem, typed: typed))
    }

    struct ReviewForm: Content {
        var scores: [String: String]?
        var comment: String?
        var note: String?
        var action: String?
    }

    @Sendable func saveReview(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let form = try req.content.decode(ReviewForm.self)
        var scores: [String: Int] = [:]
        for (key, text) in form.scores ?? [:] where !text.isEmpty { scores[key] = Int(text) ?? -1 }
        let submit = form.action == "submit"
        if submit, await submissionWouldPass(req, id: id, scores: scores, comment: form.comment),
           let page = try await Components.confirmStep(req, ConfirmStep(
               title: req.strings["confirm.review.title"], consequence: req.strings["confirm.review.what"], yes: req.strings["confirm.review.yes"],
               back: ReviewURL.review(.value(id)).path)) {
            return page
        }
        do {
            _ = try await req.reviewStore.save(id, scores: scores, comment: form.comment, note: form.note, submit: submit, by: req.principal)
            return try await reviewPage(req, id: id, message: req.strings[submit ? "reviews.submitted" : "reviews.saved"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            // Everything typed stays: the scores already chosen, the comment, the note.
            let typed = ReviewPage.Typed(scores: form.scores ?? [:], comment: form.comment, note: form.note)
            return try await reviewPage(req, id: id, issues: issues, typed: typed).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            return try await reviewPage(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await reviewPage(req, id: id, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }

    /// Whether submitting would be accepted now (the store's own checks, read only): then the
    /// confirmation page comes first; otherwise the store answers at once (404, 409, 422 with
    /// the fields to correct), as before.
    private func submissionWouldPass(_ req: Request, id: UUID, scores: [String: Int], comment: String?) async -> Bool {
        guard let userID = req.principal.userID,
              (try? await ReviewStore.assignment(id, userID, on: req.db)) != nil,
              let proposal = try? await Proposal.find(id, on: req.db),
              let call = try? await ProposalStore.call(of: proposal, on: req.db),
              (try? call.callState) == .inReview,
              let evaluation = try? call.terms().evaluation else { return false }
        let review = try? await Review.query(on: req.db).filter(\.$proposalID == id).filter(\.$reviewerID == userID).first()
        guard review?.state != "submitted" else { return false }
        let merged = ((try? review?.scores) ?? [:]).merging(scores) { $1 }
        guard !(comment ?? review?.comment ?? "").isEmpty else { return false }
        return (try? evaluation.weightedTotal(merged)) != nil
    }

    // MARK: Assignment

    @Sendable func assignment(_ req: Request) async throws -> HTML {
        try await assignmentPage(req, callID: try req.uuid())
    }

    private func assignmentPage(_ req: Request, callID: UUID, run: AssignmentStore.Run? = nil, message: String? = nil,
                                problem: String? = nil, issues: [FieldIssue] = []) async throws -> HTML {
        let pairs = try await req.assignmentStore.list(callID, by: req.principal)
        let call = try await req.callStore.find(callID, by: req.principal)
        let proposals = try await Proposal.query(on: req.db).filter(\.$callID == callID).all()
        let titles = Dictionary(proposals.compactMap { proposal in proposal.id.map { ($0, "\(proposal.code ?? "") \(proposal.title)") } }, uniquingKeysWith: { first, _ in first })
        var model = AssignmentPage.Model(call: call, pool: try await ReviewPool.reviewers(of: callID, on: req.db), pairs: pairs,
                                         titles: titles, standings: try await req.reviewStore.standings(callID, by: req.principal),
                                         run: run, message: message, problem: problem, issues: issues)
        model.reviewsDue = try await Call.find(callID, on: req.db)?.reviewsDue
        let countries = try await req.application.countryNames.all(on: req.db)
        let terms = call.terms
        if call.state == .inReview, let stored = try await Call.find(callID, on: req.db) {
            let preview = try await DecisionStore.compute(stored, on: req.db)
            model.selection = try SelectionTable.rows(preview.outcome, scores: preview.scores, proposals: proposals, countries: countries,
                                                  reviews: [], terms: terms, language: req.language)
            model.unranked = preview.unranked.sorted { $0.key < $1.key }.map { (UUID(uuidString: $0.key).flatMap { titles[$0] } ?? $0.key, $0.value) }
        } else if let decision = try await CallDecision.query(on: req.db).filter(\.$callID == callID).first() {
            let outcome = try decision.outcome
            model.selection = try SelectionTable.rows(outcome, scores: try decision.scores, proposals: proposals, countries: countries,
                                                  reviews: [], terms: terms, language: req.language)
        }
        return AssignmentPage.render(PageContext(request: req), model)
    }

    struct RunForm: Content { var reviewsPerProposal: String?; var loadBalancing: String?; var objective: String?; var reviewsDue: String? }

    @Sendable func runAssignment(_ req: Request) async throws -> Response {
        let callID = try req.uuid()
        let form = try req.content.decode(RunForm.self)
        do {
            let fairness = form.objective == "fairness"
            let run = try await req.assignmentStore.run(callID, reviewsPerProposal: CallForm.number(form.reviewsPerProposal) ?? 3,
                                                        loadBalancing: fairness ? 0 : CallForm.number(form.loadBalancing) ?? 0, fairness: fairness,
                                                        reviewsDue: form.reviewsDue.flatMap { $0.isEmpty ? nil : $0 }, by: req.principal)
            return try await assignmentPage(req, callID: callID, run: run).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            return try await assignmentPage(req, callID: callID, issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            return try await assignmentPage(req, callID: callID, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await assignmentPage(req, callID: callID, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func decide(_ req: Request) async throws -> Response {
        let callID = try req.uuid()
        if let call = try? await CallStore.managedModel(callID, by: req.principal, on: req.db), (try? call.callState) == .inReview,
           let page = try await Components.confirmStep(req, ConfirmStep(
               title: req.strings["confirm.decision.title"], consequence: req.strings["confirm.decision.what"], yes: req.strings["confirm.decision.yes"],
               back: ReviewURL.callAssignment(.value(callID)).path, subject: try? call.terms().title.text(in: req.language))) {
            return page
        }
        do {
            _ = try await req.decisionStore.decide(callID, by: req.principal)
            return try await assignmentPage(req, callID: callID, message: req.strings["selection.decided"]).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await assignmentPage(req, callID: callID, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await assignmentPage(req, callID: callID, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }

    struct PairForm: Content { var proposal: UUID; var reviewer: UUID; var action: String? }

    @Sendable func changePair(_ req: Request) async throws -> Response {
        let callID = try req.uuid()
        let form = try req.content.decode(PairForm.self)
        do {
            _ = try await req.assignmentStore.change(callID, proposal: form.proposal, reviewer: form.reviewer, action: form.action, by: req.principal)
            return try await assignmentPage(req, callID: callID, message: req.strings["assignment.changed"]).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await assignmentPage(req, callID: callID, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await assignmentPage(req, callID: callID, problem: reason).encodeResponse(status: .conflict, for: req)
        }
    }
}
