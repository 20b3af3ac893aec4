import Fluent
import Foundation
import SconDomain
import Testing
import Vapor
import VaporTesting
@testable import SconServer

/// The role × route matrix, from the route table: every registered route is classified here
/// (a new route fails this test until it is), and each class holds for an anonymous visitor and
/// for a signed-in account with no role. Who may do what *within* a class (a call's officer, a
/// project's participant, another organisation's member) is the access policies' (SconDomain,
/// AccessPolicyTests, docs/access.md) and each context's route tests'.
@Suite struct RouteMatrixTests {
    enum Reach: Sendable {
        /// No sign-in needed (what an object shows is its policy's: a draft is a 404).
        case open
        /// Sign-in and sign-up: forms an anonymous visitor sends (with the CSRF token).
        case anonymousForm
        /// `/metrics`: loopback or the metrics token only.
        case operations
        /// Signed in: an anonymous visitor is refused (401, or the sign-in page).
        case signedIn
        /// Signed in with a role for it: an account without roles is refused too (403 or 404).
        case staff
    }

    static let table: [String: Reach] = [
        "GET /": .open,
        "GET /language/:code": .open,
        "GET /marketplace": .open,
        "GET /marketplace/challenges/new": .signedIn,
        "POST /marketplace/challenges/new": .signedIn,
        "GET /marketplace/challenges/:id": .open,
        "GET /marketplace/challenges/:id/edit": .staff,
        "POST /marketplace/challenges/:id/edit": .signedIn,
        "POST /marketplace/challenges/:id/status": .signedIn,
        "POST /marketplace/challenges/:id/attachments": .signedIn,
        "POST /marketplace/challenges/:id/attachments/:attachment/delete": .signedIn,
        "GET /marketplace/solutions/new": .signedIn,
        "POST /marketplace/solutions/new": .signedIn,
        "GET /marketplace/solutions/:id": .open,
        "GET /marketplace/solutions/:id/edit": .staff,
        "POST /marketplace/solutions/:id/edit": .signedIn,
        "POST /marketplace/solutions/:id/status": .signedIn,
        "GET /marketplace/matches/:challenge/:solution": .open,
        "POST /marketplace/matches/:challenge/:solution/interest": .signedIn,
        "POST /marketplace/matches/:challenge/:solution/messages": .signedIn,
        "POST /marketplace/matches/:challenge/:solution/lead": .signedIn,
        "POST /marketplace/matches/:challenge/:solution/meeting": .signedIn,
        "POST /marketplace/matches/:challenge/:solution/proposal": .signedIn,
        "GET /api/v1/challenges": .open,
        "GET /api/v1/challenges.csv": .open,
        "POST /api/v1/challenges": .signedIn,
        "GET /api/v1/challenges/:id": .open,
        "PATCH /api/v1/challenges/:id": .signedIn,
        "POST /api/v1/challenges/:id/status": .signedIn,
        "GET /api/v1/challenges/:id/matches": .open,
        "GET /api/v1/challenges/:id/attachments": .open,
        "POST /api/v1/challenges/:id/attachments": .signedIn,
        "GET /api/v1/challenges/:id/attachments/:attachment": .open,
        "DELETE /api/v1/challenges/:id/attachments/:attachment": .signedIn,
        "GET /api/v1/solutions": .open,
        "GET /api/v1/solutions.csv": .open,
        "POST /api/v1/solutions": .signedIn,
        "GET /api/v1/solutions/:id": .open,
        "PATCH /api/v1/solutions/:id": .signedIn,
        "POST /api/v1/solutions/:id/status": .signedIn,
        "GET /api/v1/solutions/:id/matches": .open,
        "GET /api/v1/matches/:challenge/:solution/interest": .signedIn,
        "POST /api/v1/matches/:challenge/:solution/interest": .signedIn,
        "GET /api/v1/matches/:challenge/:solution/messages": .staff,
        "POST /api/v1/matches/:challenge/:solution/messages": .signedIn,
        "GET /api/v1/matches/:challenge/:solution/follow-ups": .staff,
        "POST /api/v1/matches/:challenge/:solution/lead": .signedIn,
        "POST /api/v1/matches/:challenge/:solution/meetings": .signedIn,
        "POST /api/v1/matches/:challenge/:solution/proposal": .signedIn,
        "GET /search": .open,
        "GET /api/v1/search": .open,
        "GET /centres": .open,
        "GET /centres/:id": .open,
        "POST /centres/:id/leads/proposal": .signedIn,
        "POST /centres/:id/leads/new": .signedIn,
        "GET /centres/:id/edit": .staff,
        "POST /centres/:id/edit": .signedIn,
        "POST /centres/:id/leads/:lead/move": .signedIn,
        "GET /centres/:id/events/new": .staff,
        "POST /centres/:id/events/new": .signedIn,
        "GET /events/new": .staff,
        "POST /events/new": .signedIn,
        "GET /events/:id/edit": .staff,
        "POST /events/:id/edit": .signedIn,
        "GET /events/:id": .open,
        "GET /events/:id/event.ics": .open,
        "POST /events/:id/state": .signedIn,
        "GET /events/:id/register": .signedIn,
        "POST /events/:id/register": .signedIn,
        "POST /events/:id/schedule/run": .signedIn,
        "POST /events/:id/schedule/publish": .signedIn,
        "GET /events/:id/agenda": .staff,
        "GET /events/:id/feed/:token": .open,
        "POST /events/:id/registrations/:registration/decision": .signedIn,
        "POST /events/:id/requests": .signedIn,
        "POST /events/:id/requests/:request/answer": .signedIn,
        "POST /events/:id/meetings/:request/lock": .signedIn,
        "POST /events/:id/registrations/:registration/check-in": .signedIn,
        "POST /events/:id/meetings/:request/outcome": .signedIn,
        "GET /api/v1/centres": .open,
        "POST /api/v1/centres": .signedIn,
        "GET /api/v1/centres/:id": .open,
        "PUT /api/v1/centres/:id": .signedIn,
        "GET /api/v1/events": .open,
        "POST /api/v1/events": .signedIn,
        "GET /api/v1/events/:id": .open,
        "PUT /api/v1/events/:id": .signedIn,
        "POST /api/v1/events/:id/state": .signedIn,
        "GET /api/v1/events/:id/registrations": .open,
        "POST /api/v1/events/:id/registrations": .signedIn,
        "POST /api/v1/events/:id/registrations/:registration/decision": .signedIn,
        "GET /api/v1/events/:id/requests": .signedIn,
        "POST /api/v1/events/:id/requests": .signedIn,
        "POST /api/v1/events/:id/requests/:request/answer": .signedIn,
        "GET /api/v1/events/:id/suggestions": .staff,
        "GET /api/v1/events/:id/schedule": .staff,
        "POST /api/v1/events/:id/schedule/run": .signedIn,
        "POST /api/v1/events/:id/schedule/publish": .signedIn,
        "POST /api/v1/events/:id/meetings/:request/lock": .signedIn,
        "GET /api/v1/events/:id/agenda": .staff,
        "GET /api/v1/centres/:id/leads": .staff,
        "POST /api/v1/centres/:id/leads": .signedIn,
        "PUT /api/v1/centres/:id/leads/:lead": .signedIn,
        "POST /api/v1/centres/:id/leads/:lead/proposal": .signedIn,
        "POST /api/v1/events/:id/registrations/:registration/check-in": .signedIn,
        "POST /api/v1/events/:id/meetings/:request/outcome": .signedIn,
        "GET /training": .open,
        "GET /training/programmes": .staff,
        "GET /training/programmes/new": .staff,
        "POST /training/programmes/new": .signedIn,
        "GET /training/programmes/:id/edit": .staff,
        "POST /training/programmes/:id/edit": .signedIn,
        "GET /training/cohorts/new": .staff,
        "POST /training/cohorts/new": .signedIn,
        "GET /training/cohorts/:id/survey": .staff,
        "POST /training/cohorts/:id/survey": .signedIn,
        "GET /api/v1/programmes": .open,
        "POST /api/v1/programmes": .signedIn,
        "GET /api/v1/programmes/:id": .open,
        "PUT /api/v1/programmes/:id": .signedIn,
        "GET /training/cohorts/:id": .open,
        "GET /training/cohorts/:id/apply": .signedIn,
        "POST /training/cohorts/:id/apply": .signedIn,
        "GET /training/applications/:id": .staff,
        "POST /training/applications/:id/nominate": .signedIn,
        "POST /training/applications/:id/answer": .signedIn,
        "POST /training/applications/:id/action-plan": .signedIn,
        "GET /training/alumni": .open,
        "GET /training/cohorts/:id/feedback": .staff,
        "POST /training/cohorts/:id/feedback": .signedIn,
        "GET /training/applications/:id/invitation": .staff,
        "POST /training/applications/:id/alumni": .signedIn,
        "GET /training/cohorts/:id/sessions/:session/code": .staff,
        "GET /training/cohorts/:id/sessions/:session/check-in": .staff,
        "POST /training/cohorts/:id/sessions/:session/check-in": .signedIn,
        "GET /training/cohorts/:id/ranking/:country": .staff,
        "POST /training/cohorts/:id/ranking/:country": .signedIn,
        "GET /certificates/:code": .open,
        "GET /certificates/:code/print": .staff,
        "POST /certificates/:code/revoke": .signedIn,
        "GET /api/v1/cohorts": .open,
        "POST /api/v1/cohorts": .signedIn,
        "GET /api/v1/cohorts/:id": .open,
        "GET /api/v1/cohorts/:id/applications": .signedIn,
        "POST /api/v1/cohorts/:id/applications": .signedIn,
        "GET /api/v1/cohorts/:id/certificates": .staff,
        "PUT /api/v1/cohorts/:id/rankings/:country": .signedIn,
        "GET /api/v1/cohorts/:id/selection": .staff,
        "POST /api/v1/cohorts/:id/selection": .signedIn,
        "GET /api/v1/training-applications/:id": .staff,
        "POST /api/v1/training-applications/:id/nomination": .signedIn,
        "POST /api/v1/training-applications/:id/answer": .signedIn,
        "PUT /api/v1/training-applications/:id/action-plan": .signedIn,
        "GET /api/v1/alumni": .open,
        "PUT /api/v1/cohorts/:id/survey": .signedIn,
        "POST /api/v1/cohorts/:id/feedback": .signedIn,
        "GET /api/v1/cohorts/:id/feedback": .staff,
        "PUT /api/v1/training-applications/:id/alumni": .signedIn,
        "POST /api/v1/cohorts/:id/sessions/:session/check-in": .signedIn,
        "POST /api/v1/cohorts/:id/sessions/:session/attendance": .signedIn,
        "POST /api/v1/cohorts/:id/completion": .signedIn,
        "GET /api/v1/certificates/:code": .open,
        "POST /api/v1/certificates/:code/revocation": .signedIn,
        "GET /assets/kscon.css": .open,
        "GET /countries": .open,
        "GET /countries/:code": .open,
        "GET /cities": .open,
        "GET /cities/:id": .open,
        "GET /organisations": .open,
        "GET /organisations/new": .staff,
        "POST /organisations/new": .signedIn,
        "GET /organisations/:id": .open,
        "GET /organisations/:id/edit": .staff,
        "POST /organisations/:id/edit": .signedIn,
        "POST /organisations/:id/people": .signedIn,
        "POST /people/:id/delete": .signedIn,
        "GET /api/v1/countries": .open,
        "GET /api/v1/countries/:code": .open,
        "GET /api/v1/sectors": .open,
        "GET /api/v1/cities": .open,
        "POST /api/v1/cities": .signedIn,
        "GET /api/v1/cities/:id": .open,
        "PATCH /api/v1/cities/:id": .signedIn,
        "GET /api/v1/organisations": .open,
        "POST /api/v1/organisations": .signedIn,
        "GET /api/v1/organisations/:id": .open,
        "PATCH /api/v1/organisations/:id": .signedIn,
        "GET /api/v1/organisations/:id/people": .open,
        "POST /api/v1/organisations/:id/people": .signedIn,
        "POST /api/v1/organisations/:id/join-requests": .signedIn,
        "GET /api/v1/join-requests": .signedIn,
        "POST /api/v1/join-requests/:id/decision": .signedIn,
        "POST /api/v1/organisation-registrations": .signedIn,
        "GET /api/v1/organisation-registrations": .signedIn,
        "POST /api/v1/organisation-registrations/:id/decision": .signedIn,
        "GET /account/organisations": .signedIn,
        "GET /help": .open,
        "POST /organisations/join": .signedIn,
        "POST /join-requests/:id/decision": .signedIn,
        "POST /join-requests/:id/withdraw": .signedIn,
        "POST /organisations/register": .signedIn,
        "GET /organisations/registrations": .staff,
        "POST /organisations/registrations/:id/decision": .signedIn,
        "PATCH /api/v1/people/:id": .signedIn,
        "DELETE /api/v1/people/:id": .signedIn,
        "GET /signin": .open,
        "POST /signin": .anonymousForm,
        "GET /signin/second-factor": .open,
        "POST /signin/second-factor": .anonymousForm,
        "GET /account/two-factor": .signedIn,
        "POST /account/two-factor": .signedIn,
        "POST /account/two-factor/recovery-codes": .signedIn,
        "POST /account/two-factor/disable": .signedIn,
        "GET /account/password": .signedIn,
        "POST /account/password": .signedIn,
        "GET /account/confirm": .signedIn,
        "POST /account/confirm": .signedIn,
        "GET /signup": .open,
        "POST /signup": .anonymousForm,
        "POST /signout": .signedIn,
        "GET /account": .signedIn,
        "POST /account/tokens": .signedIn,
        "POST /account/tokens/:id/revoke": .signedIn,
        "GET /admin/users": .staff,
        "POST /admin/users/:id/grants": .signedIn,
        "POST /admin/grants/:id/revoke": .signedIn,
        "GET /api/v1/me": .signedIn,
        "GET /api/v1/me/data": .signedIn,
        "DELETE /api/v1/me": .signedIn,
        "POST /account/erase": .signedIn,
        "GET /inbox": .signedIn,
        "GET /home": .signedIn,
        "POST /inbox/:id/read": .signedIn,
        "POST /inbox/read-all": .signedIn,
        "POST /inbox/preferences": .signedIn,
        "GET /unsubscribe/:kind/:token": .open,
        "POST /unsubscribe/:kind/:token": .anonymousForm,
        "GET /api/v1/notices": .signedIn,
        "POST /api/v1/notices/:id/read": .signedIn,
        "GET /calls": .open,
        "GET /calls/new": .staff,
        "POST /calls/new": .signedIn,
        "GET /calls/:id": .open,
        "GET /calls/:id/edit": .staff,
        "POST /calls/:id/edit": .signedIn,
        "POST /calls/:id/state": .signedIn,
        "POST /proposals/:id/attachments": .signedIn,
        "POST /attachments/:id/delete": .signedIn,
        "POST /proposals/:id/appeal": .signedIn,
        "POST /proposals/:id/appeal/answer": .signedIn,
        "GET /calls/:id/proposals/new": .staff,
        "POST /calls/:id/proposals/new": .signedIn,
        "GET /proposals": .signedIn,
        "GET /proposals/:id": .open,
        "GET /proposals/:id/edit": .open,
        "POST /proposals/:id/edit": .signedIn,
        "POST /proposals/:id/submit": .signedIn,
        "POST /proposals/:id/withdraw": .signedIn,
        "GET /calls/:id/endorsements/:country": .staff,
        "POST /calls/:id/endorsements/:country": .signedIn,
        "GET /api/v1/calls": .open,
        "POST /api/v1/calls": .signedIn,
        "GET /api/v1/calls/:id": .open,
        "PATCH /api/v1/calls/:id": .signedIn,
        "POST /api/v1/calls/:id/transitions": .signedIn,
        "GET /api/v1/calls/:id/audit": .staff,
        "GET /api/v1/calls/:id/proposals": .open,
        "POST /api/v1/calls/:id/proposals": .signedIn,
        "GET /api/v1/proposals/:id": .open,
        "PATCH /api/v1/proposals/:id": .signedIn,
        "POST /api/v1/proposals/:id/submit": .signedIn,
        "POST /api/v1/proposals/:id/withdraw": .signedIn,
        "GET /api/v1/proposals/:id/eligibility": .open,
        "GET /api/v1/calls/:id/endorsements/:country": .staff,
        "PUT /api/v1/calls/:id/endorsements/:country": .signedIn,
        "GET /api/v1/calls/:id/selection": .staff,
        "POST /api/v1/calls/:id/decision": .signedIn,
        "GET /api/v1/calls/:id/results": .open,
        "GET /api/v1/proposals/:id/result": .open,
        "GET /api/v1/proposals/:id/appeal": .staff,
        "POST /api/v1/proposals/:id/appeal": .signedIn,
        "POST /api/v1/proposals/:id/appeal/answer": .signedIn,
        "GET /api/v1/calls/:id/appeals": .staff,
        "GET /api/v1/proposals/:id/attachments": .open,
        "POST /api/v1/proposals/:id/attachments": .signedIn,
        "GET /api/v1/attachments/:id": .open,
        "DELETE /api/v1/attachments/:id": .signedIn,
        "GET /account/reviewer": .signedIn,
        "POST /account/reviewer": .signedIn,
        "GET /calls/:id/conflicts": .staff,
        "POST /calls/:id/conflicts": .signedIn,
        "GET /reviews": .signedIn,
        "GET /reviews/:id": .staff,
        "POST /reviews/:id": .signedIn,
        "GET /calls/:id/assignment": .staff,
        "POST /calls/:id/assignment": .signedIn,
        "POST /calls/:id/assignment/pair": .signedIn,
        "POST /calls/:id/decision": .signedIn,
        "GET /api/v1/me/reviewer-profile": .signedIn,
        "PUT /api/v1/me/reviewer-profile": .signedIn,
        "GET /api/v1/calls/:id/reviewers": .staff,
        "GET /api/v1/calls/:id/conflicts": .staff,
        "PUT /api/v1/calls/:id/conflicts": .signedIn,
        "GET /api/v1/calls/:id/assignment": .staff,
        "POST /api/v1/calls/:id/assignment": .signedIn,
        "POST /api/v1/calls/:id/assignment/pairs": .signedIn,
        "GET /api/v1/calls/:id/standings": .staff,
        "GET /api/v1/reviews": .signedIn,
        "GET /api/v1/reviews/:id": .staff,
        "PUT /api/v1/reviews/:id": .signedIn,
        "GET /projects": .open,
        "GET /projects/:id": .open,
        "POST /projects/:id/stage": .signedIn,
        "POST /projects/:id/readiness": .signedIn,
        "POST /projects/:id/deliverables/:deliverable/approval": .signedIn,
        "POST /projects/:id/bookings": .signedIn,
        "POST /projects/:id/edit/:part": .signedIn,
        "GET /api/v1/projects": .open,
        "GET /api/v1/projects/:id": .open,
        "POST /api/v1/projects": .signedIn,
        "GET /api/v1/projects/:id/dossier": .open,
        "PUT /api/v1/projects/:id/profile": .signedIn,
        "POST /api/v1/projects/:id/participants": .signedIn,
        "POST /api/v1/projects/:id/deliverables": .signedIn,
        "POST /api/v1/projects/:id/deliverables/:deliverable/versions": .signedIn,
        "POST /api/v1/projects/:id/deliverables/:deliverable/approval": .signedIn,
        "POST /api/v1/projects/:id/deliverables/:deliverable/versions/file": .signedIn,
        "GET /api/v1/projects/:id/deliverables/:deliverable/versions/:version/file": .open,
        "POST /api/v1/projects/:id/milestones": .signedIn,
        "PUT /api/v1/projects/:id/milestones/:milestone": .signedIn,
        "POST /api/v1/projects/:id/tender": .signedIn,
        "POST /api/v1/projects/:id/tender/bids": .signedIn,
        "POST /api/v1/projects/:id/tender/award": .signedIn,
        "POST /api/v1/projects/:id/indicators": .signedIn,
        "POST /api/v1/projects/:id/readiness/:flag": .signedIn,
        "POST /api/v1/projects/:id/stage": .signedIn,
        "GET /fund": .open,
        "GET /api/v1/fund": .open,
        "GET /api/v1/fund/transactions.csv": .staff,
        "GET /api/v1/exchange-rates": .open,
        "POST /api/v1/exchange-rates": .signedIn,
        "GET /api/v1/projects/:id/finance": .open,
        "POST /api/v1/projects/:id/bookings": .signedIn,
        "GET /api/v1/export/iati.xml": .open,
        "GET /agreements": .open,
        "GET /agreements/new": .staff,
        "POST /agreements/new": .signedIn,
        "GET /agreements/:id": .open,
        "POST /agreements/:id/actions": .signedIn,
        "GET /agreements/:id/edit": .staff,
        "POST /agreements/:id/edit": .signedIn,
        "POST /agreements/:id/milestones": .signedIn,
        "POST /agreements/:id/milestones/:milestone/done": .signedIn,
        "POST /agreements/:id/links": .signedIn,
        "POST /agreements/:id/document": .signedIn,
        "GET /outcomes": .open,
        "GET /api/v1/agreements": .open,
        "POST /api/v1/agreements": .signedIn,
        "GET /api/v1/agreements/:id": .open,
        "POST /api/v1/agreements/:id/actions": .signedIn,
        "PUT /api/v1/agreements/:id": .signedIn,
        "POST /api/v1/agreements/:id/milestones": .signedIn,
        "POST /api/v1/agreements/:id/milestones/:milestone/done": .signedIn,
        "POST /api/v1/agreements/:id/links": .signedIn,
        "POST /api/v1/agreements/:id/document": .signedIn,
        "GET /api/v1/agreements/:id/document": .open,
        "POST /api/v1/outcomes": .signedIn,
        "GET /api/v1/outcomes": .open,
        "GET /api/v1/outcomes/tally": .open,
        "GET /data": .open,
        "GET /data/agreements.csv": .open,
        "GET /data/agreements.json": .open,
        "GET /data/outcomes.csv": .open,
        "GET /data/outcomes.json": .open,
        "GET /data/projects.csv": .open,
        "GET /data/projects.json": .open,
        "GET /data/projects.geojson": .open,
        "GET /data/cities.csv": .open,
        "GET /data/cities.geojson": .open,
        "GET /data/calls.ics": .open,
        "GET /data/events.ics": .open,
        "GET /data/events.csv": .open,
        "GET /data/events.json": .open,
        "GET /data/centres.csv": .open,
        "GET /data/centres.json": .open,
        "GET /data/trained.csv": .open,
        "GET /data/trained.json": .open,
        "GET /data/organisations.csv": .open,
        "GET /data/organisations.json": .open,
        "GET /healthz": .open,
        "GET /metrics": .operations,
        "GET /openapi.json": .open,
    ]

