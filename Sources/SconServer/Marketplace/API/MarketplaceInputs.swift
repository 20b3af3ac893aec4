import Foundation
import SconDomain
import Vapor

/// `POST /api/v1/challenges` and `PATCH /api/v1/challenges/{id}` (a PATCH changes the fields it names).
struct ChallengeInput: Decodable, Sendable {
    /// The values sent; only the fields in `present` are applied.
    var patch = ChallengeDraft()
    var present: Set<Field> = []
    var publish: Bool?

    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case city, organisation, sectors, language, title, body, titleKo, bodyKo, titleEn, bodyEn
        case peopleAffected, budgetMin, budgetMax, budgetCurrency, timing, contact, publish
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        present = Set(Field.allCases.filter(c.contains))
        patch.cityID = try c.decodeIfPresent(UUID.self, forKey: .city)
        patch.organisationID = try c.decodeIfPresent(UUID.self, forKey: .organisation)
        patch.sectors = try c.decodeIfPresent([String].self, forKey: .sectors)
        patch.language = try c.decodeIfPresent(String.self, forKey: .language)
        patch.title = try c.decodeIfPresent(String.self, forKey: .title)
        patch.body = try c.decodeIfPresent(String.self, forKey: .body)
        patch.titleKo = try c.decodeIfPresent(String.self, forKey: .titleKo)
        patch.bodyKo = try c.decodeIfPresent(String.self, forKey: .bodyKo)
        patch.titleEn = try c.decodeIfPresent(String.self, forKey: .titleEn)
        patch.bodyEn = try c.decodeIfPresent(String.self, forKey: .bodyEn)
        patch.peopleAffected = try c.decodeIfPresent(Int.self, forKey: .peopleAffected)
        patch.budgetMin = try c.decodeIfPresent(String.self, forKey: .budgetMin)
        patch.budgetMax = try c.decodeIfPresent(String.self, forKey: .budgetMax)
        patch.budgetCurrency = try c.decodeIfPresent(String.self, forKey: .budgetCurrency)
        patch.timing = try c.decodeIfPresent(String.self, forKey: .timing)
        patch.contact = try c.decodeIfPresent(String.self, forKey: .contact)
        publish = try c.decodeIfPresent(Bool.self, forKey: .publish)
    }

    func applied(to base: ChallengeDraft) -> ChallengeDraft {
        var draft = base
        for field in present {
            switch field {
            case .city: draft.cityID = patch.cityID
            case .organisation: draft.organisationID = patch.organisationID
            case .sectors: draft.sectors = patch.sectors
            case .language: draft.language = patch.language
            case .title: draft.title = patch.title
            case .body: draft.body = patch.body
            case .titleKo: draft.titleKo = patch.titleKo
            case .bodyKo: draft.bodyKo = patch.bodyKo
            case .titleEn: draft.titleEn = patch.titleEn
            case .bodyEn: draft.bodyEn = patch.bodyEn
            case .peopleAffected: draft.peopleAffected = patch.peopleAffected
            case .budgetMin: draft.budgetMin = patch.budgetMin
            case .budgetMax: draft.budgetMax = patch.budgetMax
            case .budgetCurrency: draft.budgetCurrency = patch.budgetCurrency
            case .timing: draft.timing = patch.timing
            case .contact: draft.contact = patch.contact
            case .publish: break
            }
        }
        return draft
    }
}

/// `POST /api/v1/solutions` and `PATCH /api/v1/solutions/{id}`.
struct SolutionInput: Decodable, Sendable {
    var patch = SolutionDraft()
    var present: Set<Field> = []
    var publish: Bool?

