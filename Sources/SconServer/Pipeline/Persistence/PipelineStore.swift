import Fluent
import Foundation
import SconDomain
import Vapor

/// The project pipeline: leads, the project's profile and participants, deliverables in
/// versions with their approval, milestones, the consultancy tender, results indicators,
/// readiness flags and their justifications, and stage moves through `StageGate`. Officers
/// manage it; the members of participating organisations add versions and actual days;
/// cooperation-centre staff record leads. Every change goes to the audit log.
struct PipelineStore: Sendable {
    let db: any Database
    let audit: AuditLog

    // MARK: Who may do what

    /// The project, for a writer: managers, or contributors (participants) when `contributors` is true.
    private func writable(_ id: UUID, _ principal: Principal, contributors allowed: Bool = false, on db: any Database) async throws -> Project {
        let visible = try await ProjectStore(db: db).findVisible(id, by: principal)
        if ProjectAccess.allows(principal, .manage) { return visible.project }
        if allowed, ProjectAccess.allows(principal, .contribute(visible.facts)) { return visible.project }
        throw DomainError.forbidden("change this project")
    }

    private func event(_ principal: Principal, _ action: String, _ project: UUID, _ details: [String: String]) -> AuditEvent {
        AuditEvent(actor: principal.userID, action: action, subject: "project:\(UUIDText.string(project))", details: details)
    }

    // MARK: Leads and the profile

    struct LeadInput: Sendable {
        var organisation: UUID?; var city: UUID?; var title: String?; var supportType: String?
        var descriptionEn: String?; var descriptionKo: String?; var sectors: [String]?
    }

    /// A lead found outside the open call (by an officer or a cooperation centre), coded
    /// `KSCON-LEAD-<country>-<nn>`.
    /// A centre's staff record leads for their centre (`centre`, then on its board: Centres/LeadStore).
    func createLead(_ input: LeadInput, for centre: UUID? = nil, by principal: Principal) async throws -> Project {
        try principal.require(principal.isSignedIn, "record leads")
        try principal.require(ProjectAccess.allows(principal, .recordLead(centre: centre)), "record leads")
        var rules = FieldRules()
        let title = rules.text(input.title, field: "title", min: 3, max: 300)
        let descriptionEn = rules.text(input.descriptionEn, field: "descriptionEn", min: 0, max: 8_000)
        let descriptionKo = rules.text(input.descriptionKo, field: "descriptionKo", min: 0, max: 8_000)
        let support = SupportType(rawValue: input.supportType ?? "")
        if support == nil { rules.fail("supportType", input.supportType == nil ? "required" : "unknown", "supportType is master-plan or pre-feasibility.") }
        let sectors = Self.sectors(input.sectors ?? [], &rules)
        let organisation = try await input.organisation.asyncFlatMap { try await Organisation.find($0, on: db) }
        if organisation == nil { rules.fail("organisation", input.organisation == nil ? "required" : "unknown", "organisation is an organisation of the directory.") }
        let city = try await input.city.asyncFlatMap { try await City.find($0, on: db) }
        if city == nil { rules.fail("city", input.city == nil ? "required" : "unknown", "city is a city of the directory.") }
        if let organisation, let city, organisation.countryCode != city.countryCode {
            rules.fail("city", "other-country", "the city is in the organisation's country.")
        }
        try rules.check()
        return try await audit.record(AuditChainKey(name: "leads:\(organisation!.countryCode)")) { tx in
            let country = organisation!.countryCode
            let number = try await Project.query(on: tx).filter(\.$code =~ "KSCON-LEAD-\(country)-").count() + 1
            let project = Project()
            project.id = UUID()
            project.code = "KSCON-LEAD-\(country)-" + (number < 10 ? "0\(number)" : String(number))
            project.organisationID = try organisation!.requireID()
            project.cityID = try city!.requireID()
            project.countryCode = country
            project.title = title
            project.supportType = support!.rawValue
            project.stage = ProjectStage.lead.rawValue
            project.sectors = Sector.storageText(sectors)
            project.descriptionEn = descriptionEn
            project.descriptionKo = descriptionKo
            project.sample = false
            try await project.create(on: tx)
            let lead = ProjectParticipant()
            lead.projectID = project.id!; lead.organisationID = project.organisationID; lead.role = ProjectRole.beneficiary.rawValue
            try await lead.create(on: tx)
            return (project, [event(principal, "project.create", project.id!, ["code": project.code, "stage": project.stage])])
        }
    }