    private static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test func everyRouteIsClassifiedAndItsClassHolds() async throws {
        try await withTestApp(.sqlite) { app in
            // Setup: the routes, ids of the demo data for their parameters, an account without roles.
            let registered = Set(app.routes.all.map(Self.key))
            let unclassified = registered.subtracting(Self.table.keys).sorted()
            #expect(unclassified.isEmpty, "classify these routes in RouteMatrixTests.table: \(unclassified)")
            let stale = Set(Self.table.keys).subtracting(registered).sorted()
            #expect(stale.isEmpty, "routes in the table that do not exist: \(stale)")
            let openWrites = Self.table.filter { !$0.key.hasPrefix("GET ") && !$0.key.hasPrefix("HEAD ") && [.open].contains($0.value) }
            #expect(openWrites.isEmpty, "a write open to anonymous visitors: \(openWrites.keys.sorted())")

            func id<M: Model>(_ type: M.Type) async throws -> String where M.IDValue == UUID {
                try #require(try await M.query(on: app.db).first()?.id).uuidString.lowercased()
            }
            let ids: [String: String] = [
                "organisations": try await id(Organisation.self), "calls": try await id(Call.self), "proposals": try await id(Proposal.self),
                "projects": try #require(try await Project.query(on: app.db).filter(\.$code == "SAMPLE-PIS-KH-01").first()?.id).uuidString.lowercased(),
                "cities": try await id(City.self), "people": try await id(Person.self), "cohorts": try await id(TrainingCohort.self),
                "programmes": try await id(TrainingProgramme.self),
                "challenges": try await id(Challenge.self), "solutions": try await id(Solution.self),
                "centres": try await id(Centre.self), "events": try await id(CentreEvent.self),
            ]
            let zero = "00000000-0000-0000-0000-000000000000"
            func path(_ key: String) -> String {
                var previous = ""
                return key.split(separator: " ", maxSplits: 1)[1].split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
                    defer { previous = String(part) }
                    switch part {
                    case ":code": return previous == "language" ? "en" : "TH"
                    case ":country": return "TH"
                    case ":id": return ids[previous] ?? zero
                    case ":part": return "profile"
                    case ":challenge": return ids["challenges"] ?? zero
                    case ":solution": return ids["solutions"] ?? zero
                    default: return part.hasPrefix(":") ? zero : String(part)
                    }
                }.joined(separator: "/")
            }
            let plain = try await app.makeUser()
            var checked = 0

            for (key, reach) in Self.table.sorted(by: { $0.key < $1.key }) where registered.contains(key) {
                let method = HTTPMethod(rawValue: String(key.split(separator: " ")[0]))
                let target = path(key)
                let api = target.hasPrefix("/api/")
                var headers: HTTPHeaders = ["Accept": api ? "application/json" : "text/html"]
                var body: ByteBuffer?
                if method != .GET {
                    headers.add(name: .contentType, value: api ? "application/json" : "application/x-www-form-urlencoded")
                    body = ByteBuffer(string: api ? "{}" : "a=b")
                }
                // Action: as an anonymous visitor.
                var status = HTTPStatus.ok, location = ""
                try await app.testing().test(method, target, headers: headers, body: body) {
                    status = $0.status; location = $0.headers.first(name: .location) ?? ""
                }
                let toSignIn = status == .seeOther && location.hasPrefix("/signin")
                let refused = status == .unauthorized || status == .forbidden || toSignIn
                switch reach {
                case .open:
                    #expect(!refused, "\(key): open, but an anonymous visitor got \(status.code) \(location)")
                case .anonymousForm:
                    #expect(status == .forbidden, "\(key): without the CSRF token \(status.code)")
                case .operations:
                    #expect(status == .notFound, "\(key): in process (no loopback address) \(status.code)")
                case .signedIn, .staff:
                    #expect(refused, "\(key): signed in only, but an anonymous visitor got \(status.code)")
                }
                checked += 1
                // Check: reads as an account without roles.
                guard method == .GET, reach == .signedIn || reach == .staff else { continue }
                var plainStatus = HTTPStatus.ok
                try await app.testing().test(.GET, target, headers: headers.adding(plain.bearer)) { plainStatus = $0.status }
                if reach == .signedIn {
                    #expect(plainStatus == .ok, "\(key): any signed-in account, but one without roles got \(plainStatus.code)")
                } else {
                    #expect(plainStatus == .forbidden || plainStatus == .notFound, "\(key): staff only, but an account without roles got \(plainStatus.code)")
                }
            }
            #expect(checked == registered.count && checked > 150)
        }
    }
}