    enum Field: String, CodingKey, CaseIterable {
        case organisation, sectors, language, title, body, titleKo, bodyKo, titleEn, bodyEn
        case readiness, references, priceModel, languages, publish
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        present = Set(Field.allCases.filter(c.contains))
        patch.organisationID = try c.decodeIfPresent(UUID.self, forKey: .organisation)
        patch.sectors = try c.decodeIfPresent([String].self, forKey: .sectors)
        patch.languages = try c.decodeIfPresent([String].self, forKey: .languages)
        patch.references = try c.decodeIfPresent([UUID].self, forKey: .references)
        patch.language = try c.decodeIfPresent(String.self, forKey: .language)
        patch.title = try c.decodeIfPresent(String.self, forKey: .title)
        patch.body = try c.decodeIfPresent(String.self, forKey: .body)
        patch.titleKo = try c.decodeIfPresent(String.self, forKey: .titleKo)
        patch.bodyKo = try c.decodeIfPresent(String.self, forKey: .bodyKo)
        patch.titleEn = try c.decodeIfPresent(String.self, forKey: .titleEn)
        patch.bodyEn = try c.decodeIfPresent(String.self, forKey: .bodyEn)
        patch.readiness = try c.decodeIfPresent(String.self, forKey: .readiness)
        patch.priceModel = try c.decodeIfPresent(String.self, forKey: .priceModel)
        publish = try c.decodeIfPresent(Bool.self, forKey: .publish)
    }

    func applied(to base: SolutionDraft) -> SolutionDraft {
        var draft = base
        for field in present {
            switch field {
            case .organisation: draft.organisationID = patch.organisationID
            case .sectors: draft.sectors = patch.sectors
            case .languages: draft.languages = patch.languages
            case .references: draft.references = patch.references
            case .language: draft.language = patch.language
            case .title: draft.title = patch.title
            case .body: draft.body = patch.body
            case .titleKo: draft.titleKo = patch.titleKo
            case .bodyKo: draft.bodyKo = patch.bodyKo
            case .titleEn: draft.titleEn = patch.titleEn
            case .bodyEn: draft.bodyEn = patch.bodyEn
            case .readiness: draft.readiness = patch.readiness
            case .priceModel: draft.priceModel = patch.priceModel
            case .publish: break
            }
        }
        return draft
    }
}

/// `POST …/status`: `{"status": "open"}`.
struct StatusInput: Decodable, Sendable {
    var status: String?
    enum Field: String, CodingKey, CaseIterable { case status }
    init(from decoder: any Decoder) throws {
        status = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .status)
    }
}

/// `POST /api/v1/matches/{challenge}/{solution}/messages`: `{"text": "…"}`.
struct MessageInput: Decodable, Sendable {
    var text: String?
    enum Field: String, CodingKey, CaseIterable { case text }
    init(from decoder: any Decoder) throws {
        text = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .text)
    }
}

/// `POST /api/v1/matches/{challenge}/{solution}/lead`: `{"centre": "…", "supportType": "master-plan", "owner": "…"}`.
struct PairLeadInput: Decodable, Sendable {
    var centre: UUID?
    var supportType: String?
    var owner: String?
    enum Field: String, CodingKey, CaseIterable { case centre, supportType, owner }
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        centre = try c.decodeIfPresent(UUID.self, forKey: .centre)
        supportType = try c.decodeIfPresent(String.self, forKey: .supportType)
        owner = try c.decodeIfPresent(String.self, forKey: .owner)
    }
}

/// `POST /api/v1/matches/{challenge}/{solution}/meetings`: `{"event": "…", "priority": 3, "message": "…"}`.
struct PairMeetingInput: Decodable, Sendable {
    var event: UUID?
    var priority: Int?
    var message: String?
    enum Field: String, CodingKey, CaseIterable { case event, priority, message }
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        event = try c.decodeIfPresent(UUID.self, forKey: .event)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority)
        message = try c.decodeIfPresent(String.self, forKey: .message)
    }
}

/// `POST /api/v1/matches/{challenge}/{solution}/proposal`: `{"call": "…", "supportType": "master-plan", "budget": 500000000}`.
struct PairProposalInput: Decodable, Sendable {
    var call: UUID?
    var supportType: String?
    var budget: Int?
    enum Field: String, CodingKey, CaseIterable { case call, supportType, budget }
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        call = try c.decodeIfPresent(UUID.self, forKey: .call)
        supportType = try c.decodeIfPresent(String.self, forKey: .supportType)
        budget = try c.decodeIfPresent(Int.self, forKey: .budget)
    }
}
