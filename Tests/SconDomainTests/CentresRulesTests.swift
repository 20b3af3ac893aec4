import Foundation
import Testing
@testable import SconDomain

@Suite struct CentresRulesTests {
    static func draft(_ change: (inout EventDraft) -> Void = { _ in }) -> EventDraft {
        var draft = EventDraft(type: "networking-day", titleEn: "Day", titleKo: "행사", venue: "Hall", timeZone: "Asia/Jakarta",
                               firstDay: "2027-03-10", lastDay: "2027-03-11", slotTimes: ["09:00", "09:30", "13:00"], slotMinutes: 25, tables: 5,
                               registrationOpens: "2027-01-01", registrationCloses: "2027-03-01", capacity: 50, b2b: true, g2g: false)
        change(&draft)
        return draft
    }

    static func fields(_ draft: EventDraft) -> [String] {
        do { _ = try draft.validated(); return [] } catch { if case .invalid(let issues) = error { return issues.map(\.field) }; return ["?"] }
    }

    @Test func anEventPlanChecksItsDaysSlotsAndWindow() throws {
        let plan = try Self.draft().validated()
        #expect(plan.slotCount == 6)
        // Slot 4 is day 2's second slot, 09:30 in Jakarta (UTC+7).
        #expect(AuditChain.timestamp(plan.interval(ofSlot: 4).start) == "2027-03-11T02:30:00.000Z")
        #expect(Self.fields(Self.draft { $0.lastDay = "2027-03-09" }) == ["lastDay"])
        #expect(Self.fields(Self.draft { $0.slotTimes = ["09:00", "09:20"] }) == ["slotTimes[1]"])
        #expect(Self.fields(Self.draft { $0.slotTimes = ["23:50"] }) == ["slotTimes[0]"])
        #expect(Self.fields(Self.draft { $0.registrationCloses = "2026-12-01" }) == ["registrationCloses"])
        #expect(Self.fields(Self.draft { $0.registrationCloses = "2027-03-12" }) == ["registrationCloses"])
        #expect(Self.fields(Self.draft { $0.timeZone = "Mars/Olympus" }) == ["timeZone"])
        #expect(Self.fields(Self.draft { $0.venue = nil }) == ["venue"])
        #expect(Self.fields(Self.draft { $0.b2b = false }) == ["b2b"])
    }

    @Test func aRegistrationFitsTheEvent() throws {
        let plan = try Self.draft().validated()
        var draft = RegistrationDraft(organisation: "Org", country: "VN", kind: "business", person: "P", contact: "p@example.org",
                                      offersSectors: ["water"], available: [0, 5, 5], maxMeetings: 3)
        let entry = try draft.validated(for: plan)
        #expect(entry.available == [0, 5])
        #expect(entry.side == .asean)
        draft.kind = "government"
        draft.available = [6]
        draft.maxMeetings = 7
        draft.offersSectors = ["spaceflight"]
        #expect(throws: DomainError.self) { try draft.validated(for: plan) }
        do { _ = try draft.validated(for: plan) } catch {
            if case .invalid(let issues) = error { #expect(Set(issues.map(\.field)) == ["kind", "available[0]", "maxMeetings", "offersSectors[0]"]) }
        }
    }

    @Test func aRequestIsNotToOneselfAndExpiresAfterItsPeriod() throws {
        let me = UUID()
        #expect(throws: DomainError.self) { try MeetingRequestDraft(from: me, to: me, priority: 3, message: nil).validated() }
        #expect(throws: DomainError.self) { try MeetingRequestDraft(from: me, to: UUID(), priority: 0, message: nil).validated() }
        #expect(try MeetingRequestDraft(from: me, to: UUID(), priority: nil, message: " hi ").validated().priority == 3)
        let asked = Date(timeIntervalSince1970: 1_000_000)
        #expect(MeetingRequestState.effective(stored: .requested, createdAt: asked, answerHours: 1, now: asked.addingTimeInterval(3_599)) == .requested)
        #expect(MeetingRequestState.effective(stored: .requested, createdAt: asked, answerHours: 1, now: asked.addingTimeInterval(3_600)) == .expired)
        #expect(MeetingRequestState.effective(stored: .accepted, createdAt: asked, answerHours: 1, now: asked.addingTimeInterval(9_999)) == .accepted)
        #expect(!MeetingRequestState.expired.countsAgainstQuota)
    }

    @Test func publishingAgainBumpsTheSequenceOfWhatChanged() {
        #expect(SchedulePublication.change(published: (1, 0), now: (1, 0)) == .unchanged)
        #expect(SchedulePublication.change(published: (1, 0), now: (2, 0)) == .moved)
        #expect(SchedulePublication.change(published: (1, 0), now: (1, 1)) == .moved)
        #expect(SchedulePublication.change(published: (1, 0), now: nil) == .dropped)
        #expect(SchedulePublication.change(published: nil, now: (3, 0)) == .added)
        #expect(SchedulePublication.sequence(0, after: .moved, wasPublished: true) == 1)
        #expect(SchedulePublication.sequence(1, after: .added, wasPublished: true) == 2)
        #expect(SchedulePublication.sequence(0, after: .added, wasPublished: false) == 0)
    }

    @Test func aCentreSaysWhatIsNotDisclosed() throws {
        let planned = try CentreDraft(nameEn: "C", nameKo: "C", hostCity: nil, hostCountry: nil, covers: nil, hostOrganisation: nil, contact: nil,
                                      openedOn: nil, status: "planned").validated()
        #expect(planned.hostCountry == nil && planned.covers.isEmpty)
        #expect(throws: DomainError.self) {
            try CentreDraft(nameEn: "C", nameKo: "C", hostCity: nil, hostCountry: "TH", covers: ["VN"], hostOrganisation: nil, contact: nil,
                            openedOn: nil, status: "open").validated()
        }
    }
}