    func setProfile(_ id: UUID, descriptionEn: String?, descriptionKo: String?, sectors: [String]?, by principal: Principal) async throws -> Project {
        let project = try await writable(id, principal, on: db)
        var rules = FieldRules()
        // A field left out stays as it is.
        let en = descriptionEn.map { rules.text($0, field: "descriptionEn", min: 0, max: 8_000) }
        let ko = descriptionKo.map { rules.text($0, field: "descriptionKo", min: 0, max: 8_000) }
        let chosen = sectors.map { Self.sectors($0, &rules) }
        try rules.check()
        return try await audit.record(.project(id)) { tx in
            if let en { project.descriptionEn = en }
            if let ko { project.descriptionKo = ko }
            if let chosen { project.sectors = Sector.storageText(chosen) }
            try await project.save(on: tx)
            return (project, [event(principal, "project.profile", id, ["sectors": project.sectors])])
        }
    }

    private static func sectors(_ codes: [String], _ rules: inout FieldRules) -> [Sector] {
        var chosen: [Sector] = []
        for (index, code) in codes.enumerated() {
            guard let sector = Sector(rawValue: code) else { rules.fail("sectors[\(index)]", "unknown", "\(code.prefix(40)) is not a sector."); continue }
            if !chosen.contains(sector) { chosen.append(sector) }
        }
        return chosen
    }

    func addParticipant(_ id: UUID, organisation: UUID?, role: String?, by principal: Principal) async throws -> ProjectParticipant {
        _ = try await writable(id, principal, on: db)
        var rules = FieldRules()
        let projectRole = ProjectRole(rawValue: role ?? "")
        if projectRole == nil { rules.fail("role", role == nil ? "required" : "unknown", "role is one of: \(ProjectRole.allCases.map(\.rawValue).joined(separator: ", ")).") }
        let known = try await organisation.asyncFlatMap { try await Organisation.find($0, on: db) }
        if known == nil { rules.fail("organisation", organisation == nil ? "required" : "unknown", "organisation is an organisation of the directory.") }
        try rules.check()
        return try await audit.record(.project(id)) { tx in
            if try await ProjectParticipant.query(on: tx).filter(\.$projectID == id).filter(\.$organisationID == organisation!)
                .filter(\.$role == projectRole!.rawValue).count() > 0 {
                throw DomainError.conflict("this organisation already takes part in this role.")
            }
            let row = ProjectParticipant()
            row.projectID = id; row.organisationID = organisation!; row.role = projectRole!.rawValue
            try await row.create(on: tx)
            return (row, [event(principal, "project.participant", id, ["organisation": UUIDText.string(organisation!), "role": row.role])])
        }
    }

    // MARK: Deliverables

    func addDeliverable(_ id: UUID, kind: String?, title: String?, isPublic: Bool?, by principal: Principal) async throws -> Deliverable {
        _ = try await writable(id, principal, on: db)
        var rules = FieldRules()
        let deliverableKind = DeliverableKind(rawValue: kind ?? "")
        if deliverableKind == nil { rules.fail("kind", kind == nil ? "required" : "unknown", "kind is one of: \(DeliverableKind.allCases.map(\.rawValue).joined(separator: ", ")).") }
        let clean = rules.text(title, field: "title", min: 3, max: 300)
        try rules.check()
        return try await audit.record(.project(id)) { tx in
            let row = Deliverable()
            row.projectID = id; row.kind = deliverableKind!.rawValue; row.title = clean; row.isPublic = isPublic ?? false
            try await row.create(on: tx)
            return (row, [event(principal, "deliverable.create", id, ["kind": row.kind, "title": clean])])
        }
    }

