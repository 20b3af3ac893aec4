import Foundation

/// Which side of the programme a participant is on: Korean, or from an ASEAN country (or elsewhere).
public enum ParticipantSide: String, Sendable, Hashable, CaseIterable, Codable {
    case korean, asean, other

    public static func of(_ country: CountryCode) -> ParticipantSide {
        if country.value == "KR" { return .korean }
        return CountryCode.asean.contains(country) ? .asean : .other
    }
}

/// Whether a participant comes for a business (B2B) or a government (G2G).
public enum ParticipantKind: String, Sendable, Hashable, CaseIterable, Codable {
    case business, government
}

/// An organiser's decision on a registration.
public enum RegistrationStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case pending, validated, refused
}

/// A registration as checked.
public struct RegistrationEntry: Sendable, Hashable {
    public var organisation: String
    public var country: CountryCode
    public var kind: ParticipantKind
    public var person: String
    public var contact: String
    public var offers: MatchProfile.Interests
    public var seeks: MatchProfile.Interests
    public var offersText: LocalizedText
    public var seeksText: LocalizedText
    /// The slots the person is there; nil means every slot.
    public var available: [Int]?
    public var maxMeetings: Int

    public var side: ParticipantSide { .of(country) }

    public init(organisation: String, country: CountryCode, kind: ParticipantKind, person: String, contact: String, offers: MatchProfile.Interests,
                seeks: MatchProfile.Interests, offersText: LocalizedText, seeksText: LocalizedText, available: [Int]?, maxMeetings: Int) {
        self.organisation = organisation; self.country = country; self.kind = kind; self.person = person; self.contact = contact
        self.offers = offers; self.seeks = seeks; self.offersText = offersText; self.seeksText = seeksText; self.available = available
        self.maxMeetings = maxMeetings
    }
}

/// A registration of an organisation's person as typed, checked against the event's plan.
public struct RegistrationDraft: Sendable, Hashable {
    public var organisation: String?
    public var country: String?
    public var kind: String?
    public var person: String?
    public var contact: String?
    public var offersSectors: [String]?
    public var offersCountries: [String]?
    public var offersTextEn: String?
    public var offersTextKo: String?
    public var seeksSectors: [String]?
    public var seeksCountries: [String]?
    public var seeksTextEn: String?
    public var seeksTextKo: String?
    public var available: [Int]?
    public var maxMeetings: Int?

    public init(organisation: String? = nil, country: String? = nil, kind: String? = nil, person: String? = nil, contact: String? = nil,
                offersSectors: [String]? = nil, offersCountries: [String]? = nil, offersTextEn: String? = nil, offersTextKo: String? = nil,
                seeksSectors: [String]? = nil, seeksCountries: [String]? = nil, seeksTextEn: String? = nil, seeksTextKo: String? = nil,
                available: [Int]? = nil, maxMeetings: Int? = nil) {
        self.organisation = organisation; self.country = country; self.kind = kind; self.person = person; self.contact = contact
        self.offersSectors = offersSectors; self.offersCountries = offersCountries; self.offersTextEn = offersTextEn; self.offersTextKo = offersTextKo
        self.seeksSectors = seeksSectors; self.seeksCountries = seeksCountries; self.seeksTextEn = seeksTextEn; self.seeksTextKo = seeksTextKo
        self.available = available; self.maxMeetings = maxMeetings
    }

    /// Every broken rule at once: a known kind the event has (B2B or G2G), slots within the
    /// event, a meeting limit between 1 and the number of slots.
    public func validated(for plan: EventPlan) throws(DomainError) -> RegistrationEntry {
        var rules = FieldRules()
        let name = rules.text(organisation, field: "organisation", max: 200)
        let code = CountryCode(country ?? "")
        if code == nil { rules.fail("country", "invalid", "country is an ISO 3166-1 alpha-2 code.") }
        let participantKind = ParticipantKind(rawValue: kind ?? "")
        if participantKind == nil { rules.fail("kind", "unknown", "kind is business or government.") }
        if participantKind == .business && !plan.b2b { rules.fail("kind", "not-offered", "this event has no B2B meetings.") }
        if participantKind == .government && !plan.g2g { rules.fail("kind", "not-offered", "this event has no G2G meetings.") }
        let personName = rules.text(person, field: "person", max: 200)
        let contactText = rules.text(contact, field: "contact", max: 200)
        func sectors(_ list: [String]?, _ field: String) -> [Sector] {
            (list ?? []).enumerated().compactMap { index, text in
                let sector = Sector(rawValue: text)
                if sector == nil { rules.fail("\(field)[\(index)]", "unknown", "unknown sector \(text).") }
                return sector
            }
        }
        func countries(_ list: [String]?, _ field: String) -> [CountryCode] {
            (list ?? []).enumerated().compactMap { index, text in
                let code = CountryCode(text)
                if code == nil { rules.fail("\(field)[\(index)]", "invalid", "a country is an ISO 3166-1 alpha-2 code.") }
                return code
            }
        }
        let offerSectors = sectors(offersSectors, "offersSectors"), seekSectors = sectors(seeksSectors, "seeksSectors")
        let offerCountries = countries(offersCountries, "offersCountries"), seekCountries = countries(seeksCountries, "seeksCountries")
        let offersEn = rules.optionalText(offersTextEn, field: "offersTextEn", max: 2_000) ?? ""
        let offersKo = rules.optionalText(offersTextKo, field: "offersTextKo", max: 2_000) ?? ""
        let seeksEn = rules.optionalText(seeksTextEn, field: "seeksTextEn", max: 2_000) ?? ""
        let seeksKo = rules.optionalText(seeksTextKo, field: "seeksTextKo", max: 2_000) ?? ""
        var slots: [Int]?
        if let available {
            if available.isEmpty { rules.fail("available", "empty", "available lists at least one slot (or is left out: every slot).") }
            for (index, slot) in available.enumerated() where !(0..<plan.slotCount).contains(slot) {
                rules.fail("available[\(index)]", "out-of-range", "slot \(slot) is not a slot of this event (0..<\(plan.slotCount)).")
            }
            slots = Array(Set(available)).sorted()
        }
        let limit = maxMeetings ?? plan.slotCount
        if !(1...max(1, plan.slotCount)).contains(limit) { rules.fail("maxMeetings", "out-of-range", "maxMeetings is between 1 and \(plan.slotCount).") }
        try rules.check()
        func terms(_ en: String, _ ko: String) -> [String] { [en, ko].filter { !$0.isEmpty } }
        return RegistrationEntry(organisation: name, country: code!, kind: participantKind!, person: personName, contact: contactText,
                                 offers: .init(sectors: offerSectors, countries: offerCountries, terms: terms(offersEn, offersKo)),
                                 seeks: .init(sectors: seekSectors, countries: seekCountries, terms: terms(seeksEn, seeksKo)),
                                 offersText: LocalizedText(en: offersEn, ko: offersKo), seeksText: LocalizedText(en: seeksEn, ko: seeksKo),
                                 available: slots, maxMeetings: limit)
    }
}
