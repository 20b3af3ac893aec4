import Foundation
import Testing
@testable import SconDomain

@Suite struct OrganisationDraftTests {
    let countries: Set<CountryCode> = [CountryCode("KR")!, CountryCode("TH")!]

    @Test func acceptsACompleteDraftAndCleansIt() throws {
        let fields = try OrganisationDraft(nameEn: "  Sample Co. ", nameKo: "샘플", acronym: "", type: "company", country: "kr",
                                           sectors: ["water", "water", "transport"], website: "https://example.org")
            .validated(knownCountries: countries)
        #expect(fields.name.en == "Sample Co.")
        #expect(fields.acronym == nil)
        #expect(fields.country.value == "KR")
        #expect(fields.sectors == [.water, .transport])
    }

    @Test func reportsEveryBrokenRuleWithItsField() {
        let draft = OrganisationDraft(nameEn: "", nameKo: String(repeating: "가", count: 201), type: "bank", country: "FR",
                                      sectors: ["water", "space"], website: "javascript:alert(1)")
        #expect(throws: DomainError.self) { try draft.validated(knownCountries: countries) }
        do { _ = try draft.validated(knownCountries: countries) } catch let DomainError.invalid(issues) {
            #expect(Set(issues.map(\.field)) == ["name.en", "name.ko", "type", "country", "sectors[1]", "website"])
        } catch { Issue.record("unexpected \(error)") }
    }
}

@Suite struct CityAndPersonDraftTests {
    @Test func cityCoordinatesMustBeOnEarth() {
        let countries: Set<CountryCode> = [CountryCode("VN")!]
        #expect(throws: Never.self) {
            try CityDraft(nameEn: "Da Nang", nameKo: "다낭", country: "VN", latitude: 16.07, longitude: 108.2).validated(knownCountries: countries)
        }
        do {
            _ = try CityDraft(nameEn: "X", nameKo: "X", country: "VN", latitude: 91, longitude: -181, population: -1, kind: "town")
                .validated(knownCountries: countries)
            Issue.record("accepted a city off the planet")
        } catch let DomainError.invalid(issues) {
            #expect(Set(issues.map(\.field)) == ["latitude", "longitude", "population", "kind"])
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func personEmailAndPhoneAreChecked() {
        #expect((try? PersonDraft(name: "Kim", email: "Kim@Example.ORG").validated())?.email?.value == "kim@example.org")
        #expect(throws: DomainError.self) { try PersonDraft(name: "Kim", email: "kim@").validated() }
        #expect(throws: DomainError.self) { try PersonDraft(name: "Kim", phone: "call me").validated() }
        #expect(throws: DomainError.self) { try PersonDraft(name: " ").validated() }
    }

    @Test func filtersRefuseUnknownValuesAsBadParameters() {
        #expect(throws: DomainError.badParameter([FieldIssue(field: "type", code: "unknown", detail: "type must be one of: \(OrganisationType.allCases.map(\.rawValue).joined(separator: ", ")).")])) {
            try OrganisationFilter.parse(type: "bank", country: nil, sector: nil, query: nil)
        }
        #expect((try? OrganisationFilter.parse(type: "", country: "th", sector: "water", query: " 물 "))?.country?.value == "TH")
        #expect(throws: DomainError.self) { try CityFilter.parse(country: "THA", kind: nil, query: nil) }
    }

    @Test func sectorsSurviveTheirStorageText() {
        let text = Sector.storageText([.water, .urbanDevelopment])
        #expect(text == ",water,urban-development,")
        #expect(Sector.fromStorage(text) == [.water, .urbanDevelopment])
        #expect(Sector.storageText([]) == "")
    }
}