    /// A file of a version as uploaded: checked like a proposal's files (type by content, size).
    struct Upload: Sendable { var filename: String?; var declaredType: String?; var bytes: [UInt8]; var maximumBytes: Int }

    func addVersion(_ id: UUID, deliverable: UUID, note: String?, file: Upload? = nil, by principal: Principal, now: Date? = nil) async throws -> DeliverableVersion {
        let now = now ?? audit.clock.now()
        _ = try await writable(id, principal, contributors: true, on: db)
        var rules = FieldRules()
        let clean = rules.text(note, field: "note", min: 3, max: 4_000)
        var facts: AttachmentFacts?
        if let file {
            do {
                facts = try AttachmentRules.validated(filename: file.filename, declaredType: file.declaredType, bytes: file.bytes, maximumBytes: file.maximumBytes,
                                                      document: nil, requiredDocuments: 0, attachedAlready: 0)
            } catch {
                if case .invalid(let issues) = error { for issue in issues { rules.fail(issue.field, issue.code, issue.detail) } }
            }
        }
        try rules.check()
        let checked = facts
        return try await audit.record(.project(id)) { tx in
            guard let owner = try await Deliverable.find(deliverable, on: tx), owner.projectID == id else { throw DomainError.notFound("deliverable") }
            let number = (try await DeliverableVersion.query(on: tx).filter(\.$deliverableID == deliverable).max(\.$number) ?? 0) + 1
            let row = DeliverableVersion()
            row.deliverableID = deliverable; row.number = number; row.note = clean
            row.submittedBy = principal.userID!; row.submittedAt = now
            if let checked, let file {
                row.filename = checked.filename; row.mediaType = checked.kind.rawValue; row.size = checked.size
                row.sha256 = checked.sha256; row.content = Data(file.bytes)
            }
            try await row.create(on: tx)
            return (row, [event(principal, "deliverable.version", id, ["deliverable": UUIDText.string(deliverable), "version": String(number),
                                                                       "sha256": checked?.sha256 ?? ""])])
        }
    }

    /// An officer approves the latest version.
    func approve(_ id: UUID, deliverable: UUID, by principal: Principal, now: Date? = nil) async throws -> DeliverableVersion {
        let now = now ?? audit.clock.now()
        _ = try await writable(id, principal, on: db)
        return try await audit.record(.project(id)) { tx in
            guard let owner = try await Deliverable.find(deliverable, on: tx), owner.projectID == id else { throw DomainError.notFound("deliverable") }
            guard let latest = try await DeliverableVersion.query(on: tx).filter(\.$deliverableID == deliverable).sort(\.$number, .descending).first() else {
                throw DomainError.conflict("there is no version to approve yet.")
            }
            guard latest.approvedAt == nil else { throw DomainError.conflict("version \(latest.number) is approved already.") }
            latest.approvedBy = principal.userID; latest.approvedAt = now
            try await latest.save(on: tx)
            return (latest, [event(principal, "deliverable.approve", id, ["deliverable": UUIDText.string(deliverable), "version": String(latest.number)])])
        }
    }

    /// A version's file, for a reader who may see the deliverable.
    func file(_ id: UUID, deliverable: UUID, version: Int, by principal: Principal) async throws -> DeliverableVersion {
        let visible = try await ProjectStore(db: db).findVisible(id, by: principal)
        guard let owner = try await Deliverable.find(deliverable, on: db), owner.projectID == id else { throw DomainError.notFound("file") }
        if !owner.isPublic {
            guard ProjectAccess.allows(principal, .readNonPublic(visible.facts)) else { throw DomainError.notFound("file") }
        }
        guard let row = try await DeliverableVersion.query(on: db).filter(\.$deliverableID == deliverable).filter(\.$number == version).first(),
              row.content != nil else { throw DomainError.notFound("file") }
        return row
    }

    // MARK: Milestones

