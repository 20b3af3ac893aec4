import Crypto
import Fluent
import Foundation
import SconDomain

/// `scon import marketplace FILE`: challenges and solutions as JSON Lines (the format in
/// `MarketplaceEntry`). Every line is checked before anything is written; a bad line refuses the
/// whole file, naming it (`lines[7].country`). Entries are published, owned by a placeholder
/// organisation of their country (created once, marked as imported), and keep `ref` as their
/// external reference: importing the same `ref` again updates the entry. One audit event records
/// the import (how many created and updated, and the file's SHA-256).
struct MarketplaceImport: Sendable {
    let db: any Database
    let audit: AuditLog

    struct Summary: Sendable, Equatable {
        var created = 0
        var updated = 0
    }

    /// The checked entries with their line numbers (1-based), or every broken rule by line.
    static func parse(_ data: Data, knownCountries: Set<CountryCode>) throws(DomainError) -> [MarketplaceEntry.Fields] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid([FieldIssue(field: "file", code: "invalid-utf8", detail: "the file is not UTF-8 text.")])
        }
        var issues: [FieldIssue] = []
        var fields: [MarketplaceEntry.Fields] = []
        var refs: [String: Int] = [:]
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let entry = try? decoder.decode(MarketplaceEntry.self, from: Data(trimmed.utf8)) else {
                issues.append(FieldIssue(field: "lines[\(number)]", code: "invalid-json", detail: "line \(number) is not a JSON object of the import format."))
                continue
            }
            do {
                let checked = try entry.validated(knownCountries: knownCountries)
                if let first = refs[checked.ref] {
                    issues.append(FieldIssue(field: "lines[\(number)].ref", code: "duplicate", detail: "ref \(checked.ref.prefix(100)) is also on line \(first)."))
                } else {
                    refs[checked.ref] = number
                    fields.append(checked)
                }
            } catch DomainError.invalid(let found) {
                issues += found.map { FieldIssue(field: "lines[\(number)].\($0.field)", code: $0.code, detail: "line \(number): \($0.detail)") }
            } catch {
                issues.append(FieldIssue(field: "lines[\(number)]", code: "invalid", detail: "line \(number): \(error)"))
            }
            if issues.count >= 50 { break }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        if fields.isEmpty { throw .invalid([FieldIssue(field: "file", code: "empty", detail: "the file has no entries.")]) }
        return fields
    }

    func run(_ data: Data) async throws -> Summary {
        let countries = Set(try await Country.query(on: db).all().compactMap { $0.id.flatMap(CountryCode.init) })
        let entries = try Self.parse(data, knownCountries: countries)
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let now = audit.clock.now()
        return try await audit.record(.marketplaceImport) { tx in
            var summary = Summary()
            var owners: [CountryCode: UUID] = [:]
            let index = SearchIndex(db: tx)
            let challenges = Dictionary(try await Challenge.query(on: tx).filter(\.$externalRef != nil).all().map { ($0.externalRef!, $0) }, uniquingKeysWith: { a, _ in a })
            let solutions = Dictionary(try await Solution.query(on: tx).filter(\.$externalRef != nil).all().map { ($0.externalRef!, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in entries {
                let owner: UUID
                if let known = owners[entry.country] { owner = known } else {
                    owner = try await Self.placeholder(for: entry.country, on: tx)
                    owners[entry.country] = owner
                }
                switch entry.kind {
                case .challenge:
                    let model = challenges[entry.ref] ?? Challenge()
                    let isNew = model.id == nil
                    if isNew { model.id = UUID(); model.sample = false; model.timing = ""; model.contact = ""; model.titleKo = ""; model.bodyKo = ""; model.titleEn = ""; model.bodyEn = "" }
                    model.organisationID = owner
                    model.cityID = nil
                    model.countryCode = entry.country.value
                    model.sectors = Sector.storageText(entry.sectors)
                    model.language = entry.language.rawValue
                    model.title = entry.title
                    model.body = entry.body
                    model.status = ChallengeStatus.open.rawValue
                    model.externalRef = entry.ref
                    if isNew { try await model.create(on: tx); summary.created += 1 } else { try await model.update(on: tx); summary.updated += 1 }
                    try await index.upsert(try model.searchDocument, now: now)
                case .solution:
                    let model = solutions[entry.ref] ?? Solution()
                    let isNew = model.id == nil
                    if isNew {
                        model.id = UUID(); model.sample = false; model.titleKo = ""; model.bodyKo = ""; model.titleEn = ""; model.bodyEn = ""
                        model.readiness = SolutionReadiness.pilot.rawValue; model.referenceCities = ""; model.priceModel = PriceModel.negotiable.rawValue
                    }
                    model.organisationID = owner
                    model.countryCode = entry.country.value
                    model.sectors = Sector.storageText(entry.sectors)
                    model.language = entry.language.rawValue
                    model.languages = ",\(entry.language.rawValue),"
                    model.title = entry.title
                    model.body = entry.body
                    model.status = SolutionStatus.published.rawValue
                    model.externalRef = entry.ref
                    if isNew { try await model.create(on: tx); summary.created += 1 } else { try await model.update(on: tx); summary.updated += 1 }
                    try await index.upsert(try model.searchDocument, now: now)
                }
            }
            let result = summary
            return (result, [AuditEvent(actor: nil, action: "marketplace.import", subject: "marketplace-import",
                                        details: ["created": String(result.created), "updated": String(result.updated), "sha256": digest])])
        }
    }

    /// The country's placeholder organisation for imported entries, created the first time.
    static func placeholder(for country: CountryCode, on db: any Database) async throws -> UUID {
        let key = "imported:\(country.value)"
        if let existing = try await Organisation.query(on: db).filter(\.$seedKey == key).first() { return existing.storedID }
        let names = try await Country.find(country.value, on: db)
        let organisation = Organisation()
        organisation.id = UUID()
        organisation.seedKey = key
        organisation.nameEn = "Imported marketplace entries (\(names?.nameEn ?? country.value))"
        organisation.nameKo = "가져온 마켓플레이스 항목 (\(names?.nameKo ?? country.value))"
        organisation.type = OrganisationType.localGovernment.rawValue
        organisation.countryCode = country.value
        organisation.sectors = ""
        organisation.descriptionEn = "Holds the challenges and solutions imported with scon import marketplace; not a real organisation."
        organisation.descriptionKo = "scon import marketplace로 가져온 도시문제와 솔루션을 담는 자리표시 기관입니다. 실제 기관이 아닙니다."
        organisation.sample = false
        organisation.source = "scon import marketplace"
        organisation.searchKey = SearchText.key(organisation.nameEn, organisation.nameKo, nil)
        organisation.sortKey = SearchText.normalise(organisation.nameEn)
        try await organisation.create(on: db)
        return organisation.storedID
    }
}
