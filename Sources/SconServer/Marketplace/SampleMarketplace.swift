import Fluent
import Foundation
import SconDomain

/// The marketplace's demo data: sample challenges of ASCN pilot cities and sample solutions in
/// several of the region's languages (Resources/Seed/marketplace.jsonl), marked Sample.
extension DemoData {
    struct MarketplaceRecord: Decodable {
        var ref: String; var kind: String; var lang: String; var title: String; var body: String
        var country: String; var sectors: [String]; var city: String?; var organisation: String
    }

    static func seedMarketplace(_ db: any Database, now: Date) async throws {
        let records = try String(decoding: try resource("marketplace", "jsonl"), as: UTF8.self)
            .split(separator: "\n").map { try JSONDecoder().decode(MarketplaceRecord.self, from: Data($0.utf8)) }
        let organisations = Dictionary(uniqueKeysWithValues: try await Organisation.query(on: db).filter(\.$seedKey != nil).all().map { ($0.seedKey!, $0.storedID) })
        let cities = Dictionary(try await City.query(on: db).all().map { ($0.nameEn, $0.storedID) }, uniquingKeysWith: { first, _ in first })
        let index = SearchIndex(db: db)
        // The audit events go last, so the chains' locks (the registry's, on PostgreSQL, shared by
        // every database of the server) are held only for the moment of the commit.
        var audit: [(AuditChainKey, AuditEvent)] = []
        for record in records {
            guard let organisation = organisations[record.organisation] else { throw DomainError.notFound("marketplace.jsonl: organisation \(record.organisation)") }
            if record.kind == "challenge" {
                guard let city = record.city.flatMap({ cities[$0] }) else { throw DomainError.notFound("marketplace.jsonl: city \(record.city ?? "")") }
                let model = Challenge()
                model.id = UUID(); model.organisationID = organisation; model.cityID = city; model.countryCode = record.country
                model.sectors = Sector.storageText(record.sectors.compactMap(Sector.init(rawValue:))); model.language = record.lang
                model.title = record.title; model.body = record.body
                model.titleKo = ""; model.bodyKo = ""; model.titleEn = ""; model.bodyEn = ""
                model.timing = ""; model.contact = ""; model.status = ChallengeStatus.open.rawValue; model.sample = true
                try await model.create(on: db)
                try await index.upsert(try model.searchDocument, now: now)
                audit.append((.challenge(model.storedID), AuditEvent(actor: nil, action: "challenge.seed", subject: ChallengeStore.subject(model.storedID), details: ["ref": record.ref])))
            } else {
                let model = Solution()
                model.id = UUID(); model.organisationID = organisation; model.countryCode = record.country
                model.sectors = Sector.storageText(record.sectors.compactMap(Sector.init(rawValue:))); model.language = record.lang
                model.title = record.title; model.body = record.body
                model.titleKo = ""; model.bodyKo = ""; model.titleEn = ""; model.bodyEn = ""
                model.readiness = SolutionReadiness.deployed.rawValue; model.referenceCities = ""; model.priceModel = PriceModel.negotiable.rawValue
                model.languages = Array(Set([record.lang, "en"])).sorted().reduce(",") { $0 + $1 + "," }
                model.status = SolutionStatus.published.rawValue; model.sample = true
                try await model.create(on: db)
                try await index.upsert(try model.searchDocument, now: now)
                audit.append((.solution(model.storedID), AuditEvent(actor: nil, action: "solution.seed", subject: SolutionStore.subject(model.storedID), details: ["ref": record.ref])))
            }
        }
        for (chain, event) in audit { try await AuditLog.append([event], to: chain, on: db, now: now) }
    }
}
