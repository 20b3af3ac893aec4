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

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case sectors, countries, languages, capacity, available, unavailable
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        sectors = try c.decodeIfPresent([String].self, forKey: .sectors) ?? []
        countries = try c.decodeIfPresent([String].self, forKey: .countries) ?? []
        languages = try c.decodeIfPresent([String].self, forKey: .languages) ?? ["en"]
        capacity = try c.decodeIfPresent(Int.self, forKey: .capacity)
        available = try c.decodeIfPresent(Bool.self, forKey: .available)
        unavailable = try c.decodeIfPresent([String].self, forKey: .unavailable) ?? []
    }
}

/// `PUT /api/v1/calls/{id}/conflicts`: `{"conflicts": [{"proposal": id, "reason": "…"}]}`.
struct ConflictsInput: Decodable, Sendable {
    struct Line: Decodable, Sendable {
        var proposal: UUID
        var reason: String
        /// The fields of the body, declared once.
        enum Field: String, CodingKey, CaseIterable {
            case proposal, reason
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            proposal = try c.decode(UUID.self, forKey: .proposal)
            reason = try c.decode(String.self, forKey: .reason)
        }
    }
    var conflicts: [Line]
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case conflicts
    }

    init(from decoder: any Decoder) throws {
        conflicts = try decoder.strictFields(Field.self).decode([Line].self, forKey: .conflicts)
    }
}

/// `POST /api/v1/calls/{id}/assignment`.
struct AssignmentRunInput: Decodable, Sendable {
    var reviewsPerProposal: Int
    var loadBalancing: Int
    var fairness: Bool
    var reviewsDue: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case reviewsPerProposal, loadBalancing, fairness, reviewsDue
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        reviewsPerProposal = try c.decodeIfPresent(Int.self, forKey: .reviewsPerProposal) ?? 3
        loadBalancing = try c.decodeIfPresent(Int.self, forKey: .loadBalancing) ?? 0
        fairness = try c.decodeIfPresent(Bool.self, forKey: .fairness) ?? false
        reviewsDue = try c.decodeIfPresent(String.self, forKey: .reviewsDue)
    }
}

/// `POST /api/v1/calls/{id}/assignment/pairs`.
struct AssignmentPairInput: Decodable, Sendable {
    var proposal: UUID
    var reviewer: UUID
    var action: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case proposal, reviewer, action
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        proposal = try c.decode(UUID.self, forKey: .proposal)
        reviewer = try c.decode(UUID.self, forKey: .reviewer)
        action = try c.decodeIfPresent(String.self, forKey: .action)
    }
}

/// `PUT /api/v1/reviews/{proposalId}`.
struct ReviewInput: Decodable, Sendable {
    var scores: [String: Int]
    var comment: String?
    var note: String?
    var submit: Bool
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case scores, comment, note, submit
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        scores = try c.decodeIfPresent([String: Int].self, forKey: .scores) ?? [:]
        comment = try c.decodeIfPresent(String.self, forKey: .comment)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        submit = try c.decodeIfPresent(Bool.self, forKey: .submit) ?? false
    }
}