    func addMilestone(_ id: UUID, titleEn: String?, titleKo: String?, planned: String?, actual: String?, by principal: Principal) async throws -> Milestone {
        _ = try await writable(id, principal, on: db)
        var rules = FieldRules()
        let en = rules.text(titleEn, field: "titleEn", max: 300)
        let ko = rules.text(titleKo, field: "titleKo", max: 300)
        let plannedDay = planned.flatMap { CalendarDay($0) }
        if plannedDay == nil { rules.fail("planned", planned == nil ? "required" : "invalid", "planned is a day, YYYY-MM-DD.") }
        let actualDay = actual.flatMap { CalendarDay($0) }
        if actual != nil && (actualDay == nil || actualDay! > CalendarDay(audit.clock.now())) {
            rules.fail("actual", "invalid", "actual is a day (YYYY-MM-DD), not in the future.")
        }
        try rules.check()
        return try await audit.record(.project(id)) { tx in
            let row = Milestone()
            row.projectID = id; row.titleEn = en; row.titleKo = ko; row.planned = plannedDay!.description; row.actual = actualDay?.description
            try await row.create(on: tx)
            return (row, [event(principal, "milestone.create", id, ["title": en, "planned": row.planned])])
        }
    }

    func setActual(_ id: UUID, milestone: UUID, actual: String?, by principal: Principal, now: Date? = nil) async throws -> Milestone {
        let now = now ?? audit.clock.now()
        _ = try await writable(id, principal, contributors: true, on: db)
        let day = actual.flatMap { CalendarDay($0) }
        guard let day, day <= CalendarDay(now) else {
            throw DomainError.invalid([FieldIssue(field: "actual", code: "invalid", detail: "actual is a day (YYYY-MM-DD), not in the future.")])
        }
        return try await audit.record(.project(id)) { tx in
            guard let row = try await Milestone.find(milestone, on: tx), row.projectID == id else { throw DomainError.notFound("milestone") }
            row.actual = day.description
            try await row.save(on: tx)
            return (row, [event(principal, "milestone.actual", id, ["milestone": UUIDText.string(milestone), "actual": day.description])])
        }
    }

    // MARK: The tender

    func openTender(_ id: UUID, terms: String?, agreedOn: String?, closesOn: String?, by principal: Principal) async throws -> Tender {
        _ = try await writable(id, principal, on: db)
        var rules = FieldRules()
        let clean = rules.text(terms, field: "terms", min: 20, max: 20_000)
        let agreed = agreedOn.flatMap { CalendarDay($0) }
        if agreed == nil { rules.fail("agreedOn", agreedOn == nil ? "required" : "invalid", "agreedOn is the day the applicant government agreed the terms of reference.") }
        let closes = closesOn.flatMap { CalendarDay($0) }
        if closes == nil { rules.fail("closesOn", closesOn == nil ? "required" : "invalid", "closesOn is a day, YYYY-MM-DD.") }
        if let agreed, let closes, closes < agreed { rules.fail("closesOn", "before-agreement", "the tender closes after the terms are agreed.") }
        try rules.check()
        return try await audit.record(.project(id)) { tx in
            if try await Tender.query(on: tx).filter(\.$projectID == id).count() > 0 { throw DomainError.conflict("this project has its tender.") }
            let row = Tender()
            row.projectID = id; row.terms = clean; row.agreedOn = agreed!.description; row.closesOn = closes!.description
            try await row.create(on: tx)
            return (row, [event(principal, "tender.open", id, ["agreedOn": row.agreedOn, "closesOn": row.closesOn])])
        }
    }

