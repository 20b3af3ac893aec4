import Foundation
import Testing
@testable import SconDomain

@Suite struct JoinRequestTests {
    static func fields(_ error: DomainError?) -> [String] {
        guard case .invalid(let issues)? = error else { return [] }
        return issues.map(\.field)
    }

    let user = UUID(), organisation = UUID(), decider = UUID()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aMessageIsRequiredAndAtMostAThousandCharacters() throws {
        let request = try JoinRequest.open(id: UUID(), user: user, organisation: organisation, message: "  Kim, data officer.  ")
        #expect(request.message == "Kim, data officer.")
        #expect(request.state == .pending)
        for bad in [nil, "   ", String(repeating: "a", count: 1_001)] {
            #expect(throws: DomainError.self) { try JoinRequest.open(id: UUID(), user: user, organisation: organisation, message: bad) }
        }
        #expect(try JoinRequest.open(id: UUID(), user: user, organisation: organisation, message: String(repeating: "가", count: 1_000)).message.count == 1_000)
    }

    @Test func membersAndPendingRequestsAreRefused() {
        #expect(JoinRequest.refusal(alreadyPending: true, alreadyMember: false) == .alreadyPending)
        #expect(JoinRequest.refusal(alreadyPending: false, alreadyMember: true) == .alreadyMember)
        #expect(JoinRequest.refusal(alreadyPending: false, alreadyMember: false) == nil)
    }

    @Test func aRefusalNeedsAReasonAndADecisionIsFinal() throws {
        var request = try JoinRequest.open(id: UUID(), user: user, organisation: organisation, message: "Hello")
        #expect(throws: DomainError.invalid([FieldIssue(field: "reason", code: "required", detail: "reason is required.")])) {
            try request.decide(.refuse, reason: " ", by: decider, at: now)
        }
        #expect(request.state == .pending)
        try request.decide(.refuse, reason: "Not one of ours.", by: decider, at: now)
        #expect(request.state == .refused && request.reason == "Not one of ours." && request.decidedBy == decider && request.decidedAt == now)
        #expect(throws: JoinRefusal.notPending(.refused)) { try request.decide(.approve, reason: nil, by: decider, at: now) }
        #expect(throws: JoinRefusal.notPending(.refused)) { try request.withdraw(at: now) }
        var other = try JoinRequest.open(id: UUID(), user: user, organisation: organisation, message: "Hello")
        try other.decide(.approve, reason: nil, by: decider, at: now)
        #expect(other.state == .approved && other.reason == nil)
    }

    @Test func aProposedOrganisationNeedsItsFieldsAndACityOfItsCountry() throws {
        let hanoi = UUID(), bangkok = UUID()
        let cities = [hanoi: CountryCode("VN")!, bangkok: CountryCode("TH")!]
        let countries: Set<CountryCode> = [CountryCode("VN")!, CountryCode("TH")!]
        let draft = OrganisationDraft(nameEn: "Hanoi Data", nameKo: "하노이 데이터", type: "company", country: "VN")
        let (fields, city) = try OrganisationRegistration.validated(draft, city: hanoi.uuidString, knownCountries: countries, cities: cities)
        #expect(fields.name.en == "Hanoi Data" && city == hanoi)
        #expect(try OrganisationRegistration.validated(draft, city: "", knownCountries: countries, cities: cities).1 == nil)
        let broken = OrganisationDraft(nameEn: "", nameKo: "x", type: "company", country: "VN")
        let error = #expect(throws: DomainError.self) {
            try OrganisationRegistration.validated(broken, city: bangkok.uuidString, knownCountries: countries, cities: cities)
        }
        #expect(Set(Self.fields(error)) == ["name.en", "city"])
        var registration = OrganisationRegistration(id: UUID(), proposer: user, fields: fields, city: city)
        try registration.decide(.approve, reason: nil, by: decider, at: now)
        #expect(throws: JoinRefusal.registrationNotPending(.approved)) { try registration.decide(.refuse, reason: "x", by: decider, at: now) }
    }
}

/// The join-request list's SQL filter (`JoinRequestVisibility`) agrees with the policy.
@Suite struct JoinRequestVisibilityTests {
    @Test func theListFilterAgreesWithThePolicy() {
        let organisations = [AccessMatrix.Object.organisation1, AccessMatrix.Object.organisation2]
        for (_, principal) in AccessMatrix.principals {
            guard let visibility = JoinRequestVisibility.of(principal) else {
                #expect(!principal.isSignedIn)
                continue
            }
            for organisation in organisations {
                for requester in [principal.userID!, UUID()] {
                    #expect(visibility.includes(organisation: organisation, requester: requester)
                            == DirectoryAccess.allows(principal, .seeJoinRequest(organisation: organisation, requester: requester)))
                }
            }
        }
    }
}
