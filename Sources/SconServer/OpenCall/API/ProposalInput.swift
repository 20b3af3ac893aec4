import SconDomain
import Vapor

/// The body of `POST /api/v1/calls/{id}/proposals` (with `organisation`) and
/// `PATCH /api/v1/proposals/{id}` (without). The budget is whole KRW.
struct ProposalInput: Decodable, Sendable {
    var organisation: UUID?
    var city: UUID?
    var title: String?
    var problem: String?
    var objectives: String?
    var supportType: String?
    var budget: Int?
    var counterpart: String?
    var language: String?

    static let keys: Set<String> = ["organisation", "city", "title", "problem", "objectives", "supportType", "budget", "counterpart", "language"]

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Self.keys, nonEmpty: true)
        organisation = try container.value("organisation", as: UUID.self)
        city = try container.value("city", as: UUID.self)
        title = try container.value("title", as: String.self)
        problem = try container.value("problem", as: String.self)
        objectives = try container.value("objectives", as: String.self)
        supportType = try container.value("supportType", as: String.self)
        budget = try container.value("budget", as: Int.self)
        counterpart = try container.value("counterpart", as: String.self)
        language = try container.value("language", as: String.self)
    }

    func applied(to base: ProposalDraft) -> ProposalDraft {
        var draft = base
        if let city { draft.cityID = city }
        if let title { draft.title = title }
        if let problem { draft.problem = problem }
        if let objectives { draft.objectives = objectives }
        if let supportType { draft.supportType = supportType }
        if let budget { draft.budget = budget }
        if let counterpart { draft.counterpart = counterpart }
        if let language { draft.language = language }
        return draft
    }
}

/// The body of `PUT /api/v1/calls/{id}/endorsements/{country}`: proposal ids, best first.
struct EndorsementInput: Decodable, Sendable {
    var proposals: [UUID]

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(["proposals"])
        proposals = try container.decode([UUID].self, forKey: AnyCodingKey("proposals"))
    }
}
