import Fluent
import Foundation
import SconDomain
import Vapor

/// `scon portal-fill`: fills the database (migrated and seeded first) with the portal
/// benchmark's volume — by default 2,000 projects, 500 agreements and 5,000 outcomes — every
/// record marked sample, so that `bench/http.sh` can measure the home page against it.
/// Deterministic (a fixed pseudo-random sequence), so runs are comparable.
struct PortalFillCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "Projects to add (default 2000).")
        var projects: Int?
        @Option(name: "agreements", help: "Agreements to add (default 500).")
        var agreements: Int?
        @Option(name: "outcomes", help: "Outcomes to add (default 5000).")
        var outcomes: Int?
    }

    var help: String { "Fills the database with sample projects, agreements and outcomes for the portal benchmark." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await DemoData.seedIfEmpty(app.db)
        let counts = try await PortalFill.run(on: app.db, projects: signature.projects ?? 2_000, agreements: signature.agreements ?? 500,
                                              outcomes: signature.outcomes ?? 5_000)
        context.console.print("added \(counts.projects) projects, \(counts.agreements) agreements, \(counts.outcomes) outcomes (all sample)")
    }
}

enum PortalFill {
    /// A small linear congruential generator: the same data on every run.
    struct Sequence {
        var state: UInt64 = 0x5EED
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func run(on db: any Database, projects projectCount: Int, agreements agreementCount: Int, outcomes outcomeCount: Int) async throws -> (projects: Int, agreements: Int, outcomes: Int) {
        var random = Sequence()
        let cities = try await City.query(on: db).all()
        let organisations = try await Organisation.query(on: db).all()
        guard !cities.isEmpty, !organisations.isEmpty else { return (0, 0, 0) }
        let stages = ProjectStage.allCases.filter { $0 != .lead }
        let start = try await Project.query(on: db).filter(\.$code =~ "SAMPLE-BENCH-").count()
        var projects: [Project] = []
        for index in 0..<projectCount {
            let city = cities[random.next(cities.count)]
            let project = Project()
            project.id = UUID()
            project.code = String(format: "SAMPLE-BENCH-%05d", start + index + 1)
            project.organisationID = organisations[random.next(organisations.count)].storedID
            project.cityID = city.storedID
            project.countryCode = city.countryCode
            project.title = "Sample benchmark project \(start + index + 1)"
            project.supportType = SupportType.allCases[random.next(SupportType.allCases.count)].rawValue
            project.stage = stages[random.next(stages.count)].rawValue
            project.sectors = Sector.storageText([Sector.allCases[random.next(Sector.allCases.count)]])
            project.descriptionEn = ""
            project.descriptionKo = ""
            project.sample = true
            projects.append(project)
        }
        let projectIDs = projects.map(\.storedID)
        let countries = Array(Set(cities.map(\.countryCode))).sorted()
        let first = try await Agreement.query(on: db).filter(\.$code =~ "SAMPLE-AGR-").count()
        var agreements: [Agreement] = [], parties: [AgreementParty] = [], actions: [AgreementAction] = [], links: [AgreementLink] = []
        for index in 0..<agreementCount {
            let agreement = Agreement()
            agreement.id = UUID()
            agreement.code = String(format: "SAMPLE-AGR-%05d", first + index + 1)
            agreement.kind = AgreementKind.allCases[random.next(AgreementKind.allCases.count)].rawValue
            agreement.level = AgreementLevel.allCases[random.next(AgreementLevel.allCases.count)].rawValue
            agreement.titleEn = "Sample benchmark agreement \(first + index + 1)"
            agreement.titleKo = "벤치마크 샘플 협약 \(first + index + 1)"
            let year = 2019 + random.next(8)
            agreement.signedOn = String(format: "%04d-%02d-%02d", year, 1 + random.next(12), 1 + random.next(28))
            agreement.sectors = Sector.storageText([Sector.allCases[random.next(Sector.allCases.count)]])
            agreement.obligationsEn = ""
            agreement.obligationsKo = ""
            agreement.isPublic = random.next(5) > 0
            agreement.source = "Sample data for the portal benchmark"
            agreement.sample = true
            agreements.append(agreement)
            for position in 0..<2 {
                let party = AgreementParty()
                party.id = UUID()
                party.agreementID = agreement.id!
                party.position = position
                party.organisationID = position == 0 ? organisations[random.next(organisations.count)].storedID : nil
                party.countryCode = position == 1 ? countries[random.next(countries.count)] : nil
                parties.append(party)
                let action = AgreementAction()
                action.agreementID = agreement.id!; action.partyID = party.id!; action.position = 0
                action.status = AgreementStatus.signed.rawValue; action.onDate = agreement.signedOn; action.note = ""
                actions.append(action)
            }
            if !projectIDs.isEmpty {
                let link = AgreementLink()
                link.agreementID = agreement.id!; link.kind = AgreementLinkKind.project.rawValue; link.targetID = projectIDs[random.next(projectIDs.count)]
                links.append(link)
            }
        }
        var outcomes: [Outcome] = []
        for index in 0..<outcomeCount {
            let type = OutcomeType.allCases[random.next(OutcomeType.allCases.count - 1)]
            let day = CalendarDay(String(format: "%04d-%02d-%02d", 2018 + random.next(9), 1 + random.next(12), 1 + random.next(28)))!
            let outcome = Outcome()
            outcome.apply(OutcomeFacts(type: type, state: random.next(6) == 0 ? .planned : .achieved, date: PartialDate(day.description),
                                       recordedOn: day, countries: [CountryCode(countries[random.next(countries.count)])!]))
            outcome.titleEn = "Sample benchmark outcome \(index + 1)"
            outcome.titleKo = "벤치마크 샘플 성과 \(index + 1)"
            outcome.sourceEn = "Sample data for the portal benchmark"
            outcome.sourceKo = "포털 벤치마크용 샘플 데이터"
            outcome.sample = true
            outcomes.append(outcome)
        }
        let rows = (projects, agreements, parties, actions, links, outcomes)
        try await db.transaction { tx in
            for chunk in stride(from: 0, to: rows.0.count, by: 200) { try await Array(rows.0[chunk..<min(chunk + 200, rows.0.count)]).create(on: tx) }
            for chunk in stride(from: 0, to: rows.1.count, by: 200) { try await Array(rows.1[chunk..<min(chunk + 200, rows.1.count)]).create(on: tx) }
            for chunk in stride(from: 0, to: rows.2.count, by: 200) { try await Array(rows.2[chunk..<min(chunk + 200, rows.2.count)]).create(on: tx) }
            for chunk in stride(from: 0, to: rows.3.count, by: 200) { try await Array(rows.3[chunk..<min(chunk + 200, rows.3.count)]).create(on: tx) }
            for chunk in stride(from: 0, to: rows.4.count, by: 200) { try await Array(rows.4[chunk..<min(chunk + 200, rows.4.count)]).create(on: tx) }
            for chunk in stride(from: 0, to: rows.5.count, by: 200) { try await Array(rows.5[chunk..<min(chunk + 200, rows.5.count)]).create(on: tx) }
        }
        return (projectCount, agreementCount, outcomeCount)
    }
}
