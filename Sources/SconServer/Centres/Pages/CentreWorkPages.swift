import Fluent
import Foundation
import SconDomain
import Vapor

/// The centre staff's page forms: a new lead and a lead moved on the board. Both write through
/// `LeadStore` (the API's store and rules); a refused form comes back with what was typed and
/// each error next to its field (422), a refusal as an alert (409); the wrong user gets the
/// store's answer (403/404) and nothing is written.
extension CentresPagesController {
    @Sendable func createLead(_ req: Request) async throws -> Response {
        let id = try req.uuid()
        let values = try req.content.decode(LeadForms.NewValues.self)
        var meeting: UUID?
        if let text = values.meeting, !text.isEmpty {
            guard let value = UUID(uuidString: text) else {
                return try await leadRefused(req, id: id, new: values, issues: [FieldIssue(field: "meeting", code: "unknown", detail: "meeting is a held meeting of this centre's events.")])
            }
            meeting = value
        }
        do {
            _ = try await req.leadStore.create(id, lead: values.lead, board: values.board, meeting: meeting, by: req.principal)
            return req.redirect(to: CentresURL.centre(.value(id)).path + "?lead=created#staff-part", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await leadRefused(req, id: id, new: values, issues: issues)
        } catch let refusal as any Refusal {
            return try await centrePage(req, id: id, problem: req.strings.localized(refusal), leadForms: LeadForms.State(new: values))
                .encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable func moveLead(_ req: Request) async throws -> Response {
        let id = try req.uuid(), lead = try req.uuid(.lead)
        let values = try req.content.decode(LeadForms.MoveValues.self)
        do {
            _ = try await req.leadStore.update(id, lead: lead, board: values.board, by: req.principal)
            return req.redirect(to: CentresURL.centre(.value(id)).path + "?lead=moved#staff-part", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            return try await centrePage(req, id: id, leadForms: LeadForms.State(moved: lead, move: values, moveIssues: issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    private func leadRefused(_ req: Request, id: UUID, new values: LeadForms.NewValues, issues: [FieldIssue]) async throws -> Response {
        try principalMayKeep(req, id)
        return try await centrePage(req, id: id, leadForms: LeadForms.State(new: values, newIssues: issues))
            .encodeResponse(status: .unprocessableEntity, for: req)
    }

    /// Whoever does not keep this board learns nothing from the form's errors: the store's
    /// answer (403) before any field is checked.
    private func principalMayKeep(_ req: Request, _ centre: UUID) throws {
        try req.principal.require(CentreAccess.allows(req.principal, .keepBoard(centre)), "keep this centre's board")
    }
}

extension LeadForms {
    /// What the board's last form did (after its redirect).
    static func notice(_ context: PageContext) -> String? {
        switch context.request.query[String.self, at: "lead"] {
        case "created": return context["leadform.created"]
        case "moved": return context["leadform.moved"]
        default: break
        }
        switch context.request.query[String.self, at: "centre"] {
        case "saved": return context["centreform.saved"]
        default: return nil
        }
    }
}

extension LeadForms.State {
    init(new: LeadForms.NewValues, newIssues: [FieldIssue] = []) {
        self.init()
        self.new = new
        self.newIssues = newIssues
    }

    init(moved: UUID, move: LeadForms.MoveValues, moveIssues: [FieldIssue]) {
        self.init()
        self.moved = moved
        self.move = move
        self.moveIssues = moveIssues
    }
}

/// The event on the day: check-in (once, it cannot be undone: a confirmation first) and each
/// published meeting's outcome with its follow-up note, through `EventStore` as the API.
extension CentresPagesController {
    @Sendable func checkIn(_ req: Request) async throws -> Response {
        let id = try req.uuid(), registration = try req.uuid(.registration)
        let strings = req.strings
        // The confirmation only when the check-in would be accepted now (the organiser, the day, a validated registration).
        if let event = try? await req.eventStore.organised(id, by: req.principal, "check participants in"),
           let state = try? event.eventState, DayForms.onTheDay(state),
           let row = try await EventRegistration.find(registration, on: req.db), row.eventID == id,
           row.status == RegistrationStatus.validated.rawValue, row.checkedInAt == nil,
           let page = try await Components.confirmStep(req, ConfirmStep(
               title: strings["confirm.checkin.title"], consequence: strings["confirm.checkin.what"], yes: strings["confirm.checkin.yes"],
               back: CentresURL.event(.value(id)).path + "#organiser", subject: "\(row.organisation) — \(row.person)")) {
            return page
        }
        return try await step(req, id: id, message: { strings["checkin.checkedIn"] }) {
            _ = try await req.eventStore.checkIn(id, registration: registration, by: req.principal)
        }
    }

    @Sendable func outcome(_ req: Request) async throws -> Response {
        let id = try req.uuid(), meeting = try req.uuid(.request)
        let values = try req.content.decode(DayForms.OutcomeValues.self)
        do {
            _ = try await req.eventStore.outcome(id, meeting: meeting, outcome: values.outcome, notes: values.notes, by: req.principal)
            return try await eventPage(req, id: id, message: req.strings["outcome.saved"]).encodeResponse(for: req)
        } catch DomainError.invalid(let issues) {
            return try await eventPage(req, id: id, refusedOutcome: DayForms.Refused(meeting: meeting, values: values, issues: issues))
                .encodeResponse(status: .unprocessableEntity, for: req)
        } catch let refusal as any Refusal {
            return try await eventPage(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        }
    }
}
