import Foundation
import Testing
@testable import SconDomain

@Suite struct AgreementRulesTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

    @Test func theAccessTable() {
        AccessPolicyTests.check(AgreementAccess.table, """
        // public | restricted of org 1 | restricted of org 2 | record
        anonymous                   | yes | -   | -   | -
        signed in, no role          | yes | -   | -   | -
        administrator               | yes | yes | yes | -
        programme officer           | yes | yes | yes | yes
        programme officer of call 1 | yes | -   | -   | -
        fund manager                | yes | -   | -   | -
        centre staff of centre 1    | yes | -   | -   | -
        reviewer                    | yes | -   | -   | -
        reviewer of call 1          | yes | -   | -   | -
        focal point of TH           | yes | -   | -   | -
        member of org 1             | yes | yes | -   | -
        """)
    }

    @Test func theListPredicateEqualsThePolicy() {
        let o1 = AccessMatrix.Object.organisation1, o2 = AccessMatrix.Object.organisation2
        let agreements = [true, false].flatMap { isPublic in [Set<UUID>(), [o1], [o2], [o1, o2]].map { AgreementAccess.Facts(isPublic: isPublic, partyOrganisations: $0) } }
        for (name, principal) in AccessMatrix.principals {
            for facts in agreements {
                #expect(AgreementAccess.visibility(for: principal).includes(facts) == AgreementAccess.allows(principal, .read(facts)), "\(name) \(facts)")
            }
        }
    }

    @Test func aPartyMovesOneStepAtATime() throws {
        let signed = StatusAction(status: .signed, date: PartialDate("2019-09"))
        try StatusTimeline.check(StatusAction(status: .planned, date: nil), after: [])
        try StatusTimeline.check(signed, after: [])
        try StatusTimeline.check(StatusAction(status: .inForce, date: PartialDate("2019-10-01")), after: [signed])
        #expect(throws: AgreementRefusal.skipsStep(from: .signed, to: .expired)) {
            try StatusTimeline.check(StatusAction(status: .expired, date: nil), after: [signed])
        }
        #expect(throws: AgreementRefusal.skipsStep(from: nil, to: .inForce)) {
            try StatusTimeline.check(StatusAction(status: .inForce, date: nil), after: [])
        }
        let inForce = StatusAction(status: .inForce, date: PartialDate("2020-01-15"))
        try StatusTimeline.check(StatusAction(status: .extended, date: PartialDate("2023-01-15")), after: [signed, inForce])
        #expect(throws: AgreementRefusal.beforeLastAction(last: "2020-01-15")) {
            try StatusTimeline.check(StatusAction(status: .terminated, date: PartialDate("2019-12")), after: [signed, inForce])
        }
        // A month that contains the last day is not before it.
        try StatusTimeline.check(StatusAction(status: .terminated, date: PartialDate("2020-01")), after: [signed, inForce])
        #expect(throws: AgreementRefusal.skipsStep(from: .terminated, to: .extended)) {
            try StatusTimeline.check(StatusAction(status: .extended, date: nil), after: [signed, inForce, StatusAction(status: .terminated, date: nil)])
        }
    }

    @Test func partialDatesAreAsPreciseAsTheirSource() {
        #expect(PartialDate("2019-09")?.precision == .month)
        #expect(PartialDate("2019-09")?.firstDay == Self.day("2019-09-01"))
        #expect(PartialDate("2019-09")?.lastDay == Self.day("2019-09-30"))
        #expect(PartialDate("2020-02")?.lastDay == Self.day("2020-02-29"))
        #expect(PartialDate("2019-12")?.lastDay == Self.day("2019-12-31"))
        #expect(PartialDate("2019")?.lastDay == Self.day("2019-12-31"))
        #expect(PartialDate("2019-11-25")?.description == "2019-11-25")
        for bad in ["", "19", "2019-13", "2019-02-30", "2019-1", "abcd", "2019-09-01-01"] { #expect(PartialDate(bad) == nil, "\(bad)") }
    }

    static func draft() -> AgreementDraft {
        AgreementDraft(kind: "mou", level: "institutional", titleEn: "MOU on water", titleKo: "물관리 협약",
                       parties: [.init(country: "KR", nameEn: "A Korean agency", nameKo: "한국 기관"), .init(country: "VN")],
                       signedOn: "2026-03-10", sectors: ["water"], expiresOn: "2029-03-09", isPublic: true)
    }

    static func issues(_ draft: AgreementDraft) -> [FieldIssue] {
        do {
            _ = try draft.checked()
            return []
        } catch {
            guard case .invalid(let issues) = error else { return [] }
            return issues
        }
    }

    @Test func aDraftIsCheckedFieldByField() throws {
        let checked = try Self.draft().checked()
        #expect(checked.parties.count == 2)
        #expect(checked.sectors == [.water])
        var noParties = Self.draft()
        noParties.parties = []
        #expect(Self.issues(noParties).map(\.field) == ["parties"])
        var endBeforeStart = Self.draft()
        endBeforeStart.expiresOn = "2026-03-01"
        #expect(Self.issues(endBeforeStart).map(\.field) == ["expiresOn"])
        #expect(Self.issues(endBeforeStart).first?.code == "before-start")
        var bad = Self.draft()
        bad.kind = "treaty"
        bad.sectors = ["space"]
        bad.parties = [.init(country: "KR"), .init(country: "Viet Nam")]
        bad.isPublic = nil
        #expect(Set(Self.issues(bad).map(\.field)) == ["kind", "sectors[0]", "parties[1].country", "public"])
    }

    @Test func anAgreementInForceWithoutActivityFor12MonthsIsDormant() {
        let today = Self.day("2026-12-01")
        #expect(Dormancy.cutoff(today) == Self.day("2025-12-01"))
        #expect(Dormancy.cutoff(Self.day("2024-02-29")) == Self.day("2023-02-28"))
        // In force since 2024, no activity: dormant.
        #expect(Dormancy.isDormant(statuses: [.inForce, .inForce], inForceSince: PartialDate("2024-05"), lastActivity: nil, today: today))
        // Activity 11 months ago keeps it awake; 12 months ago does not.
        #expect(!Dormancy.isDormant(statuses: [.inForce], inForceSince: PartialDate("2024-05"), lastActivity: Self.day("2026-01-02"), today: today))
        #expect(Dormancy.isDormant(statuses: [.inForce], inForceSince: PartialDate("2024-05"), lastActivity: Self.day("2025-12-01"), today: today))
        // Recently in force: not dormant; signed only or expired: not dormant; no date at all: not called dormant.
        #expect(!Dormancy.isDormant(statuses: [.inForce], inForceSince: PartialDate("2026-06-01"), lastActivity: nil, today: today))
        #expect(!Dormancy.isDormant(statuses: [.signed, .signed], inForceSince: nil, lastActivity: nil, today: today))
        #expect(!Dormancy.isDormant(statuses: [.expired], inForceSince: PartialDate("2020"), lastActivity: nil, today: today))
        #expect(!Dormancy.isDormant(statuses: [.inForce], inForceSince: nil, lastActivity: nil, today: today))
        #expect(Dormancy.isDormant(statuses: [.extended, nil], inForceSince: PartialDate("2020"), lastActivity: nil, today: today))
    }
}

