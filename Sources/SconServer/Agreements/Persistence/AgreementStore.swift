import Fluent
import Foundation
import SconDomain

extension AuditChainKey {
    /// One chain per agreement: its creation, its parties' status moves, its links.
    static func agreement(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "agreement:\(UUIDText.string(id))") }
}

/// Writes agreements: checks the policy (`AgreementAccess`), the rules (`AgreementDraft`,
/// `StatusTimeline`), then writes through the audit log. Programme officers only.
struct AgreementStore: Sendable {
    let db: any Database
    let audit: AuditLog

    private func event(_ principal: Principal, _ action: String, _ id: UUID, _ details: [String: String]) -> AuditEvent {
        AuditEvent(actor: principal.userID, action: action, subject: "agreement:\(UUIDText.string(id))", details: details)
    }

    /// Records a new agreement with its parties (no status yet: each party's timeline starts
    /// with its first action) and its links to projects.
    func create(_ draft: AgreementDraft, projects: [UUID], by principal: Principal) async throws -> UUID {
        try principal.require(AgreementAccess.allows(principal, .manage), "record agreements")
        let checked = try draft.checked()
        var rules = FieldRules()
        for (index, party) in checked.parties.enumerated() {
            if let organisation = party.organisation, try await Organisation.find(organisation, on: db) == nil {
                rules.fail("parties[\(index)].organisation", "unknown", "organisation is an organisation of the directory.")
            }
            if party.organisation == nil && party.country == nil && party.name == nil {
                rules.fail("parties[\(index)]", "required", "a party is an organisation, a country, or a description (nameEn and nameKo).")
            }
        }
        for (index, project) in projects.enumerated() where try await Project.find(project, on: db) == nil {
            rules.fail("projects[\(index)]", "unknown", "projects are projects of the pipeline.")
        }
        try rules.check()
        let id = UUID()
        let year = checked.signedOn?.year ?? CalendarDay(audit.clock.now()).year
        return try await audit.record(.agreement(id)) { tx in
            let prefix = "AGR-\(year)-"
            let number = try await Agreement.query(on: tx).filter(\.$code =~ prefix).count() + 1
            let agreement = Agreement()
            agreement.id = id
            agreement.code = prefix + (number < 10 ? "0\(number)" : String(number))
            agreement.kind = checked.kind.rawValue
            agreement.level = checked.level.rawValue
            agreement.titleEn = checked.title.en
            agreement.titleKo = checked.title.ko
            agreement.signedOn = checked.signedOn?.description
            agreement.placeEn = checked.place?.en
            agreement.placeKo = checked.place?.ko
            agreement.sectors = Sector.storageText(checked.sectors)
            agreement.expiresOn = checked.expiresOn?.description
            agreement.obligationsEn = checked.obligations.en
            agreement.obligationsKo = checked.obligations.ko
            agreement.isPublic = checked.isPublic
            agreement.source = "Recorded on K-SCON"
            agreement.sample = false
            try await agreement.create(on: tx)
            for (position, party) in checked.parties.enumerated() {
                let row = AgreementParty()
                row.agreementID = id
                row.position = position
                row.organisationID = party.organisation
                row.countryCode = party.country?.value
                row.nameEn = party.name?.en; row.nameKo = party.name?.ko
                row.signatoryTitleEn = party.signatoryTitle?.en; row.signatoryTitleKo = party.signatoryTitle?.ko
                try await row.create(on: tx)
            }
            for project in Set(projects) {
                let link = AgreementLink()
                link.agreementID = id; link.kind = AgreementLinkKind.project.rawValue; link.targetID = project
                try await link.create(on: tx)
            }
            return (id, [event(principal, "agreement.create", id, ["code": agreement.code, "kind": agreement.kind, "parties": String(checked.parties.count)])])
        }
    }

    /// A party's next status (signed, in force, extended, …), with its date and a note.
    func move(_ id: UUID, party partyID: UUID?, status statusText: String?, date dateText: String?, note noteText: String?,
              by principal: Principal) async throws {
        guard try await Agreement.find(id, on: db) != nil else { throw DomainError.notFound("agreement") }
        try principal.require(AgreementAccess.allows(principal, .manage), "change agreements")
        var rules = FieldRules()
        let status = AgreementStatus(rawValue: statusText ?? "")
        if status == nil { rules.fail("status", statusText == nil ? "required" : "unknown", "status is one of \(AgreementStatus.allCases.map(\.rawValue).joined(separator: ", ")).") }
        var date: PartialDate?
        if let dateText {
            date = PartialDate(dateText)
            if date == nil { rules.fail("date", "invalid", "date is a date YYYY-MM-DD, a month YYYY-MM or a year YYYY.") }
        }
        let note = rules.text(noteText, field: "note", min: 0, max: 2_000)
        let party = try await partyID.asyncFlatMap { try await AgreementParty.find($0, on: db) }
        if party == nil || party?.agreementID != id { rules.fail("party", partyID == nil ? "required" : "unknown", "party is one of this agreement's parties.") }
        try rules.check()
        let action = StatusAction(status: status!, date: date, note: note)
        try await audit.record(.agreement(id)) { tx in
            let history = try await AgreementAction.query(on: tx).filter(\.$partyID == partyID!).sort(\.$position).all()
            try StatusTimeline.check(action, after: try history.map { try $0.action })
            let row = AgreementAction()
            row.agreementID = id; row.partyID = partyID!; row.position = history.count
            row.status = action.status.rawValue; row.onDate = action.date?.description; row.note = action.note
            try await row.create(on: tx)
            return ((), [event(principal, "agreement.status", id, ["party": UUIDText.string(partyID!), "status": row.status, "date": row.onDate ?? ""])])
        }
    }
}
