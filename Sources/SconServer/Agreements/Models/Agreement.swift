import Fluent
import Foundation
import SconDomain

/// An agreement (MOU, MOC, LOI, contract, loan agreement, other) between two or more parties.
final class Agreement: Model, @unchecked Sendable {
    static let schema = "agreements"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "kind") var kind: String
    @Field(key: "level") var level: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    /// As precise as the record gives it: `2019-09` or `2019-11-25`.
    @OptionalField(key: "signed_on") var signedOn: String?
    @OptionalField(key: "place_en") var placeEn: String?
    @OptionalField(key: "place_ko") var placeKo: String?
    /// `Sector.storageText` (`,transport,water,`).
    @Field(key: "sectors") var sectors: String
    @OptionalField(key: "expires_on") var expiresOn: String?
    @Field(key: "obligations_en") var obligationsEn: String
    @Field(key: "obligations_ko") var obligationsKo: String
    @Field(key: "is_public") var isPublic: Bool
    /// Where the record comes from (the news report, "Recorded on K-SCON").
    @Field(key: "source") var source: String
    @Field(key: "sample") var sample: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var agreementKind: AgreementKind { get throws { try Self.known(kind, "kind") } }
    var agreementLevel: AgreementLevel { get throws { try Self.known(level, "level") } }
    var title: LocalizedText { LocalizedText(en: titleEn, ko: titleKo) }
    var place: LocalizedText? { placeEn.flatMap { en in placeKo.map { LocalizedText(en: en, ko: $0) } } }
    var obligations: LocalizedText { LocalizedText(en: obligationsEn, ko: obligationsKo) }
    var signedDate: PartialDate? { get throws { try signedOn.map { try Self.partialDate($0, "signed_on") } } }
    var expiryDay: CalendarDay? {
        get throws {
            try expiresOn.map { text in
                guard let day = CalendarDay(text) else { throw UnknownStoredValue(table: Self.schema, column: "expires_on", value: text) }
                return day
            }
        }
    }
    var sectorList: [Sector] { get throws { try Self.storedList(sectors, separator: ",", "sectors") { Sector(rawValue: $0) } } }
}

/// A party: an organisation of the directory, a country, or a description where the record
/// does not name it; with its signatory's title when the record gives it.
final class AgreementParty: Model, @unchecked Sendable {
    static let schema = "agreement_parties"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "position") var position: Int
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @OptionalField(key: "country_code") var countryCode: String?
    @OptionalField(key: "name_en") var nameEn: String?
    @OptionalField(key: "name_ko") var nameKo: String?
    @OptionalField(key: "signatory_title_en") var signatoryTitleEn: String?
    @OptionalField(key: "signatory_title_ko") var signatoryTitleKo: String?

    init() {}

    var name: LocalizedText? { nameEn.flatMap { en in nameKo.map { LocalizedText(en: en, ko: $0) } } }
    var signatoryTitle: LocalizedText? { signatoryTitleEn.flatMap { en in signatoryTitleKo.map { LocalizedText(en: en, ko: $0) } } }
}

/// One step of a party's status timeline.
final class AgreementAction: Model, @unchecked Sendable {
    static let schema = "agreement_actions"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "party_id") var partyID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "on_date") var onDate: String?
    @Field(key: "note") var note: String

    init() {}

    var action: StatusAction {
        get throws {
            StatusAction(status: try Self.known(status, "status"), date: try onDate.map { try Self.partialDate($0, "on_date") }, note: note)
        }
    }
}

/// A link from an agreement to a record it led to (a project, a call; later events, training).
final class AgreementLink: Model, @unchecked Sendable {
    static let schema = "agreement_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "target_id") var targetID: UUID

    init() {}

    var linkKind: AgreementLinkKind { get throws { try Self.known(kind, "kind") } }
}


/// A counted cooperation outcome (협력성과).
final class Outcome: Model, @unchecked Sendable {
    static let schema = "outcomes"

    @ID(key: .id) var id: UUID?
    @Field(key: "type") var type: String
    @Field(key: "state") var state: String
    /// As precise as the source gives it; nil when not disclosed.
    @OptionalField(key: "on_date") var onDate: String?
    /// The day the counting rule reads (`OutcomeFacts.day`), kept for SQL.
    @Field(key: "day") var day: String
    @Field(key: "recorded_on") var recordedOn: String
    /// `,TH,VN,` or empty when the record names no country.
    @Field(key: "countries") var countries: String
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "source_en") var sourceEn: String
    @Field(key: "source_ko") var sourceKo: String
    @OptionalField(key: "link_kind") var linkKind: String?
    @OptionalField(key: "link_id") var linkID: UUID?
    @Field(key: "sample") var sample: Bool

    init() {}

    var title: LocalizedText { LocalizedText(en: titleEn, ko: titleKo) }
    var source: LocalizedText { LocalizedText(en: sourceEn, ko: sourceKo) }

    var facts: OutcomeFacts {
        get throws {
            guard let recorded = CalendarDay(recordedOn) else { throw UnknownStoredValue(table: Self.schema, column: "recorded_on", value: recordedOn) }
            return OutcomeFacts(type: try Self.known(type, "type"), state: try Self.known(state, "state"),
                                date: try onDate.map { try Self.partialDate($0, "on_date") }, recordedOn: recorded,
                                countries: Set(try Self.storedList(countries, separator: ",", "countries") { CountryCode($0) }))
        }
    }

    /// Fills the row from the facts (the `day` column is the rule's day).
    func apply(_ facts: OutcomeFacts) {
        type = facts.type.rawValue
        state = facts.state.rawValue
        onDate = facts.date?.description
        day = facts.day.description
        recordedOn = facts.recordedOn.description
        countries = facts.countries.isEmpty ? "" : "," + facts.countries.map(\.value).sorted().joined(separator: ",") + ","
    }
}

extension Model {
    static func partialDate(_ text: String, _ column: String) throws -> PartialDate {
        guard let date = PartialDate(text) else { throw UnknownStoredValue(table: schema, column: column, value: text) }
        return date
    }
}

/// A follow-up milestone of an agreement: due on a day, done on a day.
final class AgreementMilestone: Model, @unchecked Sendable {
    static let schema = "agreement_milestones"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "title_en") var titleEn: String
    @Field(key: "title_ko") var titleKo: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "done_on") var doneOn: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var title: LocalizedText { LocalizedText(en: titleEn, ko: titleKo) }
    var dueDay: CalendarDay { get throws { try Self.day(dueOn, "due_on") } }
    var doneDay: CalendarDay? { get throws { try doneOn.map { try Self.day($0, "done_on") } } }
}

/// The agreement's document: a PDF checked by its content, with its SHA-256.
final class AgreementDocument: Model, @unchecked Sendable {
    static let schema = "agreement_documents"

    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @OptionalField(key: "uploaded_by") var uploadedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension Model {
    static func day(_ text: String, _ column: String) throws -> CalendarDay {
        guard let day = CalendarDay(text) else { throw UnknownStoredValue(table: schema, column: column, value: text) }
        return day
    }
}
