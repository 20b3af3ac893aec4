import Fluent
import Foundation
import SconDomain

extension DemoData {
    struct FundSeed: Decodable {
        struct FundRecord: Decodable { var code: String; var nameEn: String; var nameKo: String; var capitalKRW: Int }
        struct EarmarkRecord: Decodable { var code: String; var nameEn: String; var nameKo: String; var amountKRW: Int }
        struct RateRecord: Decodable { var currency: String; var day: String; var krwPerUnit: String }
        struct BookingRecord: Decodable {
            var movement: String; var instrument: String?; var amount: String; var currency: String
            var earmark: String?; var valueDay: String; var memo: String
        }
        struct ProjectRecord: Decodable {
            var code: String; var organisation: String; var city: String; var supportType: String
            var title: String; var descriptionEn: String; var descriptionKo: String; var stage: String; var bookings: [BookingRecord]
        }
        var fund: FundRecord
        var earmarks: [EarmarkRecord]
        var rates: [RateRecord]
        var projects: [ProjectRecord]
    }

    static let sampleRateSource = "Sample rate for the demo (rounded, not an official rate)"

    /// The PIS fund (1.5 trillion KRW) with its ASEAN earmark (300 billion KRW), sample exchange
    /// rates, and sample projects with bookings, all through the ledger's rules and into the
    /// audit log. Resources/Seed/fund.json; SOURCES.md says what is real and what is sample.
    static func seedFund(_ db: any Database) async throws {
        let seed = try JSONDecoder().decode(FundSeed.self, from: try resource("fund", "json"))
        let fund = Fund()
        fund.id = UUID()
        fund.code = seed.fund.code; fund.nameEn = seed.fund.nameEn; fund.nameKo = seed.fund.nameKo; fund.sample = false
        try await fund.create(on: db)
        let fundKey = UUIDText.string(fund.id!)
        var number = 0
        let opened = CalendarDay("2026-11-02")!
        func book(_ movement: Movement, _ lines: [LedgerLine], krw: Int, money: Money, rate: ExchangeRate, earmark: UUID?, project: UUID?,
                  instrument: Instrument?, valueDay: CalendarDay, memo: String) async throws {
            number += 1
            let transaction = LedgerTransaction()
            transaction.number = number
            transaction.fundID = fund.id!
            transaction.earmarkID = earmark; transaction.projectID = project
            transaction.movement = movement.rawValue; transaction.instrument = instrument?.rawValue
            transaction.amountMinor = money.minor; transaction.currency = money.currency.rawValue
            transaction.microKRW = rate.microKRWPerUnit; transaction.rateDay = rate.day.description; transaction.rateSource = rate.source
            transaction.amountKRW = krw; transaction.valueDay = valueDay.description; transaction.memo = memo
            transaction.bookedAt = valueDay.start.addingTimeInterval(9 * 3_600)
            transaction.sample = project != nil
            try await LedgerStore.write(transaction, lines, on: db)
            try await AuditLog.append([AuditEvent(actor: nil, action: "ledger.\(movement.rawValue)", subject: project.map { "project:\(UUIDText.string($0))" } ?? "fund:\(fundKey)",
                                                  details: ["number": String(number), "amountKRW": String(krw), "sample": project != nil ? "true" : "false"])], to: .fund(fund.id!), on: db)
        }
        let krw = ExchangeRate.krw(on: opened)
        try await book(.capital, LedgerRules.capital(fund: fundKey, amount: seed.fund.capitalKRW), krw: seed.fund.capitalKRW,
                       money: Money(minor: seed.fund.capitalKRW, .KRW), rate: krw, earmark: nil, project: nil, instrument: nil, valueDay: opened,
                       memo: "Fund capital")
        var earmarks: [String: UUID] = [:]
        var fundAvailable = seed.fund.capitalKRW
        for record in seed.earmarks {
            let earmark = Earmark()
            earmark.id = UUID()
            earmark.fundID = fund.id!; earmark.code = record.code; earmark.nameEn = record.nameEn; earmark.nameKo = record.nameKo
            try await earmark.create(on: db)
            earmarks[record.code] = earmark.id!
            let lines = try LedgerRules.allocation(fund: fundKey, earmark: UUIDText.string(earmark.id!), amount: record.amountKRW, fundAvailable: fundAvailable)
            fundAvailable -= record.amountKRW
            try await book(.allocation, lines, krw: record.amountKRW, money: Money(minor: record.amountKRW, .KRW), rate: krw, earmark: earmark.id,
                           project: nil, instrument: nil, valueDay: opened, memo: "Earmark \(record.code)")
        }
        for record in seed.rates {
            let row = ExchangeRateRecord()
            row.currency = record.currency; row.day = record.day
            row.microKRW = ExchangeRate.parseRate(record.krwPerUnit)!
            row.source = sampleRateSource; row.sample = true
            try await row.create(on: db)
        }
        for record in seed.projects {
            guard let organisation = try await Organisation.query(on: db).filter(\.$seedKey == record.organisation).first(),
                  let city = try await City.query(on: db).filter(\.$nameEn == record.city).filter(\.$countryCode == organisation.countryCode).first() else {
                throw CocoaError(.coderValueNotFound, userInfo: [NSDebugDescriptionErrorKey: "sample project \(record.code): unknown organisation or city"])
            }
            let project = Project()
            project.id = UUID()
            project.code = record.code; project.organisationID = try organisation.requireID(); project.cityID = try city.requireID()
            project.countryCode = organisation.countryCode; project.title = record.title; project.supportType = record.supportType
            project.stage = record.stage; project.sectors = organisation.sectors; project.sample = true
            project.descriptionEn = record.descriptionEn; project.descriptionKo = record.descriptionKo
            try await project.create(on: db)
            let lead = ProjectParticipant()
            lead.projectID = project.id!; lead.organisationID = project.organisationID; lead.role = ProjectRole.lead.rawValue
            try await lead.create(on: db)
            for booking in record.bookings {
                let currency = Currency(rawValue: booking.currency)!
                let money = Money.parse(booking.amount, currency)!
                let day = CalendarDay(booking.valueDay)!
                let rate = try await LedgerStore.rate(for: currency, on: day, on: db)
                let amount = rate.toKRW(money)
                let earmark = booking.earmark.flatMap { earmarks[$0] }
                let source = earmark.map { "earmark:\(UUIDText.string($0))" } ?? "fund:\(fundKey)"
                let position = try await LedgerStore.position(project: project.id!, source: source, on: db)
                let movement = Movement(rawValue: booking.movement)!
                let lines = try LedgerRules.posting(movement, project: UUIDText.string(project.id!), source: source, amount: amount, position: position)
                try await book(movement, lines, krw: amount, money: money, rate: rate, earmark: earmark, project: project.id,
                               instrument: booking.instrument.flatMap(Instrument.init(rawValue:)), valueDay: day, memo: booking.memo)
            }
        }
    }
}
