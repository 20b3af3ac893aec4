import Foundation
import SconDomain
import Vapor

/// `POST /api/v1/centres` and `PUT /api/v1/centres/{id}`.
struct CentreInput: Decodable, Sendable {
    var draft: CentreDraft

    enum Field: String, CodingKey, CaseIterable {
        case nameEn, nameKo, hostCity, hostCountry, covers, hostOrganisation, contact, openedOn, status
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        draft = CentreDraft(nameEn: try c.decodeIfPresent(String.self, forKey: .nameEn), nameKo: try c.decodeIfPresent(String.self, forKey: .nameKo),
                            hostCity: try c.decodeIfPresent(String.self, forKey: .hostCity), hostCountry: try c.decodeIfPresent(String.self, forKey: .hostCountry),
                            covers: try c.decodeIfPresent([String].self, forKey: .covers),
                            hostOrganisation: try c.decodeIfPresent(String.self, forKey: .hostOrganisation),
                            contact: try c.decodeIfPresent(String.self, forKey: .contact), openedOn: try c.decodeIfPresent(String.self, forKey: .openedOn),
                            status: try c.decodeIfPresent(String.self, forKey: .status))
    }
}

/// `POST /api/v1/events`.
struct EventInput: Decodable, Sendable {
    var centre: UUID?
    var draft: EventDraft

    enum Field: String, CodingKey, CaseIterable {
        case centre, type, titleEn, titleKo, descriptionEn, descriptionKo, venue, onlineLink, timeZone, firstDay, lastDay, slotTimes, slotMinutes,
             tables, registrationOpens, registrationCloses, capacity, b2b, g2g, answerHours, call, projects
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        centre = try c.decodeIfPresent(UUID.self, forKey: .centre)
        draft = EventDraft(type: try c.decodeIfPresent(String.self, forKey: .type), titleEn: try c.decodeIfPresent(String.self, forKey: .titleEn),
                           titleKo: try c.decodeIfPresent(String.self, forKey: .titleKo),
                           descriptionEn: try c.decodeIfPresent(String.self, forKey: .descriptionEn),
                           descriptionKo: try c.decodeIfPresent(String.self, forKey: .descriptionKo),
                           venue: try c.decodeIfPresent(String.self, forKey: .venue), onlineLink: try c.decodeIfPresent(String.self, forKey: .onlineLink),
                           timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone), firstDay: try c.decodeIfPresent(String.self, forKey: .firstDay),
                           lastDay: try c.decodeIfPresent(String.self, forKey: .lastDay), slotTimes: try c.decodeIfPresent([String].self, forKey: .slotTimes),
                           slotMinutes: try c.decodeIfPresent(Int.self, forKey: .slotMinutes), tables: try c.decodeIfPresent(Int.self, forKey: .tables),
                           registrationOpens: try c.decodeIfPresent(String.self, forKey: .registrationOpens),
                           registrationCloses: try c.decodeIfPresent(String.self, forKey: .registrationCloses),
                           capacity: try c.decodeIfPresent(Int.self, forKey: .capacity), b2b: try c.decodeIfPresent(Bool.self, forKey: .b2b),
                           g2g: try c.decodeIfPresent(Bool.self, forKey: .g2g), answerHours: try c.decodeIfPresent(Int.self, forKey: .answerHours),
                           call: try c.value(.call), projects: try c.value(.projects))
    }
}

/// `PUT /api/v1/events/{id}`: the plan as it is to be (the organiser does not change).
struct EventUpdateInput: Decodable, Sendable {
    var draft: EventDraft

    enum Field: String, CodingKey, CaseIterable {
        case type, titleEn, titleKo, descriptionEn, descriptionKo, venue, onlineLink, timeZone, firstDay, lastDay, slotTimes, slotMinutes,
             tables, registrationOpens, registrationCloses, capacity, b2b, g2g, answerHours, call, projects
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        draft = EventDraft(type: try c.decodeIfPresent(String.self, forKey: .type), titleEn: try c.decodeIfPresent(String.self, forKey: .titleEn),
                           titleKo: try c.decodeIfPresent(String.self, forKey: .titleKo),
                           descriptionEn: try c.decodeIfPresent(String.self, forKey: .descriptionEn),
                           descriptionKo: try c.decodeIfPresent(String.self, forKey: .descriptionKo),
                           venue: try c.decodeIfPresent(String.self, forKey: .venue), onlineLink: try c.decodeIfPresent(String.self, forKey: .onlineLink),
                           timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone), firstDay: try c.decodeIfPresent(String.self, forKey: .firstDay),
                           lastDay: try c.decodeIfPresent(String.self, forKey: .lastDay), slotTimes: try c.decodeIfPresent([String].self, forKey: .slotTimes),
                           slotMinutes: try c.decodeIfPresent(Int.self, forKey: .slotMinutes), tables: try c.decodeIfPresent(Int.self, forKey: .tables),
                           registrationOpens: try c.decodeIfPresent(String.self, forKey: .registrationOpens),
                           registrationCloses: try c.decodeIfPresent(String.self, forKey: .registrationCloses),
                           capacity: try c.decodeIfPresent(Int.self, forKey: .capacity), b2b: try c.decodeIfPresent(Bool.self, forKey: .b2b),
                           g2g: try c.decodeIfPresent(Bool.self, forKey: .g2g), answerHours: try c.decodeIfPresent(Int.self, forKey: .answerHours),
                           call: try c.value(.call), projects: try c.value(.projects))
    }
}

/// `POST /api/v1/events/{id}/state`.
struct EventStateInput: Decodable, Sendable {
    var to: String?

    enum Field: String, CodingKey, CaseIterable { case to }

    init(from decoder: any Decoder) throws {
        to = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .to)
    }
}

