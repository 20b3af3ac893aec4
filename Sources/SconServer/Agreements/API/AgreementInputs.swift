import Foundation
import SconDomain
import Vapor

/// `POST /api/v1/agreements` and `PUT /api/v1/agreements/{id}`.
struct AgreementInput: Decodable, Sendable {
    var draft: AgreementDraft
    /// The linked projects; left out, a change keeps the links as they are.
    var projects: [UUID]?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case kind, level, title, parties, signedOn, place, sectors, expiresOn, obligations, `public`, projects
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        let title: LocalizedTextInput? = try c.value(.title)
        let place: LocalizedTextInput? = try c.value(.place)
        let obligations: LocalizedTextInput? = try c.value(.obligations)
        let parties: [PartyInput]? = try c.value(.parties)
        draft = AgreementDraft(kind: try c.value(.kind), level: try c.value(.level), titleEn: title?.en, titleKo: title?.ko,
                               parties: parties?.map(\.party), signedOn: try c.value(.signedOn), placeEn: place?.en, placeKo: place?.ko,
                               sectors: try c.value(.sectors), expiresOn: try c.value(.expiresOn),
                               obligationsEn: obligations?.en, obligationsKo: obligations?.ko, isPublic: try c.value(.public))
        projects = try c.value(.projects)
    }
}

/// One party of `AgreementInput`.
struct PartyInput: Decodable, Sendable {
    var party: AgreementDraft.Party
    /// The fields of a party, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case organisation, country, description, signatoryTitle
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        let description: LocalizedTextInput? = try c.value(.description)
        let title: LocalizedTextInput? = try c.value(.signatoryTitle)
        party = AgreementDraft.Party(organisation: try c.value(.organisation), country: try c.value(.country),
                                     nameEn: description?.en, nameKo: description?.ko, signatoryTitleEn: title?.en, signatoryTitleKo: title?.ko)
    }
}

/// `POST /api/v1/agreements/{id}/actions`: a party's next status.
struct StatusActionInput: Decodable, Sendable {
    var party: UUID?; var status: String?; var date: String?; var note: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case party, status, date, note
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        party = try c.value(.party); status = try c.value(.status); date = try c.value(.date); note = try c.value(.note)
    }
}

/// `POST /api/v1/agreements/{id}/milestones`: a follow-up milestone.
struct AgreementMilestoneInput: Decodable, Sendable {
    var draft: MilestoneDraft
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case title, dueOn
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        let title: LocalizedTextInput? = try c.value(.title)
        draft = MilestoneDraft(titleEn: title?.en, titleKo: title?.ko, dueOn: try c.value(.dueOn))
    }
}

/// `POST /api/v1/agreements/{id}/milestones/{milestone}/done`.
struct AgreementMilestoneDoneInput: Decodable, Sendable {
    var doneOn: String?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case doneOn
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        doneOn = try c.value(.doneOn)
    }
}

/// `POST /api/v1/agreements/{id}/links`: a call, an event, a training cohort or a project.
struct AgreementLinkInput: Decodable, Sendable {
    var kind: String?
    var target: UUID?
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case kind, target
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        kind = try c.value(.kind); target = try c.value(.target)
    }
}

/// `POST /api/v1/outcomes`: an outcome recorded in the app.
struct OutcomeRecordInput: Decodable, Sendable {
    var draft: OutcomeDraft
    /// The fields of the body, declared once.
    enum Field: String, CodingKey, CaseIterable {
        case type, state, date, countries, title, source, linkKind, linkId
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        let title: LocalizedTextInput? = try c.value(.title)
        let source: LocalizedTextInput? = try c.value(.source)
        draft = OutcomeDraft(type: try c.value(.type), state: try c.value(.state), date: try c.value(.date), countries: try c.value(.countries),
                             titleEn: title?.en, titleKo: title?.ko, sourceEn: source?.en, sourceKo: source?.ko,
                             linkKind: try c.value(.linkKind), linkID: try c.value(.linkId))
    }
}
