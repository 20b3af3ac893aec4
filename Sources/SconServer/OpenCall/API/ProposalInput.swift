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

    /// The fields of the body, declared once: decoding and the check for unknown fields use them.

    enum Field: String, CodingKey, CaseIterable {

        case organisation, city, title, problem, objectives, supportType, budget, counterpart, language

    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Field.self, nonEmpty: true)
        organisation = try container.decodeIfPresent(UUID.self, forKey: .organisation)
        city = try container.decodeIfPresent(UUID.self, forKey: .city)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        problem = try container.decodeIfPresent(String.self, forKey: .problem)
        objectives = try container.decodeIfPresent(String.self, forKey: .objectives)
        supportType = try container.decodeIfPresent(String.self, forKey: .supportType)
        budget = try container.decodeIfPresent(Int.self, forKey: .budget)
        counterpart = try container.decodeIfPresent(String.self, forKey: .counterpart)
        language = try container.decodeIfPresent(String.self, forKey: .language)
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

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case proposals
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.strictFields(Field.self)
        proposals = try container.decode([UUID].self, forKey: .proposals)
    }
}
