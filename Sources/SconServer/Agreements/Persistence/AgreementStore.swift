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
        try await checkReferences(checked, projects: projects, &rules)
        try rules.check()
        let id = UUID()
        let year = checked.signedOn?.year ?? CalendarDay(audit.clock.now()).year
        return try await audit.record(.agreement(id)) { tx in
            let prefix = "AGR-\(year)-"
            let number = try await Agreement.query(on: tx).filter(\.$code =~ prefix).count() + 1
            let agreement = Agreement()
            agreement.id = id
            agreement.code = prefix + (number < 10 ? "0\(number)" : String(number))
            Self.write(checked, into: agreement)
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

    /// The agreement, when the person may see it (404 otherwise) and manage it (403 otherwise).
    private func managed(_ id: UUID, by principal: Principal) async throws -> Agreement {
        let agreement = try await Self.readable(id, by: principal, on: db)
        try principal.require(AgreementAccess.allows(principal, .manage), "change agreements")
        return agreement
    }

    /// The agreement, when the person may see it (404 otherwise: a restricted agreement is not theirs to know).
    static func readable(_ id: UUID, by principal: Principal, on db: any Database) async throws -> Agreement {
        guard let agreement = try await Agreement.find(id, on: db) else { throw DomainError.notFound("agreement") }
        let organisations = try await AgreementParty.query(on: db).filter(\.$agreementID == id).all().compactMap(\.organisationID)
        guard AgreementAccess.allows(principal, .read(AgreementAccess.Facts(isPublic: agreement.isPublic, partyOrganisations: Set(organisations)))) else {
            throw DomainError.notFound("agreement")
        }
        return agreement
    }

    /// Adds a follow-up milestone (`agreement.milestone`).
    func addMilestone(_ id: UUID, _ draft: MilestoneDraft, by principal: Principal) async throws -> UUID {
        _ = try await managed(id, by: principal)
        let checked = try draft.checked()
        return try await audit.record(.agreement(id)) { tx in
            let row = AgreementMilestone()
            row.id = UUID()
            row.agreementID = id
            row.titleEn = checked.title.en; row.titleKo = checked.title.ko
            row.dueOn = checked.dueOn.description
            try await row.create(on: tx)
            return (row.storedID, [event(principal, "agreement.milestone", id, ["milestone": UUIDText.string(row.storedID), "due": row.dueOn, "title": row.titleEn])])
        }
    }

    /// Marks a milestone done on a day, not after today (`agreement.milestoneDone`); done once (409).
    func completeMilestone(_ id: UUID, milestone milestoneID: UUID, doneOn: String?, by principal: Principal) async throws {
        _ = try await managed(id, by: principal)
        guard let found = try await AgreementMilestone.find(milestoneID, on: db), found.agreementID == id else { throw DomainError.notFound("milestone") }
        let today = CalendarDay(audit.clock.now())
        _ = try FollowUp.doneDay(doneOn, alreadyDone: nil, today: today)
        try await audit.record(.agreement(id)) { tx in
            guard let row = try await AgreementMilestone.find(milestoneID, on: tx) else { throw DomainError.notFound("milestone") }
            let day = try FollowUp.doneDay(doneOn, alreadyDone: try row.doneDay, today: today)
            row.doneOn = day.description
            try await row.update(on: tx)
            return ((), [event(principal, "agreement.milestoneDone", id, ["milestone": UUIDText.string(milestoneID), "done": day.description])])
        }
    }

    /// Links the agreement to a call, an event, a training cohort or a project (`agreement.link`).
    func link(_ id: UUID, kind kindText: String?, target: UUID?, by principal: Principal) async throws {
        _ = try await managed(id, by: principal)
        var rules = FieldRules()
        let kind = AgreementLinkKind(rawValue: kindText ?? "")
        if kind == nil { rules.fail("kind", kindText == nil ? "required" : "unknown", "kind is one of \(AgreementLinkKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
        if target == nil { rules.fail("target", "required", "target is the id of the linked record.") }
        if let kind, let target, try await !AgreementLinkTargets(db: db).exists(kind, target) {
            rules.fail("target", "unknown", "no \(kind.rawValue) has this id.")
        }
        try rules.check()
        try await audit.record(.agreement(id)) { tx in
            let exists = try await AgreementLink.query(on: tx).filter(\.$agreementID == id).filter(\.$kind == kind!.rawValue).filter(\.$targetID == target!).count() > 0
            if !exists {
                let link = AgreementLink()
                link.agreementID = id; link.kind = kind!.rawValue; link.targetID = target!
                try await link.create(on: tx)
            }
            return ((), [event(principal, "agreement.link", id, ["kind": kind!.rawValue, "target": UUIDText.string(target!)])])
        }
    }

    /// Sets the agreement's document: a PDF checked by its content (`AgreementDocumentRule`);
    /// a new one replaces the old (`agreement.document`).
    func attach(_ id: UUID, filename: String?, bytes: [UInt8], maximumBytes: Int, by principal: Principal) async throws {
        _ = try await managed(id, by: principal)
        let facts = try AgreementDocumentRule.checked(filename: filename, bytes: bytes, maximumBytes: maximumBytes)
        try await audit.record(.agreement(id)) { tx in
            try await AgreementDocument.query(on: tx).filter(\.$agreementID == id).delete()
            let row = AgreementDocument()
            row.agreementID = id
            row.filename = facts.filename
            row.size = facts.size
            row.sha256 = facts.sha256
            row.content = Data(bytes)
            row.uploadedBy = principal.userID
            try await row.create(on: tx)
            return ((), [event(principal, "agreement.document", id, ["filename": facts.filename, "size": String(facts.size), "sha256": facts.sha256])])
        }
    }

    /// The agreement's document, for whoever may see the agreement (404 otherwise, and when it has none).
    func document(_ id: UUID, by principal: Principal) async throws -> AgreementDocument {
        _ = try await Self.readable(id, by: principal, on: db)
        guard let row = try await AgreementDocument.query(on: db).filter(\.$agreementID == id).first() else { throw DomainError.notFound("document") }
        return row
    }

    /// Whether the parties' organisations and the linked projects exist, and each party is something.
    private func checkReferences(_ checked: AgreementDraft.Checked, projects: [UUID], _ rules: inout FieldRules) async throws {
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
    }

    /// Changes a recorded agreement: its facts, its parties (matched by position; a party with
    /// recorded steps cannot be removed), and, when `projects` is given, its project links.
    /// Checked by the same draft as a new one; a restricted agreement the person may not see is 404.
    func update(_ id: UUID, _ draft: AgreementDraft, projects: [UUID]?, by principal: Principal) async throws {
        _ = try await managed(id, by: principal)
        let checked = try draft.checked()
        var rules = FieldRules()
        try await checkReferences(checked, projects: projects ?? [], &rules)
        let parties = try await AgreementParty.query(on: db).filter(\.$agreementID == id).sort(\.$position).all()
        let removed = parties.dropFirst(checked.parties.count).map(\.storedID)
        if !removed.isEmpty, try await AgreementAction.query(on: db).filter(\.$partyID ~~ removed).count() > 0 {
            rules.fail("parties", "has-steps", "a party with recorded status steps cannot be removed (\(parties.count) parties are recorded).")
        }
        try rules.check()
        try await audit.record(.agreement(id)) { tx in
            guard let agreement = try await Agreement.find(id, on: tx) else { throw DomainError.notFound("agreement") }
            Self.write(checked, into: agreement)
            try await agreement.update(on: tx)
            let rows = try await AgreementParty.query(on: tx).filter(\.$agreementID == id).sort(\.$position).all()
            for (position, party) in checked.parties.enumerated() {
                let row = position < rows.count ? rows[position] : AgreementParty()
                row.agreementID = id
                row.position = position
                row.organisationID = party.organisation
                row.countryCode = party.country?.value
                row.nameEn = party.name?.en; row.nameKo = party.name?.ko
                row.signatoryTitleEn = party.signatoryTitle?.en; row.signatoryTitleKo = party.signatoryTitle?.ko
                try await row.save(on: tx)
            }
            let gone = rows.dropFirst(checked.parties.count).map(\.storedID)
            if !gone.isEmpty { try await AgreementParty.query(on: tx).filter(\.$id ~~ gone).delete() }
            var details = ["code": agreement.code, "parties": String(checked.parties.count), "public": String(checked.isPublic)]
            if let projects {
                let wanted = Set(projects)
                let links = try await AgreementLink.query(on: tx).filter(\.$agreementID == id).filter(\.$kind == AgreementLinkKind.project.rawValue).all()
                let have = Set(links.map(\.targetID))
                let drop = links.filter { !wanted.contains($0.targetID) }.map(\.storedID)
                if !drop.isEmpty { try await AgreementLink.query(on: tx).filter(\.$id ~~ drop).delete() }
                for project in wanted.subtracting(have) {
                    let link = AgreementLink()
                    link.agreementID = id; link.kind = AgreementLinkKind.project.rawValue; link.targetID = project
                    try await link.create(on: tx)
                }
                details["projects"] = String(wanted.count)
            }
            return ((), [event(principal, "agreement.update", id, details)])
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

extension AgreementStore {
    /// The facts of a checked draft on the record (recording and editing write the same columns).
    static func write(_ checked: AgreementDraft.Checked, into agreement: Agreement) {
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
    }
}
