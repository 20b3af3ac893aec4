import Fluent
import Foundation
import SconDomain
import Vapor

/// The public projects as IATI 2.03 activities (`scon export iati`, `/api/v1/export/iati.xml`):
/// the ones an anonymous reader may see (sample projects excluded), each with its participants, stage, milestone dates,
/// city, sectors, yearly committed budgets, ledger transactions in their own currencies, and
/// results. The publisher's reference comes from `SCON_IATI_PUBLISHER_REF` (the IATI Registry
/// organisation identifier; `KR-GOV-999` is a placeholder until K-SCON is registered).
struct IATIExport: Sendable {
    let db: any Database

    static var publisherRef: String { Environment.get("SCON_IATI_PUBLISHER_REF") ?? "KR-GOV-999" }

    static let reportingOrg = IATIWriter.ReportingOrg(
        ref: publisherRef, type: 10,
        name: LocalizedText(en: "Ministry of Land, Infrastructure and Transport, Republic of Korea (K-SCON)", ko: "대한민국 국토교통부 (K-SCON)"))

    func document(now: Date) async throws -> String? {
        // Open data is real data: sample projects stay out.
        let projects = try await ProjectQuery(db: db).all(ProjectQuery.Filter(withoutSamples: true), for: .anonymous)
        var activities: [IATIActivity] = []
        for project in projects { activities.append(try await activity(project, now: now)) }
        guard !activities.isEmpty else { return nil }
        return IATIWriter.document(activities, reportingOrg: Self.reportingOrg, generated: now)
    }

    func activity(_ project: Project, now: Date) async throws -> IATIActivity {
        let id = try project.requireID()
        let recipient = CountryCode(project.countryCode) ?? CountryCode("KR")!
        let participants = try await ProjectParticipant.query(on: db).filter(\.$projectID == id).all()
        let organisations = try await Organisation.query(on: db).filter(\.$id ~~ participants.map(\.organisationID)).all()
        let iatiParticipants: [IATIParticipant] = participants.compactMap { row in
            guard let organisation = organisations.first(where: { $0.id == row.organisationID }), let role = ProjectRole(rawValue: row.role) else { return nil }
            let type = OrganisationType(rawValue: organisation.type)?.iatiCode(country: CountryCode(organisation.countryCode) ?? recipient, recipient: recipient)
            return IATIParticipant(name: organisation.name, ref: nil, organisationType: type, role: role)
        }
        let milestones = try await Milestone.query(on: db).filter(\.$projectID == id).all()
        var dates: [IATIActivityDate] = []
        if let start = milestones.compactMap({ CalendarDay($0.planned) }).min() { dates.append(.init(kind: .plannedStart, day: start)) }
        if let end = milestones.compactMap({ CalendarDay($0.planned) }).max() { dates.append(.init(kind: .plannedEnd, day: end)) }
        if let started = milestones.compactMap({ $0.actual.flatMap { CalendarDay($0) } }).min() { dates.append(.init(kind: .actualStart, day: started)) }
        if try project.projectStage == .completed, let ended = milestones.compactMap({ $0.actual.flatMap { CalendarDay($0) } }).max() {
            dates.append(.init(kind: .actualEnd, day: ended))
        }
        if dates.isEmpty { dates.append(.init(kind: .plannedStart, day: CalendarDay(project.createdAt ?? now))) }
        let city = try await City.find(project.cityID, on: db)
        let finance = try await ProjectFinance.of(project, on: db)
        var committedByYear: [Int: Int] = [:]
        var transactions: [IATITransaction] = []
        for row in finance.transactions {
            guard let movement = Movement(rawValue: row.movement), let day = CalendarDay(row.valueDay) else { continue }
            let kind: IATITransaction.Kind
            switch movement {
            case .commitment: kind = .commitment; committedByYear[day.year, default: 0] += row.amountKRW
            case .cancellation: kind = .cancellation; committedByYear[day.year, default: 0] -= row.amountKRW
            case .disbursement: kind = .disbursement
            case .repayment: kind = .loanRepayment
            default: continue
            }
            transactions.append(IATITransaction(kind: kind, day: day, value: row.original, valueDate: CalendarDay(row.rateDay) ?? day,
                                                description: row.memo.isEmpty ? nil : row.memo, receiverName: nil))
        }
        let budgets = committedByYear.sorted { $0.key < $1.key }.filter { $0.value > 0 }.map { year, amount in
            IATIBudget(start: CalendarDay("\(year)-01-01")!, end: CalendarDay("\(year)-12-31")!, value: Money(minor: amount, .KRW),
                       valueDate: CalendarDay("\(year)-01-01")!)
        }
        let indicators = try await Indicator.query(on: db).filter(\.$projectID == id).all()
        let allPeriods = try await IndicatorPeriod.query(on: db).filter(\.$indicatorID ~~ indicators.compactMap(\.id)).sort(\.$start).all()
        var results: [IATIResult] = []
        for (type, code) in [("output", 1), ("outcome", 2), ("impact", 3)] {
            var lines: [IATIIndicator] = []
            for indicator in indicators where indicator.resultType == type {
                let periods = allPeriods.filter { $0.indicatorID == indicator.id }
                lines.append(IATIIndicator(measure: indicator.measure == "percentage" ? 2 : 1, title: indicator.title, baselineYear: indicator.baselineYear,
                                           baselineValue: indicator.baselineValue.isEmpty ? nil : indicator.baselineValue,
                                           periods: periods.compactMap { period in
                                               guard let start = CalendarDay(period.start), let end = CalendarDay(period.end) else { return nil }
                                               return IATIIndicatorPeriod(start: start, end: end, target: period.target, actual: period.actual)
                                           }))
            }
            if !lines.isEmpty {
                results.append(IATIResult(type: code, title: LocalizedText(en: "Results (\(type))", ko: "성과(\(type == "output" ? "산출" : type == "outcome" ? "결과" : "영향"))"),
                                          indicators: lines))
            }
        }
        return IATIActivity(identifier: IATIActivity.identifier(reportingOrg: Self.publisherRef, projectCode: project.code), projectCode: project.code,
                            title: LocalizedText(en: project.title, ko: ""), description: project.description, participants: iatiParticipants,
                            stage: try project.projectStage, dates: dates, recipientCountry: recipient,
                            locations: city.map { [IATILocation(name: $0.name, latitude: $0.latitude, longitude: $0.longitude)] } ?? [],
                            sectors: try project.sectorList, budgets: budgets, transactions: transactions, results: results,
                            lastUpdated: now, defaultCurrency: .KRW)
    }
}