@Suite struct LeadProposalRulesTests {
    let city = UUID()

    @Test func aLeadBecomesOneProposalAndOnlyWithItsOrganisation() {
        #expect(LeadProposal.refusal(proposal: nil, stage: .lead, organisationKnown: true) == nil)
        #expect(LeadProposal.refusal(proposal: UUID(), stage: .lead, organisationKnown: true) == .alreadyProposed)
        #expect(LeadProposal.refusal(proposal: nil, stage: .lead, organisationKnown: false) == .noOrganisation)
        #expect(LeadProposal.refusal(proposal: nil, stage: .selected, organisationKnown: true) == .pastLeadStage(.selected))
        #expect(LeadProposal.refusal(proposal: nil, stage: .dropped, organisationKnown: true) == .pastLeadStage(.dropped))
    }

    @Test func theDraftTakesWhatTheLeadKnowsInTheLanguageItWasDescribedIn() throws {
        let english = LeadProposal.Lead(title: "Smart depot", city: city, supportType: .masterPlan, descriptionEn: "Buses wait.", descriptionKo: "버스가 기다립니다.")
        let draft = LeadProposal.draft(english, sectors: "Sectors: Transport", budget: 5)
        #expect(draft.language == "en" && draft.title == "Smart depot" && draft.cityID == city && draft.supportType == "master-plan")
        #expect(draft.problem == "Buses wait.\n\nSectors: Transport")
        #expect(draft.objectives == "" && draft.counterpart == "" && draft.budget == 5)
        let korean = LeadProposal.Lead(title: "스마트 차고지", city: city, supportType: .preFeasibility, descriptionEn: " ", descriptionKo: "버스가 기다립니다.")
        #expect(LeadProposal.draft(korean, sectors: "", budget: nil).language == "ko")
        #expect(LeadProposal.draft(korean, sectors: "", budget: nil).problem == "버스가 기다립니다.")
        // What the open call checks: a draft without a budget estimate is refused there (field budget).
        #expect(throws: DomainError.self) { try LeadProposal.draft(korean, sectors: "", budget: nil).validated(cities: [city: CountryCode("TH")!], applicantCountry: CountryCode("TH")!) }
        let fields = try LeadProposal.draft(english, sectors: "", budget: 5).validated(cities: [city: CountryCode("TH")!], applicantCountry: CountryCode("TH")!)
        #expect(fields.title == "Smart depot")
    }
}

@Suite struct EventLinkRulesTests {
    let draft = EventDraft(type: "webinar", titleEn: "Webinar", titleKo: "웨비나", onlineLink: "https://example.org/w", timeZone: "Asia/Seoul",
                           firstDay: "2027-03-10", lastDay: "2027-03-10", slotTimes: ["10:00"], slotMinutes: 30, tables: 1,
                           registrationOpens: "2027-03-01", registrationCloses: "2027-03-09", capacity: 10, b2b: true)

    @Test func anEventIsLinkedOnlyToWhatItsOrganiserMaySee() throws {
        let call = UUID(), seen = UUID(), hidden = UUID()
        var linked = draft
        linked.call = call
        linked.projects = [seen]
        let result = try linked.validated(linkable: EventLinkable(calls: [call], projects: [seen]))
        #expect(result.links == EventLinks(call: call, projects: [seen]))
        #expect(try draft.validated(linkable: EventLinkable()).links == EventLinks())
        linked.projects = [seen, hidden, seen]
        #expect(throws: DomainError.invalid([FieldIssue(field: "projects[1]", code: "unknown", detail: "projects lists pipeline projects that you can see."),
                                             FieldIssue(field: "projects[2]", code: "duplicate", detail: "each project is linked once.")])) {
            try linked.validated(linkable: EventLinkable(calls: [call], projects: [seen]))
        }
        linked.projects = nil
        #expect(throws: DomainError.self) { try linked.validated(linkable: EventLinkable()) }
    }
}
