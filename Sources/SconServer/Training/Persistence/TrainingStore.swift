import Fluent
import Foundation
import SconDomain

extension AuditChainKey {
    /// A cohort and everything in it (applications, the selection, certificates): its writers take turns.
    static func cohort(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "cohort:\(UUIDText.string(id))") }
}

/// The domain's `TrainingError` as the errors the server answers (422 or 409).
func trainingRule<T>(_ body: () throws(TrainingError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        switch error {
        case .invalid(let domainError): throw domainError
        case .refused(let refusal): throw refusal
        }
    }
}

/// A cohort with its programme and terms, read together.
struct CohortView: Sendable {
    let cohort: TrainingCohort
    let programme: TrainingProgramme
    let terms: CohortTerms
}

/// Reads and writes of invitation training: each write checks `TrainingAccess`, validates with
/// the rules of SconDomain/Training and writes under its cohort's audit chain.
struct TrainingStore: Sendable {
    let db: any Database
    let audit: AuditLog

    var now: Date { audit.clock.now() }

    // MARK: Cohorts

    /// The cohorts the person sees (the programme office: all; others: published ones), by first day.
    func cohorts(_ page: PageQuery, for principal: Principal) async throws -> SconDomain.Page<CohortView> {
        let query = TrainingCohort.query(on: db)
        if !TrainingAccess.allows(principal, .manage) { query.filter(\.$published == true) }
        if let cursor = page.cursor {
            query.group(.or) { or in
                or.filter(\.$startDay > cursor.key)
                or.group(.and) { $0.filter(\.$startDay == cursor.key).filter(\.$id > cursor.id) }
            }
        }
        let rows = try await query.sort(\.$startDay).sort(\.$id).limit(page.limit + 1).all()
        let programmes = try await programmesByID(Set(rows.map(\.programmeID)))
        let views = try rows.map { row in
            guard let programme = programmes[row.programmeID] else { throw UnknownStoredValue(table: TrainingCohort.schema, column: "programme_id", value: UUIDText.string(row.programmeID)) }
            return CohortView(cohort: row, programme: programme, terms: try row.terms)
        }
        return SconDomain.Page.from(rows: views, limit: page.limit) { PageCursor(key: $0.cohort.startDay, id: $0.cohort.storedID) }
    }

