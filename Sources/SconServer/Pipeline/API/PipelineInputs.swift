import Foundation
import Vapor

/// `POST /api/v1/projects` (a lead).
struct LeadInput: Decodable, Sendable {
    var lead: PipelineStore.LeadInput
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case organisation, city, title, supportType, descriptionEn, descriptionKo, sectors
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        lead = .init(organisation: try c.value(.organisation), city: try c.value(.city), title: try c.value(.title), supportType: try c.value(.supportType),
                     descriptionEn: try c.value(.descriptionEn), descriptionKo: try c.value(.descriptionKo), sectors: try c.value(.sectors))
    }
}

/// `PUT /api/v1/projects/{id}/profile`.
struct ProfileInput: Decodable, Sendable {
    var descriptionEn: String?; var descriptionKo: String?; var sectors: [String]?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case descriptionEn, descriptionKo, sectors
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        descriptionEn = try c.value(.descriptionEn); descriptionKo = try c.value(.descriptionKo); sectors = try c.value(.sectors)
    }
}

/// `POST /api/v1/projects/{id}/participants`.
struct ParticipantInput: Decodable, Sendable {
    var organisation: UUID?; var role: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case organisation, role
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        organisation = try c.value(.organisation); role = try c.value(.role)
    }
}

/// `POST /api/v1/projects/{id}/deliverables`.
struct DeliverableInput: Decodable, Sendable {
    var kind: String?; var title: String?; var isPublic: Bool?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case kind, title, `public`
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        kind = try c.value(.kind); title = try c.value(.title); isPublic = try c.value(.public)
    }
}

/// `POST /api/v1/projects/{id}/deliverables/{deliverable}/versions`.
struct VersionInput: Decodable, Sendable {
    var note: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case note
    }

    init(from decoder: any Decoder) throws { note = try decoder.strictFields(Field.self).value(.note) }
}

/// `POST /api/v1/projects/{id}/milestones`.
struct MilestoneInput: Decodable, Sendable {
    var titleEn: String?; var titleKo: String?; var planned: String?; var actual: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case titleEn, titleKo, planned, actual
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        titleEn = try c.value(.titleEn); titleKo = try c.value(.titleKo); planned = try c.value(.planned); actual = try c.value(.actual)
    }
}

/// `PUT /api/v1/projects/{id}/milestones/{milestone}`.
struct MilestoneActualInput: Decodable, Sendable {
    var actual: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case actual
    }

    init(from decoder: any Decoder) throws { actual = try decoder.strictFields(Field.self).value(.actual) }
}

/// `POST /api/v1/projects/{id}/tender`.
struct TenderInput: Decodable, Sendable {
    var terms: String?; var agreedOn: String?; var closesOn: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case terms, agreedOn, closesOn
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        terms = try c.value(.terms); agreedOn = try c.value(.agreedOn); closesOn = try c.value(.closesOn)
    }
}

/// `POST /api/v1/projects/{id}/tender/bids`.
struct BidInput: Decodable, Sendable {
    var organisation: UUID?; var amountKRW: Int?; var technicalScore: Int?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case organisation, amountKRW, technicalScore
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        organisation = try c.value(.organisation); amountKRW = try c.value(.amountKRW); technicalScore = try c.value(.technicalScore)
    }
}

/// `POST /api/v1/projects/{id}/tender/award`.
struct AwardInput: Decodable, Sendable {
    var bid: UUID?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case bid
    }

    init(from decoder: any Decoder) throws { bid = try decoder.strictFields(Field.self).value(.bid) }
}

/// `POST /api/v1/projects/{id}/indicators`.
struct IndicatorInput: Decodable, Sendable {
    struct Period: Decodable, Sendable {
        var value: PipelineStore.PeriodInput
        /// The fields of a period, declared once.
        enum Field: String, CodingKey, CaseIterable {
            case start, end, target, actual
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(Field.self)
            value = .init(start: try c.value(.start), end: try c.value(.end), target: try c.value(.target), actual: try c.value(.actual))
        }
    }
    var resultType: String?; var titleEn: String?; var titleKo: String?; var measure: String?
    var baselineYear: Int?; var baselineValue: String?; var periods: [Period]
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case resultType, titleEn, titleKo, measure, baselineYear, baselineValue, periods
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        resultType = try c.value(.resultType); titleEn = try c.value(.titleEn); titleKo = try c.value(.titleKo); measure = try c.value(.measure)
        baselineYear = try c.value(.baselineYear); baselineValue = try c.value(.baselineValue); periods = try c.value(.periods) ?? []
    }
}

/// `POST /api/v1/projects/{id}/readiness/{flag}` and `POST /api/v1/projects/{id}/stage`.
struct ReasonInput: Decodable, Sendable {
    var reason: String?; var to: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case reason, to
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        reason = try c.value(.reason); to = try c.value(.to)
    }
}
