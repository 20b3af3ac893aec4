import Fluent
import Foundation
import SconDomain

extension DemoData {
    struct CallRecord: Decodable {
        struct CriterionRecord: Decodable { var key: String; var nameEn: String; var nameKo: String; var weight: Int }
        var key: String; var state: String; var titleEn: String; var titleKo: String; var textEn: String; var textKo: String
        var supportTypes: [String]; var opensAt: String; var closesAt: String; var timeZone: String
        var selections: Int; var onePerCountry: Bool; var budgets: [String: Int]; var endorsementsPerCountry: Int
        var criteria: [CriterionRecord]; var scaleMinimum: Int; var scaleMaximum: Int; var requiredDocuments: [LocalizedText]
    }

    /// The sample calls of Resources/Seed/calls.json, marked as samples, each with its
    /// creation written to the audit log by `system`.
    static func seedCalls(_ db: any Database) async throws {
        let records = try JSONDecoder().decode([CallRecord].self, from: try resource("calls", "json"))
        for record in records {
            var draft = CallDraft()
            draft.titleEn = record.titleEn; draft.titleKo = record.titleKo
            draft.textEn = record.textEn; draft.textKo = record.textKo
            draft.supportTypes = record.supportTypes
            draft.opensAt = record.opensAt; draft.closesAt = record.closesAt; draft.timeZone = record.timeZone
            draft.selections = record.selections; draft.onePerCountry = record.onePerCountry
            draft.budgets = record.budgets; draft.endorsementsPerCountry = record.endorsementsPerCountry
            draft.criteria = record.criteria.map { Criterion(key: $0.key, name: LocalizedText(en: $0.nameEn, ko: $0.nameKo), weight: $0.weight) }
            draft.scaleMinimum = record.scaleMinimum; draft.scaleMaximum = record.scaleMaximum
            draft.requiredDocuments = record.requiredDocuments
            let terms = try draft.validated(knownCountries: Set(CountryCode.seeded))
            guard let state = CallState(rawValue: record.state) else { throw CocoaError(.coderInvalidValue) }
            let call = Call()
            call.id = UUID()
            call.seedKey = record.key
            call.state = state.rawValue
            call.sample = true
            try call.apply(terms)
            try await call.create(on: db)
            try await AuditLog.append([AuditEvent(actor: nil, action: "call.seed", subject: CallStore.subject(call.id!),
                                                  details: ["state": state.rawValue, "sample": "true"])], on: db)
        }
    }
}
