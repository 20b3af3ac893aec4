import SconDomain
import Vapor

/// `PUT /api/v1/me/reviewer-profile`.
struct ReviewerProfileInput: Decodable, Sendable {
    var sectors: [String]
    var countries: [String]
    var languages: [String]
    var capacity: Int?
    var available: Bool?
    var unavailable: [String]

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["sectors", "countries", "languages", "capacity", "available", "unavailable"])
        sectors = try c.value("sectors", as: [String].self) ?? []
        countries = try c.value("countries", as: [String].self) ?? []
        languages = try c.value("languages", as: [String].self) ?? ["en"]
        capacity = try c.value("capacity", as: Int.self)
        available = try c.value("available", as: Bool.self)
        unavailable = try c.value("unavailable", as: [String].self) ?? []
    }
}

/// `PUT /api/v1/calls/{id}/conflicts`: `{"conflicts": [{"proposal": id, "reason": "…"}]}`.
struct ConflictsInput: Decodable, Sendable {
    struct Line: Decodable, Sendable {
        var proposal: UUID
        var reason: String
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(["proposal", "reason"])
            proposal = try c.decode(UUID.self, forKey: AnyCodingKey("proposal"))
            reason = try c.decode(String.self, forKey: AnyCodingKey("reason"))
        }
    }
    var conflicts: [Line]
    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["conflicts"])
        conflicts = try decoder.container(keyedBy: AnyCodingKey.self).decode([Line].self, forKey: AnyCodingKey("conflicts"))
    }
}

/// `POST /api/v1/calls/{id}/assignment`.
struct AssignmentRunInput: Decodable, Sendable {
    var reviewsPerProposal: Int
    var loadBalancing: Int
    var fairness: Bool
    var reviewsDue: String?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["reviewsPerProposal", "loadBalancing", "fairness", "reviewsDue"])
        reviewsPerProposal = try c.value("reviewsPerProposal", as: Int.self) ?? 3
        loadBalancing = try c.value("loadBalancing", as: Int.self) ?? 0
        fairness = try c.value("fairness", as: Bool.self) ?? false
        reviewsDue = try c.value("reviewsDue", as: String.self)
    }
}

/// `POST /api/v1/calls/{id}/assignment/pairs`.
struct AssignmentPairInput: Decodable, Sendable {
    var proposal: UUID
    var reviewer: UUID
    var action: String?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["proposal", "reviewer", "action"])
        proposal = try c.decode(UUID.self, forKey: AnyCodingKey("proposal"))
        reviewer = try c.decode(UUID.self, forKey: AnyCodingKey("reviewer"))
        action = try c.value("action", as: String.self)
    }
}

/// `PUT /api/v1/reviews/{proposalId}`.
struct ReviewInput: Decodable, Sendable {
    var scores: [String: Int]
    var comment: String?
    var note: String?
    var submit: Bool
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["scores", "comment", "note", "submit"])
        scores = try c.decodeIfPresent([String: Int].self, forKey: AnyCodingKey("scores")) ?? [:]
        comment = try c.value("comment", as: String.self)
        note = try c.value("note", as: String.self)
        submit = try c.value("submit", as: Bool.self) ?? false
    }
}
