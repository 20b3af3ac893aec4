import Foundation
import Vapor

/// `POST /api/v1/projects` (a lead).
struct LeadInput: Decodable, Sendable {
    var lead: PipelineStore.LeadInput
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["organisation", "city", "title", "supportType", "descriptionEn", "descriptionKo", "sectors"])
        lead = .init(organisation: try c.value("organisation"), city: try c.value("city"), title: try c.value("title"), supportType: try c.value("supportType"),
                     descriptionEn: try c.value("descriptionEn"), descriptionKo: try c.value("descriptionKo"), sectors: try c.value("sectors"))
    }
}

/// `PUT /api/v1/projects/{id}/profile`.
struct ProfileInput: Decodable, Sendable {
    var descriptionEn: String?; var descriptionKo: String?; var sectors: [String]?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["descriptionEn", "descriptionKo", "sectors"])
        descriptionEn = try c.value("descriptionEn"); descriptionKo = try c.value("descriptionKo"); sectors = try c.value("sectors")
    }
}

/// `POST /api/v1/projects/{id}/participants`.
struct ParticipantInput: Decodable, Sendable {
    var organisation: UUID?; var role: String?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["organisation", "role"])
        organisation = try c.value("organisation"); role = try c.value("role")
    }
}

/// `POST /api/v1/projects/{id}/deliverables`.
struct DeliverableInput: Decodable, Sendable {
    var kind: String?; var title: String?; var isPublic: Bool?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["kind", "title", "public"])
        kind = try c.value("kind"); title = try c.value("title"); isPublic = try c.value("public")
    }
}

/// `POST /api/v1/projects/{id}/deliverables/{deliverable}/versions`.
struct VersionInput: Decodable, Sendable {
    var note: String?
    init(from decoder: any Decoder) throws { note = try decoder.strictFields(["note"]).value("note") }
}

/// `POST /api/v1/projects/{id}/milestones`.
struct MilestoneInput: Decodable, Sendable {
    var titleEn: String?; var titleKo: String?; var planned: String?; var actual: String?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["titleEn", "titleKo", "planned", "actual"])
        titleEn = try c.value("titleEn"); titleKo = try c.value("titleKo"); planned = try c.value("planned"); actual = try c.value("actual")
    }
}

/// `PUT /api/v1/projects/{id}/milestones/{milestone}`.
struct MilestoneActualInput: Decodable, Sendable {
    var actual: String?
    init(from decoder: any Decoder) throws { actual = try decoder.strictFields(["actual"]).value("actual") }
}

/// `POST /api/v1/projects/{id}/tender`.
struct TenderInput: Decodable, Sendable {
    var terms: String?; var agreedOn: String?; var closesOn: String?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["terms", "agreedOn", "closesOn"])
        terms = try c.value("terms"); agreedOn = try c.value("agreedOn"); closesOn = try c.value("closesOn")
    }
}

/// `POST /api/v1/projects/{id}/tender/bids`.
struct BidInput: Decodable, Sendable {
    var organisation: UUID?; var amountKRW: Int?; var technicalScore: Int?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["organisation", "amountKRW", "technicalScore"])
        organisation = try c.value("organisation"); amountKRW = try c.value("amountKRW"); technicalScore = try c.value("technicalScore")
    }
}

/// `POST /api/v1/projects/{id}/tender/award`.
struct AwardInput: Decodable, Sendable {
    var bid: UUID?
    init(from decoder: any Decoder) throws { bid = try decoder.strictFields(["bid"]).value("bid") }
}

/// `POST /api/v1/projects/{id}/indicators`.
struct IndicatorInput: Decodable, Sendable {
    struct Period: Decodable, Sendable {
        var value: PipelineStore.PeriodInput
        init(from decoder: any Decoder) throws {
            let c = try decoder.strictFields(["start", "end", "target", "actual"])
            value = .init(start: try c.value("start"), end: try c.value("end"), target: try c.value("target"), actual: try c.value("actual"))
        }
    }
    var resultType: String?; var titleEn: String?; var titleKo: String?; var measure: String?
    var baselineYear: Int?; var baselineValue: String?; var periods: [Period]
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["resultType", "titleEn", "titleKo", "measure", "baselineYear", "baselineValue", "periods"])
        resultType = try c.value("resultType"); titleEn = try c.value("titleEn"); titleKo = try c.value("titleKo"); measure = try c.value("measure")
        baselineYear = try c.value("baselineYear"); baselineValue = try c.value("baselineValue"); periods = try c.value("periods") ?? []
    }
}

/// `POST /api/v1/projects/{id}/readiness/{flag}` and `POST /api/v1/projects/{id}/stage`.
struct ReasonInput: Decodable, Sendable {
    var reason: String?; var to: String?
    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(["reason", "to"])
        reason = try c.value("reason"); to = try c.value("to")
    }
}
