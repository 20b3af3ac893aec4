import Fluent
import Foundation
import SconDomain

extension AuditChainKey {
    /// The chain of outcomes recorded in the app.
    static var outcomes: AuditChainKey { AuditChainKey(name: "outcomes") }
}

/// Records outcomes in the app: programme officers only (`AgreementAccess.manage`), checked by
/// the counting rules (`OutcomeDraft`), the counted record must exist, and a record counts once
/// for the same type and date (409).
struct OutcomeStore: Sendable {
    let db: any Database
    let audit: AuditLog

    static let source = LocalizedText(en: "Recorded on K-SCON", ko: "K-SCON 기록")

    func create(_ draft: OutcomeDraft, by principal: Principal) async throws -> Outcome {
        try principal.require(AgreementAccess.allows(principal, .manage), "record outcomes")
        let checked = try draft.checked(today: CalendarDay(audit.clock.now()))
        var rules = FieldRules()
        if try await !exists(checked.linkKind, checked.linkID) { rules.fail("linkId", "unknown", "no \(checked.linkKind) has this id.") }
        try rules.check()
        return try await audit.record(.outcomes) { tx in
            let twins = try await Outcome.query(on: tx).filter(\.$linkKind == checked.linkKind).filter(\.$linkID == checked.linkID)
                .filter(\.$type == checked.facts.type.rawValue).filter(\.$day == checked.facts.day.description).count()
            if twins > 0 { throw OutcomeRefusal.alreadyCounted(type: checked.facts.type) }
            let outcome = Outcome()
            outcome.id = UUID()
            outcome.apply(checked.facts)
            outcome.titleEn = checked.title.en
            outcome.titleKo = checked.title.ko
            let source = checked.source ?? Self.source
            outcome.sourceEn = source.en
            outcome.sourceKo = source.ko
            outcome.linkKind = checked.linkKind
            outcome.linkID = checked.linkID
            outcome.sample = false
            try await outcome.create(on: tx)
            return (outcome, [AuditEvent(actor: principal.userID, action: "outcome.create", subject: "outcome:\(UUIDText.string(outcome.storedID))",
                                         details: ["type": outcome.type, "state": outcome.state, "day": outcome.day, "link": "\(checked.linkKind):\(UUIDText.string(checked.linkID))"])])
        }
    }

    private func exists(_ kind: String, _ id: UUID) async throws -> Bool {
        switch kind {
        case "agreement": try await Agreement.find(id, on: db) != nil
        case "project": try await Project.find(id, on: db) != nil
        case "event": try await CentreEvent.find(id, on: db) != nil
        case "cohort": try await TrainingCohort.find(id, on: db) != nil
        default: false
        }
    }
}