    func addBid(_ id: UUID, organisation: UUID?, amountKRW: Int?, technicalScore: Int?, by principal: Principal, now: Date? = nil) async throws -> Bid {
        let now = now ?? audit.clock.now()
        _ = try await writable(id, principal, on: db)
        var rules = FieldRules()
        let bidder = try await organisation.asyncFlatMap { try await Organisation.find($0, on: db) }
        if bidder == nil { rules.fail("organisation", organisation == nil ? "required" : "unknown", "organisation is an organisation of the directory.") }
        if let bidder, bidder.countryCode != "KR" { rules.fail("organisation", "not-korean", "the support is delivered by a Korean consultancy.") }
        if !(1...CallDraft.budgetLimit).contains(amountKRW ?? 0) { rules.fail("amountKRW", "out-of-range", "amountKRW is a positive whole number of won.") }
        if !(0...100).contains(technicalScore ?? -1) { rules.fail("technicalScore", "out-of-range", "technicalScore is 0 to 100.") }
        try rules.check()
        return try await audit.record(.project(id)) { tx in
            guard let tender = try await Tender.query(on: tx).filter(\.$projectID == id).first() else { throw DomainError.conflict("open the tender first.") }
            guard tender.awardedBidID == nil else { throw DomainError.conflict("the tender is awarded; it takes no more bids.") }
            if let closes = CalendarDay(tender.closesOn), CalendarDay(now) > closes {
                throw DomainError.conflict("the tender closed on \(closes); it takes no more bids.")
            }
            if try await Bid.query(on: tx).filter(\.$tenderID == tender.requireID()).filter(\.$organisationID == organisation!).count() > 0 {
                throw DomainError.conflict("this organisation has bid already.")
            }
            let row = Bid()
            row.tenderID = try tender.requireID(); row.organisationID = organisation!; row.amountKRW = amountKRW!; row.technicalScore = technicalScore!
            try await row.create(on: tx)
            return (row, [event(principal, "tender.bid", id, ["organisation": UUIDText.string(organisation!), "amountKRW": String(amountKRW!)])])
        }
    }

    func award(_ id: UUID, bid: UUID?, by principal: Principal, now: Date? = nil) async throws -> Tender {
        let now = now ?? audit.clock.now()
        _ = try await writable(id, principal, on: db)
        guard let bid else { throw DomainError.invalid([FieldIssue(field: "bid", code: "required", detail: "bid is the winning bid.")]) }
        return try await audit.record(.project(id)) { tx in
            guard let tender = try await Tender.query(on: tx).filter(\.$projectID == id).first() else { throw DomainError.conflict("open the tender first.") }
            guard tender.awardedBidID == nil else { throw DomainError.conflict("the tender is awarded already.") }
            guard let winner = try await Bid.find(bid, on: tx), winner.tenderID == tender.id else {
                throw DomainError.invalid([FieldIssue(field: "bid", code: "unknown", detail: "bid is a bid of this tender.")])
            }
            tender.awardedBidID = bid; tender.awardedAt = now
            try await tender.save(on: tx)
            let consultant = ProjectParticipant()
            consultant.projectID = id; consultant.organisationID = winner.organisationID; consultant.role = ProjectRole.consultant.rawValue
            if try await ProjectParticipant.query(on: tx).filter(\.$projectID == id).filter(\.$organisationID == winner.organisationID)
                .filter(\.$role == ProjectRole.consultant.rawValue).count() == 0 {
                try await consultant.create(on: tx)
            }
            return (tender, [event(principal, "tender.award", id, ["bid": UUIDText.string(bid), "organisation": UUIDText.string(winner.organisationID)])])
        }
    }

    // MARK: Results

    struct PeriodInput: Sendable { var start: String?; var end: String?; var target: String?; var actual: String? }

