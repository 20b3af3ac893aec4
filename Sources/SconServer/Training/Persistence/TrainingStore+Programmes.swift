import Fluent
import Foundation
import SconDomain

extension AuditChainKey {
    /// A training programme's own record (its cohorts write under their own chains).
    static func programme(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "programme:\(UUIDText.string(id))") }
}

/// Programmes, written by the programme office: `ProgrammeDraft` checks the terms, the store
/// checks that the host institution, call and project exist, and writes under the
/// programme's audit chain (`programme.create`, `programme.update`).
extension TrainingStore {
    /// Programmes by code, `limit` at a time (everyone may read them).
    func programmes(_ page: PageQuery) async throws -> SconDomain.Page<TrainingProgramme> {
        let query = TrainingProgramme.query(on: db)
        if let cursor = page.cursor {
            query.group(.or) { or in
                or.filter(\.$code > cursor.key)
                or.group(.and) { $0.filter(\.$code == cursor.key).filter(\.$id > cursor.id) }
            }
        }
        let rows = try await query.sort(\.$code).sort(\.$id).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: $0.code, id: $0.storedID) }
    }

    func programme(_ id: UUID) async throws -> TrainingProgramme {
        guard let programme = try await TrainingProgramme.find(id, on: db) else { throw DomainError.notFound("programme") }
        return programme
    }

    /// Creates a programme (every broken rule at once: 422, nothing written).
    func createProgramme(_ draft: ProgrammeDraft, by principal: Principal) async throws -> TrainingProgramme {
        try principal.require(TrainingAccess.allows(principal, .manage), "create training programmes")
        let terms = try draft.validated()
        let host = try await checkedReferences(terms)
        let id = UUID()
        return try await audit.record(.programme(id)) { tx in
            if try await TrainingProgramme.query(on: tx).filter(\.$code == terms.code).count() > 0 {
                throw DomainError.invalid([FieldIssue(field: "code", code: "code-taken", detail: "a programme with the code \(terms.code) exists.")])
            }
            let programme = TrainingProgramme()
            programme.id = id
            programme.sample = false
            Self.write(terms, host: host, to: programme)
            try await programme.create(on: tx)
            return (programme, [AuditEvent(actor: principal.userID, action: "programme.create", subject: "programme:\(UUIDText.string(id))",
                                           details: ["code": terms.code])])
        }
    }

    /// Replaces a programme's terms (the whole draft, as PUT does). Cohorts and certificates
    /// keep what they were issued with.
    func updateProgramme(_ id: UUID, _ draft: ProgrammeDraft, by principal: Principal) async throws -> TrainingProgramme {
        try principal.require(TrainingAccess.allows(principal, .manage), "edit training programmes")
        _ = try await programme(id)
        let terms = try draft.validated()
        let host = try await checkedReferences(terms)
        return try await audit.record(.programme(id)) { tx in
            guard let programme = try await TrainingProgramme.find(id, on: tx) else { throw DomainError.notFound("programme") }
            if try await TrainingProgramme.query(on: tx).filter(\.$code == terms.code).filter(\.$id != id).count() > 0 {
                throw DomainError.invalid([FieldIssue(field: "code", code: "code-taken", detail: "a programme with the code \(terms.code) exists.")])
            }
            let changed = Self.changedFields(programme, terms)
            Self.write(terms, host: host, to: programme)
            try await programme.update(on: tx)
            return (programme, [AuditEvent(actor: principal.userID, action: "programme.update", subject: "programme:\(UUIDText.string(id))",
                                           details: ["code": terms.code, "changed": changed.joined(separator: ",")])])
        }
    }

    /// The host institution, call and project must exist (each an `unknown` issue otherwise).
    private func checkedReferences(_ terms: ProgrammeDraft.Terms) async throws -> Organisation {
        var rules = FieldRules()
        let host = try await Organisation.find(terms.hostOrganisation, on: db)
        if host == nil { rules.fail("hostOrganisation", "unknown", "hostOrganisation is not an organisation of the directory.") }
        if let call = terms.call, try await Call.find(call, on: db) == nil { rules.fail("call", "unknown", "call is not a call of the open call.") }
        if let project = terms.project, try await Project.find(project, on: db) == nil { rules.fail("project", "unknown", "project is not a project of the pipeline.") }
        try rules.check()
        return host!
    }

    static func changedFields(_ programme: TrainingProgramme, _ terms: ProgrammeDraft.Terms) -> [String] {
        var changed: [String] = []
        if programme.code != terms.code { changed.append("code") }
        if programme.title != terms.title { changed.append("title") }
        if programme.description != terms.description { changed.append("description") }
        if programme.topics != terms.topics.map(\.rawValue).joined(separator: ",") { changed.append("topics") }
        if programme.format != terms.format.rawValue { changed.append("format") }
        if programme.languages != terms.languages.map(\.rawValue).joined(separator: ",") { changed.append("languages") }
        if programme.lengthDays != terms.lengthDays { changed.append("lengthDays") }
        if programme.hostOrganisationID != terms.hostOrganisation { changed.append("hostOrganisation") }
        if programme.callID != terms.call { changed.append("call") }
        if programme.projectID != terms.project { changed.append("project") }
        return changed
    }

    static func write(_ terms: ProgrammeDraft.Terms, host: Organisation, to programme: TrainingProgramme) {
        programme.code = terms.code
        programme.titleEn = terms.title.en
        programme.titleKo = terms.title.ko
        programme.descriptionEn = terms.description.en
        programme.descriptionKo = terms.description.ko
        programme.topics = terms.topics.map(\.rawValue).joined(separator: ",")
        programme.format = terms.format.rawValue
        programme.languages = terms.languages.map(\.rawValue).joined(separator: ",")
        programme.lengthDays = terms.lengthDays
        programme.hostOrganisationID = host.storedID
        programme.hostEn = host.name.en
        programme.hostKo = host.name.ko
        programme.callID = terms.call
        programme.projectID = terms.project
    }
}

extension TrainingProgramme {
    /// The programme as a draft, to fill the edit form.
    var draft: ProgrammeDraft {
        ProgrammeDraft(code: code, title: title, description: description, topics: topics.split(separator: ",").map(String.init), format: format,
                       languages: languages.split(separator: ",").map(String.init), lengthDays: lengthDays, hostOrganisation: hostOrganisationID,
                       call: callID, project: projectID)
    }
}
