import Fluent
import Foundation
import SconDomain

/// The audit entries a person wrote (`PersonalData`); erasure keeps them (they hold ids, not names).
extension AuditContext {
    struct EntrySection: Encodable, Sendable { var sequence: Int; var recordedAt: String; var action: String; var subject: String }

    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        let entries = try await AuditRecord.query(on: db).filter(\.$actor == UUIDText.string(user)).sort(\.$id).all()
            .map { EntrySection(sequence: $0.id ?? 0, recordedAt: $0.recordedAt, action: $0.action, subject: $0.subject) }
        return ["auditEntries": PersonalDataSection(entries)]
    }
}