    func addIndicator(_ id: UUID, resultType: String?, titleEn: String?, titleKo: String?, measure: String?, baselineYear: Int?,
                      baselineValue: String?, periods: [PeriodInput], by principal: Principal) async throws -> Indicator {
        _ = try await writable(id, principal, contributors: true, on: db)
        var rules = FieldRules()
        if !["output", "outcome", "impact"].contains(resultType ?? "") {
            rules.fail("resultType", resultType == nil ? "required" : "unknown", "resultType is output, outcome or impact.")
        }
        let en = rules.text(titleEn, field: "titleEn", max: 300)
        let ko = rules.text(titleKo, field: "titleKo", max: 300)
        if !["unit", "percentage"].contains(measure ?? "") { rules.fail("measure", measure == nil ? "required" : "unknown", "measure is unit or percentage.") }
        if !(1990...2100).contains(baselineYear ?? 0) { rules.fail("baselineYear", "out-of-range", "baselineYear is a year from 1990 to 2100.") }
        func number(_ text: String?, _ field: String) -> String? {
            guard let text else { return nil }
            guard Money.parse(text, .USD) != nil || Int(text) != nil else { rules.fail(field, "invalid", "\(field) is a number with at most 2 decimals."); return nil }
            return text
        }
        if baselineValue == nil { rules.fail("baselineValue", "required", "baselineValue is the measured value in the baseline year.") }
        let baseline = number(baselineValue, "baselineValue") ?? ""
        var clean: [(CalendarDay, CalendarDay, String?, String?)] = []
        for (index, period) in periods.enumerated() {
            let start = period.start.flatMap { CalendarDay($0) }, end = period.end.flatMap { CalendarDay($0) }
            guard let start, let end, start <= end else { rules.fail("periods[\(index)]", "invalid", "a period has a start and an end day, in order."); continue }
            clean.append((start, end, number(period.target, "periods[\(index)].target"), number(period.actual, "periods[\(index)].actual")))
        }
        try rules.check()
        let values = clean
        return try await audit.record(.project(id)) { tx in
            let row = Indicator()
            row.projectID = id; row.resultType = resultType!; row.titleEn = en; row.titleKo = ko; row.measure = measure!
            row.baselineYear = baselineYear!; row.baselineValue = baseline
            try await row.create(on: tx)
            for period in values {
                let value = IndicatorPeriod()
                value.indicatorID = try row.requireID(); value.start = period.0.description; value.end = period.1.description
                value.target = period.2; value.actual = period.3
                try await value.create(on: tx)
            }
            return (row, [event(principal, "indicator.create", id, ["title": en, "periods": String(values.count)])])
        }
    }

    // MARK: Readiness and stages

    func justify(_ id: UUID, flag: String, reason: String?, by principal: Principal, now: Date? = nil) async throws -> ReadinessJustification {
        let now = now ?? audit.clock.now()
        _ = try await writable(id, principal, on: db)
        guard let known = ReadinessFlag(rawValue: flag) else { throw DomainError.notFound("readiness flag") }
        var rules = FieldRules()
        let clean = rules.text(reason, field: "reason", min: 10, max: 2_000)
        try rules.check()
        return try await audit.record(.project(id)) { tx in
            try await ReadinessJustification.query(on: tx).filter(\.$projectID == id).filter(\.$flag == known.rawValue).delete()
            let row = ReadinessJustification()
            row.projectID = id; row.flag = known.rawValue; row.reason = clean; row.justifiedBy = principal.userID!; row.justifiedAt = now
            try await row.create(on: tx)
            return (row, [event(principal, "readiness.justify", id, ["flag": known.rawValue, "reason": clean])])
        }
    }

    /// Moves the project to `to` when its gate is open; the refusal names what is missing.
    func move(_ id: UUID, to target: String?, reason: String?, by principal: Principal, now: Date? = nil) async throws -> Project {
        let now = now ?? audit.clock.now()
        _ = try await writable(id, principal, on: db)
        guard let stage = ProjectStage(rawValue: target ?? "") else {
            throw DomainError.invalid([FieldIssue(field: "to", code: target == nil ? "required" : "unknown",
                                                  detail: "to is one of: \(ProjectStage.allCases.map(\.rawValue).joined(separator: ", ")).")])
        }
        return try await audit.record(.project(id)) { tx in
            guard let project = try await Project.find(id, on: tx) else { throw DomainError.notFound("project") }
            let from = try project.projectStage
            let facts = try await PipelineRecords.load(project, on: tx).facts(today: CalendarDay(now))
            if let refusal = StageGate.refusal(from: from, to: stage, facts: facts, reason: reason) { throw refusal }
            project.stage = stage.rawValue
            try await project.save(on: tx)
            var details = ["from": from.rawValue, "to": stage.rawValue]
            if stage == .dropped { details["reason"] = reason!.trimmingCharacters(in: .whitespacesAndNewlines) }
            return (project, [event(principal, "project.stage", id, details)])
        }
    }
}