/// `POST /api/v1/events/{id}/registrations`.
struct RegistrationInput: Decodable, Sendable {
    var draft: RegistrationDraft

    enum Field: String, CodingKey, CaseIterable {
        case organisation, country, kind, person, contact, offersSectors, offersCountries, offersTextEn, offersTextKo,
             seeksSectors, seeksCountries, seeksTextEn, seeksTextKo, available, maxMeetings
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        draft = RegistrationDraft(organisation: try c.decodeIfPresent(String.self, forKey: .organisation),
                                  country: try c.decodeIfPresent(String.self, forKey: .country), kind: try c.decodeIfPresent(String.self, forKey: .kind),
                                  person: try c.decodeIfPresent(String.self, forKey: .person), contact: try c.decodeIfPresent(String.self, forKey: .contact),
                                  offersSectors: try c.decodeIfPresent([String].self, forKey: .offersSectors),
                                  offersCountries: try c.decodeIfPresent([String].self, forKey: .offersCountries),
                                  offersTextEn: try c.decodeIfPresent(String.self, forKey: .offersTextEn),
                                  offersTextKo: try c.decodeIfPresent(String.self, forKey: .offersTextKo),
                                  seeksSectors: try c.decodeIfPresent([String].self, forKey: .seeksSectors),
                                  seeksCountries: try c.decodeIfPresent([String].self, forKey: .seeksCountries),
                                  seeksTextEn: try c.decodeIfPresent(String.self, forKey: .seeksTextEn),
                                  seeksTextKo: try c.decodeIfPresent(String.self, forKey: .seeksTextKo),
                                  available: try c.decodeIfPresent([Int].self, forKey: .available),
                                  maxMeetings: try c.decodeIfPresent(Int.self, forKey: .maxMeetings))
    }
}

/// `POST /api/v1/events/{id}/registrations/{registration}/decision`.
struct DecisionInput: Decodable, Sendable {
    var decision: String?

    enum Field: String, CodingKey, CaseIterable { case decision }

    init(from decoder: any Decoder) throws {
        decision = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .decision)
    }
}

/// `POST /api/v1/events/{id}/requests`: `from` only when an organiser proposes a meeting.
struct MeetingRequestInput: Decodable, Sendable {
    var from: UUID?
    var to: UUID?
    var priority: Int?
    var message: String?

    enum Field: String, CodingKey, CaseIterable { case from, to, priority, message }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        from = try c.decodeIfPresent(UUID.self, forKey: .from)
        to = try c.decodeIfPresent(UUID.self, forKey: .to)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority)
        message = try c.decodeIfPresent(String.self, forKey: .message)
    }
}

/// `POST /api/v1/events/{id}/requests/{request}/answer`.
struct RequestAnswerInput: Decodable, Sendable {
    var answer: String?

    enum Field: String, CodingKey, CaseIterable { case answer }

    init(from decoder: any Decoder) throws {
        answer = try decoder.strictFields(Field.self).decodeIfPresent(String.self, forKey: .answer)
    }
}

/// `POST /api/v1/events/{id}/meetings/{request}/lock`.
struct LockInput: Decodable, Sendable {
    var locked: Bool?
    var slot: Int?
    var table: Int?

    enum Field: String, CodingKey, CaseIterable { case locked, slot, table }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        locked = try c.decodeIfPresent(Bool.self, forKey: .locked)
        slot = try c.decodeIfPresent(Int.self, forKey: .slot)
        table = try c.decodeIfPresent(Int.self, forKey: .table)
    }
}

/// `POST /api/v1/centres/{id}/leads`: the pipeline's lead fields and the board's.
struct CentreLeadInput: Decodable, Sendable {
    var lead: PipelineStore.LeadInput
    var board: LeadBoardDraft
    var meeting: UUID?

    enum Field: String, CodingKey, CaseIterable {
        case organisation, city, title, supportType, descriptionEn, descriptionKo, sectors, owner, status, nextAction, dueOn, meeting
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        lead = .init(organisation: try c.value(.organisation), city: try c.value(.city), title: try c.value(.title), supportType: try c.value(.supportType),
                     descriptionEn: try c.value(.descriptionEn), descriptionKo: try c.value(.descriptionKo), sectors: try c.value(.sectors))
        board = LeadBoardDraft(owner: try c.value(.owner), status: try c.value(.status), nextAction: try c.value(.nextAction), dueOn: try c.value(.dueOn))
        meeting = try c.value(.meeting)
    }
}

/// `PUT /api/v1/centres/{id}/leads/{lead}`: the board's fields.
struct LeadBoardInput: Decodable, Sendable {
    var board: LeadBoardDraft

    enum Field: String, CodingKey, CaseIterable { case owner, status, nextAction, dueOn }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        board = LeadBoardDraft(owner: try c.value(.owner), status: try c.value(.status), nextAction: try c.value(.nextAction), dueOn: try c.value(.dueOn))
    }
}

/// `POST /api/v1/centres/{id}/leads/{lead}/proposal`: the open call, and the budget estimate a draft needs.
struct LeadProposalInput: Decodable, Sendable {
    var call: UUID?
    var budget: Int?

    enum Field: String, CodingKey, CaseIterable { case call, budget }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        call = try c.value(.call)
        budget = try c.value(.budget)
    }
}

/// `POST /api/v1/events/{id}/meetings/{request}/outcome`.
struct OutcomeInput: Decodable, Sendable {
    var outcome: String?
    var notes: String?

    enum Field: String, CodingKey, CaseIterable { case outcome, notes }

    init(from decoder: any Decoder) throws {
        let c = try decoder.strictFields(Field.self)
        outcome = try c.value(.outcome)
        notes = try c.value(.notes)
    }
}