@Suite struct OutcomeRuleTests {
    static let th = CountryCode("TH")!, vn = CountryCode("VN")!
    static func day(_ text: String) -> CalendarDay { CalendarDay(text)! }
    static func record(_ type: OutcomeType = .agreement, _ state: OutcomeState = .achieved, _ date: String?, recorded: String, _ countries: Set<CountryCode> = []) -> OutcomeFacts {
        OutcomeFacts(type: type, state: state, date: date.flatMap(PartialDate.init), recordedOn: day(recorded), countries: countries)
    }

    @Test func theMinistrysCountOf2019() {
        let records = (0..<20).map { _ in Self.record(.notDisclosed, .achieved, nil, recorded: "2019-11-25") }
            + (0..<3).map { _ in Self.record(.notDisclosed, .planned, "2019-12", recorded: "2019-11-25") }
        let tally = OutcomeRule.tally(records, OutcomeFilter(asOf: Self.day("2019-11-25")))
        #expect((tally.achieved, tally.planned, tally.total) == (20, 3, 23))
        // The day before the report nothing had been recorded.
        #expect(OutcomeRule.tally(records, OutcomeFilter(asOf: Self.day("2019-11-24"))).total == 0)
    }

    @Test func achievedOnlyOnceItsDayHasCome() {
        let later = Self.record(.eventHeld, .achieved, "2020-03-10", recorded: "2020-01-05")
        #expect(OutcomeRule.standing(later, asOf: Self.day("2020-03-09")) == .planned)
        #expect(OutcomeRule.standing(later, asOf: Self.day("2020-03-10")) == .achieved)
        let planned = Self.record(.trainingCompleted, .planned, "2019-12", recorded: "2019-11-25")
        #expect(OutcomeRule.standing(planned, asOf: Self.day("2020-06-01")) == .planned)
    }