    func programmesByID(_ ids: Set<UUID>) async throws -> [UUID: TrainingProgramme] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await TrainingProgramme.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.storedID, $0) })
    }

    func programmes() async throws -> [TrainingProgramme] {
        try await TrainingProgramme.query(on: db).sort(\.$code).all()
    }

    /// One cohort; an unpublished one is a 404 for all but the programme office.
    func cohort(_ id: UUID, by principal: Principal) async throws -> CohortView {
        guard let cohort = try await TrainingCohort.find(id, on: db), cohort.published || TrainingAccess.allows(principal, .manage),
              let programme = try await TrainingProgramme.find(cohort.programmeID, on: db) else { throw DomainError.notFound("cohort") }
        return CohortView(cohort: cohort, programme: programme, terms: try cohort.terms)
    }

    /// Creates a cohort of a programme from an officer's draft (every broken rule at once: 422).
    func createCohort(programme programmeID: UUID?, code: String?, published: Bool, draft: CohortDraft, by principal: Principal) async throws -> CohortView {
        try principal.require(TrainingAccess.allows(principal, .manage), "create cohorts")
        var rules = FieldRules()
        let codeText = rules.text(code, field: "code", max: 40)
        if programmeID == nil { rules.fail("programme", "required", "programme is the id of a training programme.") }
        try rules.check()
        let countries: [Country] = try await Country.query(on: db).all()
        let known = Set(countries.compactMap { country -> CountryCode? in country.id.flatMap { CountryCode($0) } })
        let terms = try draft.validated(knownCountries: known)
        guard let programmeID, let programme = try await TrainingProgramme.find(programmeID, on: db) else {
            throw DomainError.invalid([FieldIssue(field: "programme", code: "unknown", detail: "programme is the id of a training programme.")])
        }
        let id = UUID()
        let now = self.now
        return try await audit.record(.cohort(id)) { tx in
            if try await TrainingCohort.query(on: tx).filter(\.$code == codeText).count() > 0 {
                throw DomainError.conflict("a cohort with the code \(codeText) exists.")
            }
            let cohort = TrainingCohort()
            cohort.id = id
            cohort.programmeID = programmeID
            cohort.code = codeText
            cohort.termsJSON = try Self.json(terms)
            cohort.startDay = terms.dates.start.description
            cohort.published = published
            cohort.attendanceSecret = TrainingCohort.newSecret()
            cohort.sample = false
            cohort.createdAt = now
            try await cohort.create(on: tx)
            return (CohortView(cohort: cohort, programme: programme, terms: terms),
                    [AuditEvent(actor: principal.userID, action: "cohort.create", subject: "cohort:\(UUIDText.string(id))",
                                details: ["code": codeText, "capacity": String(terms.capacity)])])
        }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    // MARK: Applications

    struct ApplicationRequest: Sendable {
        var organisation: UUID?
        var level: String?
        var motivation: String?
        var actionPlanIdea: String?
        var documents: [Int]?
    }

    /// An official applies to a cohort through their government organisation: written as
    /// submitted, or refused (late, not eligible, incomplete: 409) with nothing written.
    func apply(to cohortID: UUID, _ request: ApplicationRequest, by principal: Principal) async throws -> TraineeApplicationRecord {
        try principal.require(TrainingAccess.allows(principal, .apply), "apply for training")
        guard let user = principal.userID else { throw DomainError.unauthenticated }
        let view = try await cohort(cohortID, by: principal)
        var rules = FieldRules()
        var organisation: Organisation?
        if let id = request.organisation {
            if !principal.organisations.contains(id) {
                rules.fail("organisation", "not-member", "organisation is a government organisation you are a member of.")
            } else {
                organisation = try await Organisation.find(id, on: db)
                if let found = organisation, !Self.governmentTypes.contains(found.type) {
                    rules.fail("organisation", "not-government", "organisation is a ministry, a local government or a public institution.")
                }
            }
        } else {
            rules.fail("organisation", "required", "organisation is the id of your government organisation.")
        }
        let level = request.level.flatMap(GovernmentLevel.init(rawValue:))
        if level == nil { rules.fail("level", request.level == nil ? "required" : "unknown", "level is national, regional or local.") }
        let documents = request.documents ?? []
        for (index, document) in documents.enumerated() where !view.terms.requiredDocuments.indices.contains(document) {
            rules.fail("documents[\(index)]", "unknown", "documents lists the indexes of the cohort's required documents provided.")
        }
        let texts: (motivation: String, actionPlanIdea: String)
        do { texts = try TraineeApplication.validatedTexts(motivation: request.motivation, actionPlanIdea: request.actionPlanIdea) } catch {
            if case .invalid(let issues) = error { for issue in issues { rules.fail(issue.field, issue.code, issue.detail) } }
            texts = ("", "")
        }
        try rules.check()
        guard let organisation, let level, let country = CountryCode(organisation.countryCode) else {
            throw DomainError.invalid([FieldIssue(field: "organisation", code: "unknown", detail: "organisation is not in the directory.")])
        }
        let name = try await User.find(user, on: db)?.displayName ?? ""
        let now = self.now
        return try await audit.record(.cohort(cohortID)) { tx in
            if try await TraineeApplicationRecord.query(on: tx).filter(\.$cohortID == cohortID).filter(\.$userID == user).count() > 0 {
                throw DomainError.conflict("you have applied to this cohort already.")
            }
            var application = TraineeApplication(id: UUID(), country: country, organisation: organisation.storedID, level: level)
            application.motivation = texts.motivation
            application.actionPlanIdea = texts.actionPlanIdea
            application.documents = Set(documents)
            try application.submit(terms: view.terms, at: now)
            let record = TraineeApplicationRecord()
            record.id = application.id
            record.cohortID = cohortID
            record.userID = user
            record.traineeName = name
            record.organisationID = organisation.storedID
            record.country = country.value
            record.level = level.rawValue
            record.apply(application)
            record.sample = false
            record.alumniOptIn = false
            record.createdAt = now
            try await record.create(on: tx)
            return (record, [AuditEvent(actor: user, action: "application.submit", subject: "application:\(UUIDText.string(application.id))",
                                        details: ["cohort": UUIDText.string(cohortID), "country": country.value])])
        }
    }

    static let governmentTypes: Set<String> = [OrganisationType.ministry.rawValue, OrganisationType.localGovernment.rawValue,
                                              OrganisationType.publicInstitution.rawValue]

    /// One application, for those who may read it (404 for everyone else: nothing leaks).
    func application(_ id: UUID, by principal: Principal) async throws -> TraineeApplicationRecord {
        guard let record = try await TraineeApplicationRecord.find(id, on: db),
              TrainingAccess.allows(principal, .readApplication(try record.facts)) else { throw DomainError.notFound("application") }
        return record
    }

    /// A cohort's applications the person may read, by country and rank.
    func applications(of cohortID: UUID, by principal: Principal) async throws -> [TraineeApplicationRecord] {
        let rows = try await TraineeApplicationRecord.query(on: db).filter(\.$cohortID == cohortID)
            .sort(\.$country).sort(\.$rank).sort(\.$submittedAt).sort(\.$id).all()
        return try rows.filter { TrainingAccess.allows(principal, .readApplication(try $0.facts)) }
    }

    /// The applicant's organisation nominates them.
    func nominate(_ id: UUID, by principal: Principal) async throws -> TraineeApplicationRecord {
        let record = try await application(id, by: principal)
        let facts = try record.facts
        try principal.require(TrainingAccess.allows(principal, .nominate(facts)), "nominate this official")
        let view = try await cohortOfApplication(record.cohortID)
        let now = self.now
        return try await audit.record(.cohort(record.cohortID)) { tx in
            guard let row = try await TraineeApplicationRecord.find(id, on: tx) else { throw DomainError.notFound("application") }
            var application = try row.application
            try application.nominate(by: facts.organisation, terms: view.terms, at: now)
            row.apply(application)
            try await row.update(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "application.nominate", subject: "application:\(UUIDText.string(id))",
                                     details: ["organisation": UUIDText.string(facts.organisation)])])
        }
    }

    /// The cohort of an application the caller may read (so they may know its cohort).
    func cohortOfApplication(_ id: UUID) async throws -> CohortView {
        try await Self.cohortView(id, on: db)
    }

    /// A cohort with its programme and terms, without a visibility check (callers check it).
    static func cohortView(_ id: UUID, on db: any Database) async throws -> CohortView {
        guard let cohort = try await TrainingCohort.find(id, on: db),
              let programme = try await TrainingProgramme.find(cohort.programmeID, on: db) else { throw DomainError.notFound("cohort") }
        return CohortView(cohort: cohort, programme: programme, terms: try cohort.terms)
    }

    /// The focal point ranks their country's nominees as one list (1, 2, …); those left out go back to nominated.
    func rank(cohort cohortID: UUID, country: CountryCode, order: [UUID], by principal: Principal) async throws -> [TraineeApplicationRecord] {
        try principal.require(TrainingAccess.allows(principal, .rank(country)), "rank the nominees of \(country.value)")
        let view = try await cohort(cohortID, by: principal)
        let now = self.now
        return try await audit.record(.cohort(cohortID)) { tx in
            let rows = try await TraineeApplicationRecord.query(on: tx).filter(\.$cohortID == cohortID).all()
            let applications = try rows.map { try $0.application }
            let changed = try TraineeRanking.ranked(order, byFocalPointOf: country, applications: applications, terms: view.terms, at: now)
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.storedID, $0) })
            for application in changed {
                guard let row = byID[application.id] else { continue }
                row.apply(application)
                try await row.update(on: tx)
            }
            let ranked = order.compactMap { byID[$0] }
            return (ranked, [AuditEvent(actor: principal.userID, action: "application.rank", subject: "cohort:\(UUIDText.string(cohortID))",
                                        details: ["country": country.value, "order": order.map(UUIDText.string).joined(separator: ",")])])
        }
    }

    // MARK: Selection

    /// The selection the rule gives now, with the officer's adjustments (nothing is written).
    func previewSelection(cohort cohortID: UUID, adjustments: [SelectionAdjustment], by principal: Principal) async throws -> TraineeSelectionResult {
        try principal.require(TrainingAccess.allows(principal, .manage), "run the selection")
        let view = try await cohort(cohortID, by: principal)
        let rows = try await TraineeApplicationRecord.query(on: db).filter(\.$cohortID == cohortID).all()
        return try Self.select(view.terms, rows, adjustments)
    }

    static func select(_ terms: CohortTerms, _ rows: [TraineeApplicationRecord], _ adjustments: [SelectionAdjustment]) throws -> TraineeSelectionResult {
        let candidates = try rows.compactMap { row -> TraineeCandidate? in
            let application = try row.application
            guard application.state.awaitsDecision else { return nil }
            return TraineeCandidate(application: application.id, country: application.country, level: application.level,
                                    rank: application.state == .ranked ? application.rank : nil, nominatedAt: application.nominatedAt)
        }
        return try trainingRule { () throws(TrainingError) in try TraineeSelection.select(cohort: terms, candidates: candidates, adjustments: adjustments) }
    }

    /// Confirms the selection: every candidate records its decision, the selected get their
    /// offer deadline. Once per cohort (a second confirmation is 409), under the cohort's lock.
    func confirmSelection(cohort cohortID: UUID, adjustments: [SelectionAdjustment], by principal: Principal) async throws -> TraineeSelectionResult {
        try principal.require(TrainingAccess.allows(principal, .manage), "confirm the selection")
        _ = try await cohort(cohortID, by: principal)
        let now = self.now
        return try await audit.record(.cohort(cohortID)) { tx in
            guard let cohort = try await TrainingCohort.find(cohortID, on: tx) else { throw DomainError.notFound("cohort") }
            if cohort.selectionConfirmedAt != nil { throw DomainError.conflict("the selection of this cohort is confirmed already.") }
            let terms = try cohort.terms
            let rows = try await TraineeApplicationRecord.query(on: tx).filter(\.$cohortID == cohortID).all()
            let result = try Self.select(terms, rows, adjustments)
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.storedID, $0) })
            for decision in result.decisions {
                guard let row = byID[decision.application] else { continue }
                var application = try row.application
                try application.record(decision, terms: terms, confirmedAt: now)
                row.apply(application)
                row.decisionJSON = try Self.json(decision)
                try await row.update(on: tx)
            }
            cohort.selectionConfirmedAt = now
            try await cohort.update(on: tx)
            var events = [AuditEvent(actor: principal.userID, action: "cohort.select", subject: "cohort:\(UUIDText.string(cohortID))",
                                     details: ["selected": String(result.selected.count), "waitlisted": String(result.waitlist.count),
                                               "adjustments": String(result.adjustments.count)])]
            for adjustment in result.adjustments {
                events.append(AuditEvent(actor: principal.userID, action: "cohort.adjust", subject: "application:\(UUIDText.string(adjustment.application))",
                                         details: ["action": adjustment.action.rawValue, "reason": adjustment.reason]))
            }
            return (result, events)
        }
    }

    // MARK: Certificates

    /// A cohort's certificates, by code (the programme office).
    func certificates(of cohortID: UUID, _ page: PageQuery, by principal: Principal) async throws -> SconDomain.Page<CertificateRecord> {
        try principal.require(TrainingAccess.allows(principal, .manage), "list certificates")
        _ = try await cohort(cohortID, by: principal)
        let query = CertificateRecord.query(on: db).filter(\.$cohortID == cohortID)
        if let cursor = page.cursor { query.filter(\.$code > cursor.key) }
        let rows = try await query.sort(\.$code).limit(page.limit + 1).all()
        return SconDomain.Page.from(rows: rows, limit: page.limit) { PageCursor(key: $0.code, id: $0.storedID) }
    }

    /// A certificate by its code as typed (any case, dashes, O for 0): public. A code that is
    /// not issued, or not a code at all, is a 404.
    func certificate(_ typed: String) async throws -> CertificateRecord {
        guard let code = CertificateCode(typed),
              let record = try await CertificateRecord.query(on: db).filter(\.$code == code.value).first() else {
            throw DomainError.notFound("certificate")
        }
        return record
    }

    /// Whether the person may print this certificate: its holder and the programme office.
    func mayPrint(_ record: CertificateRecord, by principal: Principal) async throws -> Bool {
        if TrainingAccess.allows(principal, .manage) { return true }
        guard let application = try await TraineeApplicationRecord.find(record.applicationID, on: db) else { return false }
        return TrainingAccess.allows(principal, .actAsApplicant(try application.facts))
    }

    /// Revokes a certificate with a reason (once); the public page then says so.
    func revoke(_ typed: String, reason: String?, by principal: Principal) async throws -> CertificateRecord {
        try principal.require(TrainingAccess.allows(principal, .manage), "revoke certificates")
        let found = try await certificate(typed)
        let now = self.now
        return try await audit.record(.cohort(found.cohortID)) { tx in
            guard let row = try await CertificateRecord.find(found.storedID, on: tx) else { throw DomainError.notFound("certificate") }
            let certificate = try row.certificate
            let revoked = try trainingRule { () throws(TrainingError) in try certificate.revoked(reason: reason ?? "", at: now) }
            row.revokedAt = revoked.revocation?.at
            row.revocationReason = revoked.revocation?.reason
            try await row.update(on: tx)
            return (row, [AuditEvent(actor: principal.userID, action: "certificate.revoke", subject: "certificate:\(row.code)",
                                     details: ["reason": revoked.revocation?.reason ?? ""])])
        }
    }
}
