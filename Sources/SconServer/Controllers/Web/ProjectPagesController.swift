import Fluent
import Foundation
import SconDomain
import Vapor

/// The pages of projects.
struct ProjectPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.projects, use: list)
        routes.get(.project(.key), use: show)
        routes.post(.projectStage(.key), use: stage)
        routes.post(.projectReadiness(.key), use: readiness)
        routes.post(.projectApproval(.key, .key), use: approve)
        routes.post(.projectBooking(.key), use: book)
        routes.get(.fund, use: fund)
    }

    @Sendable func fund(_ req: Request) async throws -> HTML {
        let currency = req.query[String.self, at: "currency"] == "USD" ? Currency.USD : .KRW
        let reports = FundReports(db: req.db)
        var all: [FundReports.Report] = []
        for grouping in FundReports.Grouping.allCases { all.append(try await reports.position(by: grouping, currency: currency)) }
        let rates = try await ExchangeRateStore(db: req.db, audit: req.auditLog).all()
        return FundPage.render(PageContext(request: req), .init(reports: all, rates: rates, currency: currency,
                                                                mayExport: req.principal.mayBookMoney || req.principal.isProgrammeOfficer))
    }

    @Sendable func list(_ req: Request) async throws -> HTML {
        let projects = try await ProjectStore(db: req.db).visible(to: req.principal)
        let places = try await Self.places(req, projects)
        return ProjectListPage.render(PageContext(request: req), projects.map { ProjectListPage.Row(project: $0, place: places[$0.cityID] ?? $0.countryCode) })
    }

    @Sendable func show(_ req: Request) async throws -> HTML {
        try await page(req, id: try req.uuidParameter())
    }

    private func page(_ req: Request, id: UUID, message: String? = nil, problem: String? = nil, issues: [FieldIssue] = []) async throws -> HTML {
        let dossier = try await ProjectDossier.of(id, by: req.principal, on: req.db)
        let project = dossier.project
        let places = try await Self.places(req, [project])
        let organisation = try await Organisation.find(project.organisationID, on: req.db)
        let call = try await project.callID.asyncFlatMap { try await Call.find($0, on: req.db) }
        let model = ProjectShowPage.Model(dossier: dossier, place: places[project.cityID] ?? project.countryCode,
                                          organisation: organisation.map { $0.name.text(in: req.language) } ?? "",
                                          callTitle: try call?.terms().title.text(in: req.language),
                                          earmarks: try await Earmark.query(on: req.db).sort(\.$code).all(), mayBook: req.principal.mayBookMoney,
                                          message: message, problem: problem, issues: issues)
        return ProjectShowPage.render(PageContext(request: req), model)
    }

    /// Runs a change and shows the page again: with the message, the localized refusal (409) or the field errors (422).
    private func change(_ req: Request, id: UUID, message: @escaping @Sendable () -> String?, _ body: @Sendable () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return try await page(req, id: id, message: message()).encodeResponse(for: req)
        } catch let refusal as any Refusal {
            return try await page(req, id: id, problem: req.strings.localized(refusal)).encodeResponse(status: .conflict, for: req)
        } catch DomainError.conflict(let reason) {
            return try await page(req, id: id, problem: reason).encodeResponse(status: .conflict, for: req)
        } catch DomainError.invalid(let issues) {
            return try await page(req, id: id, issues: issues).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    struct StageForm: Content { var to: String?; var reason: String? }

    @Sendable func stage(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        let form = try req.content.decode(StageForm.self)
        let strings = req.strings
        return try await change(req, id: id, message: { strings.format("pipeline.moved", ["stage": strings["stage.\(form.to ?? "")"]]) }) {
            _ = try await req.pipelineStore.move(id, to: form.to, reason: form.reason, by: req.principal)
        }
    }

    struct ReadinessForm: Content { var flag: String; var reason: String? }

    @Sendable func readiness(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        let form = try req.content.decode(ReadinessForm.self)
        return try await change(req, id: id, message: { nil }) {
            _ = try await req.pipelineStore.justify(id, flag: form.flag, reason: form.reason, by: req.principal)
        }
    }

    @Sendable func approve(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        let deliverable = try req.uuidParameter("deliverable")
        return try await change(req, id: id, message: { nil }) {
            _ = try await req.pipelineStore.approve(id, deliverable: deliverable, by: req.principal)
        }
    }

    struct BookingForm: Content {
        var idempotencyKey: String?; var movement: String?; var amount: String?; var currency: String?
        var instrument: String?; var earmark: String?; var valueDay: String?; var memo: String?
    }

    @Sendable func book(_ req: Request) async throws -> Response {
        let id = try req.uuidParameter()
        let form = try req.content.decode(BookingForm.self)
        func blank(_ text: String?) -> String? { text.flatMap { $0.isEmpty ? nil : $0 } }
        let request = BookingRequest(movement: form.movement, amount: form.amount, currency: form.currency,
                                     earmark: blank(form.earmark).flatMap(UUID.init(uuidString:)), instrument: blank(form.instrument),
                                     valueDay: blank(form.valueDay), memo: form.memo)
        let strings = req.strings
        let number = NumberBox()
        return try await change(req, id: id, message: { strings.format("finance.booked", ["number": number.value]) }) {
            let answer = try await req.ledgerStore.book(id, request, key: form.idempotencyKey, by: req.principal)
            number.value = (try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])?["number"].map { "\($0)" } ?? ""
        }
    }

    /// "City, country" per city, in the page's language.
    static func places(_ req: Request, _ projects: [Project]) async throws -> [UUID: String] {
        let countries = try await req.application.countryNames.all(on: req.db)
        let cities = try await City.query(on: req.db).filter(\.$id ~~ projects.map(\.cityID)).all()
        return Dictionary(cities.compactMap { city in
            city.id.map { ($0, "\(city.name.text(in: req.language)), \(countries.name(of: city.countryCode, in: req.language))") }
        }, uniquingKeysWith: { first, _ in first })
    }
}

/// The number of the booking just made, for the page's message.
private final class NumberBox: @unchecked Sendable {
    var value = ""
}