    @Test func filtersByFromCountryAndType() {
        let a = Self.record(.agreement, .achieved, "2019-09", recorded: "2019-11-25", [Self.th])
        let b = Self.record(.projectMilestone, .achieved, "2018-05-01", recorded: "2018-06-01", [Self.th, Self.vn])
        let c = Self.record(.notDisclosed, .achieved, nil, recorded: "2019-11-25")
        let asOf = Self.day("2019-12-31")
        #expect(OutcomeRule.tally([a, b, c], OutcomeFilter(asOf: asOf, country: Self.th)).total == 2)
        #expect(OutcomeRule.tally([a, b, c], OutcomeFilter(asOf: asOf, country: Self.vn)).total == 1)
        #expect(OutcomeRule.tally([a, b, c], OutcomeFilter(asOf: asOf, from: Self.day("2019-01-01"))).total == 2)
        #expect(OutcomeRule.tally([a, b, c], OutcomeFilter(asOf: asOf, type: .agreement)).byType == [.agreement: 1])
        // A record naming no country counts in the total only.
        #expect(OutcomeRule.tally([c], OutcomeFilter(asOf: asOf)).total == 1)
    }

    static func issues(asOf: String?, from: String?, country: String?, type: String?) -> [String] {
        do {
            _ = try OutcomeFilter.parse(asOf: asOf, from: from, country: country, type: type, today: day("2026-12-01"))
            return []
        } catch {
            guard case .badParameter(let issues) = error else { return [] }
            return issues.map(\.field)
        }
    }

    @Test func badParametersAreNamed() {
        #expect(Self.issues(asOf: "2019-13-01", from: "x", country: "Thailand", type: "party") == ["asOf", "from", "country", "type"])
        #expect(Self.issues(asOf: "2019-01-01", from: "2019-02-01", country: nil, type: nil) == ["from"])
        #expect(Self.issues(asOf: nil, from: nil, country: "TH", type: "agreement").isEmpty)
    }
}

@Suite struct OpenDataWriterTests {
    @Test func csvHasABOMCRLFAndQuotesWhatNeedsIt() {
        var csv = CSVWriter(columns: ["a", "b"])
        csv.append(row: ["서울, 부산", "say \"hi\""])
        csv.append(row: ["=SUM(A1)", "-12"])
        #expect(csv.output == "\u{FEFF}a,b\r\n\"서울, 부산\",\"say \"\"hi\"\"\"\r\n'=SUM(A1),-12\r\n")
        #expect(Array(csv.output.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func geoJSONFollowsRFC7946() throws {
        let text = GeoJSONPoints(features: [.init(id: "1", longitude: 100.5018, latitude: 13.7563, properties: [("name", .text("Bangkok \"BKK\"")), ("population", .null)])]).text
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "FeatureCollection")
        #expect(json["crs"] == nil)
        let feature = try #require((json["features"] as? [[String: Any]])?.first)
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point")
        #expect(geometry["coordinates"] as? [Double] == [100.5018, 13.7563])
        #expect((feature["properties"] as? [String: Any])?["name"] as? String == "Bangkok \"BKK\"")
        #expect(GeoJSONPoints.number(1.23456789) == "1.234568")
    }
}
