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
        try decoder.rejectUnknownKeys(allowed: Self.keys)
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
        if container.allKeys.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "The body has no fields."))
        }
        organisation = try container.decodeIfPresent(UUID.self, forKey: key("organisation"))
        city = try container.decodeIfPresent(UUID.self, forKey: key("city"))
        title = try container.decodeIfPresent(String.self, forKey: key("title"))
        problem = try container.decodeIfPresent(String.self, forKey: key("problem"))
        objectives = try container.decodeIfPresent(String.self, forKey: key("objectives"))
        supportType = try container.decodeIfPresent(String.self, forKey: key("supportType"))
        budget = try container.decodeIfPresent(Int.self, forKey: key("budget"))
        counterpart = try container.decodeIfPresent(String.self, forKey: key("counterpart"))
        language = try container.decodeIfPresent(String.self, forKey: key("language"))
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
        try decoder.rejectUnknownKeys(allowed: ["proposals"])
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        proposals = try container.decode([UUID].self, forKey: AnyCodingKey(stringValue: "proposals"))
    }
}
