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
        try decoder.rejectUnknownKeys(allowed: ["sectors", "countries", "languages", "capacity", "available", "unavailable"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
        sectors = try c.decodeIfPresent([String].self, forKey: key("sectors")) ?? []
        countries = try c.decodeIfPresent([String].self, forKey: key("countries")) ?? []
        languages = try c.decodeIfPresent([String].self, forKey: key("languages")) ?? ["en"]
        capacity = try c.decodeIfPresent(Int.self, forKey: key("capacity"))
        available = try c.decodeIfPresent(Bool.self, forKey: key("available"))
        unavailable = try c.decodeIfPresent([String].self, forKey: key("unavailable")) ?? []
    }
}

/// `PUT /api/v1/calls/{id}/conflicts`: `{"conflicts": [{"proposal": id, "reason": "…"}]}`.
struct ConflictsInput: Decodable, Sendable {
    struct Line: Decodable, Sendable {
        var proposal: UUID
        var reason: String
        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(allowed: ["proposal", "reason"])
            let c = try decoder.container(keyedBy: AnyCodingKey.self)
            proposal = try c.decode(UUID.self, forKey: AnyCodingKey(stringValue: "proposal"))
            reason = try c.decode(String.self, forKey: AnyCodingKey(stringValue: "reason"))
        }
    }
    var conflicts: [Line]
    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["conflicts"])
        conflicts = try decoder.container(keyedBy: AnyCodingKey.self).decode([Line].self, forKey: AnyCodingKey(stringValue: "conflicts"))
    }
}

/// `POST /api/v1/calls/{id}/assignment`.
struct AssignmentRunInput: Decodable, Sendable {
    var reviewsPerProposal: Int
    var loadBalancing: Int
    var fairness: Bool
    var reviewsDue: String?
    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["reviewsPerProposal", "loadBalancing", "fairness", "reviewsDue"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        reviewsPerProposal = try c.decodeIfPresent(Int.self, forKey: AnyCodingKey(stringValue: "reviewsPerProposal")) ?? 3
        loadBalancing = try c.decodeIfPresent(Int.self, forKey: AnyCodingKey(stringValue: "loadBalancing")) ?? 0
        fairness = try c.decodeIfPresent(Bool.self, forKey: AnyCodingKey(stringValue: "fairness")) ?? false
        reviewsDue = try c.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "reviewsDue"))
    }
}

/// `POST /api/v1/calls/{id}/assignment/pairs`.
struct AssignmentPairInput: Decodable, Sendable {
    var proposal: UUID
    var reviewer: UUID
    var action: String?
    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["proposal", "reviewer", "action"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        proposal = try c.decode(UUID.self, forKey: AnyCodingKey(stringValue: "proposal"))
        reviewer = try c.decode(UUID.self, forKey: AnyCodingKey(stringValue: "reviewer"))
        action = try c.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "action"))
    }
}

/// `PUT /api/v1/reviews/{proposalId}`.
struct ReviewInput: Decodable, Sendable {
    var scores: [String: Int]
    var comment: String?
    var note: String?
    var submit: Bool
    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: ["scores", "comment", "note", "submit"])
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
        scores = try c.decodeIfPresent([String: Int].self, forKey: key("scores")) ?? [:]
        comment = try c.decodeIfPresent(String.self, forKey: key("comment"))
        note = try c.decodeIfPresent(String.self, forKey: key("note"))
        submit = try c.decodeIfPresent(Bool.self, forKey: key("submit")) ?? false
    }
}
