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
        var proposals: [ProposalRecord]?
    }

    struct ProposalRecord: Decodable {
        var organisation: String; var city: String; var title: String; var problem: String; var objectives: String
        var supportType: String; var budget: Int; var counterpart: String
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
                                                  details: ["state": state.rawValue, "sample": "true"])], to: .call(call.id!), on: db)
            try await seedProposals(record.proposals ?? [], in: call, terms: terms, db)
        }
    }

    /// Submitted sample proposals of a sample round, numbered and endorsed per country in
    /// the order listed, submitted a day apart before the deadline.
    static func seedProposals(_ records: [ProposalRecord], in call: Call, terms: CallTerms, _ db: any Database) async throws {
        var perCountry: [CountryCode: Int] = [:]
        for (index, record) in records.enumerated() {
            guard let organisation = try await Organisation.query(on: db).filter(\.$seedKey == record.organisation).first(),
                  let country = CountryCode(organisation.countryCode),
                  let city = try await City.query(on: db).filter(\.$nameEn == record.city).filter(\.$countryCode == country.value).first() else {
                throw CocoaError(.coderValueNotFound, userInfo: [NSDebugDescriptionErrorKey: "sample proposal \(record.title): unknown organisation or city"])
            }
            let fields = try ProposalDraft(cityID: try city.requireID(), title: record.title, problem: record.problem, objectives: record.objectives,
                                           supportType: record.supportType, budget: record.budget, counterpart: record.counterpart, language: "en")
                .validated(cities: [try city.requireID(): country], applicantCountry: country)
            let number = (perCountry[country] ?? 0) + 1
            perCountry[country] = number
            let proposal = Proposal()
            proposal.id = UUID()
            proposal.callID = try call.requireID()
            proposal.organisationID = try organisation.requireID()
            proposal.apply(fields, country: country)
            proposal.state = ProposalState.submitted.rawValue
            proposal.code = ProposalRules.code(schedule: terms.schedule, country: country, number: number)
            proposal.submittedAt = terms.schedule.closesAt.addingTimeInterval(-Double(records.count - index) * 86_400)
            proposal.sample = true
            try await proposal.create(on: db)
            let endorsement = Endorsement()
            endorsement.callID = proposal.callID
            endorsement.countryCode = country.value
            endorsement.proposalID = proposal.id!
            endorsement.rank = number
            try await endorsement.create(on: db)
            try await AuditLog.append([AuditEvent(actor: nil, action: "proposal.seed", subject: ProposalStore.subject(proposal.id!),
                                                  details: ["code": proposal.code ?? "", "sample": "true"])], to: .call(call.id!), on: db)
        }
    }
}
