import Foundation

/// Where a cooperation centre stands.
public enum CentreStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case planned, open, closed
}

/// A cooperation centre as a record (issue 10): names, host city and country, the countries it
/// covers, the host organisation, contact, opening day and status. Facts the programme has not
/// disclosed stay nil and are shown as "not disclosed", never made up.
public struct CentreRecord: Sendable, Hashable {
    public var name: LocalizedText
    public var hostCity: String?
    public var hostCountry: CountryCode?
    public var covers: [CountryCode]
    public var hostOrganisation: String?
    public var contact: String?
    public var openedOn: CalendarDay?
    public var status: CentreStatus

    public init(name: LocalizedText, hostCity: String?, hostCountry: CountryCode?, covers: [CountryCode], hostOrganisation: String?,
                contact: String?, openedOn: CalendarDay?, status: CentreStatus) {
        self.name = name; self.hostCity = hostCity; self.hostCountry = hostCountry; self.covers = covers
        self.hostOrganisation = hostOrganisation; self.contact = contact; self.openedOn = openedOn; self.status = status
    }
}

/// A centre as typed into a form or an API body, checked by `validated()`.
public struct CentreDraft: Sendable, Hashable {
    public var nameEn: String?
    public var nameKo: String?
    public var hostCity: String?
    public var hostCountry: String?
    public var covers: [String]?
    public var hostOrganisation: String?
    public var contact: String?
    public var openedOn: String?
    public var status: String?

    public init(nameEn: String?, nameKo: String?, hostCity: String?, hostCountry: String?, covers: [String]?, hostOrganisation: String?,
                contact: String?, openedOn: String?, status: String?) {
        self.nameEn = nameEn; self.nameKo = nameKo; self.hostCity = hostCity; self.hostCountry = hostCountry; self.covers = covers
        self.hostOrganisation = hostOrganisation; self.contact = contact; self.openedOn = openedOn; self.status = status
    }

    /// Every broken rule at once: names required; countries ISO codes; an open or closed
    /// centre has its opening day; the host country is one it covers.
    public func validated() throws(DomainError) -> CentreRecord {
        var rules = FieldRules()
        let en = rules.text(nameEn, field: "nameEn", max: 200)
        let ko = rules.text(nameKo, field: "nameKo", max: 200)
        let city = rules.optionalText(hostCity, field: "hostCity", max: 120)
        var country: CountryCode?
        if let text = hostCountry, !text.isEmpty {
            country = CountryCode(text)
            if country == nil { rules.fail("hostCountry", "invalid", "hostCountry is an ISO 3166-1 alpha-2 code.") }
        }
        var covered: [CountryCode] = []
        for (index, text) in (covers ?? []).enumerated() {
            if let code = CountryCode(text) { if !covered.contains(code) { covered.append(code) } } else {
                rules.fail("covers[\(index)]", "invalid", "each covered country is an ISO 3166-1 alpha-2 code.")
            }
        }
        let organisation = rules.optionalText(hostOrganisation, field: "hostOrganisation", max: 200)
        let contactText = rules.optionalText(contact, field: "contact", max: 200)
        var opened: CalendarDay?
        if let text = openedOn, !text.isEmpty {
            opened = CalendarDay(text)
            if opened == nil { rules.fail("openedOn", "invalid", "openedOn is a day, YYYY-MM-DD.") }
        }
        let state = CentreStatus(rawValue: status ?? "")
        if state == nil { rules.fail("status", "unknown", "status is planned, open or closed.") }
        if let state, state != .planned, opened == nil, openedOn == nil || openedOn!.isEmpty {
            rules.fail("openedOn", "required", "an open or closed centre has its opening day.")
        }
        if let country, !covered.isEmpty, !covered.contains(country) {
            rules.fail("covers", "host-missing", "a centre covers its host country.")
        }
        try rules.check()
        return CentreRecord(name: LocalizedText(en: en, ko: ko), hostCity: city, hostCountry: country, covers: covered.sorted(),
                            hostOrganisation: organisation, contact: contactText, openedOn: opened, status: state!)
    }
}
