import Foundation
import SconDomain

extension AuditChainKey {
    /// A challenge with its interests and conversations.
    static func challenge(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "challenge:\(UUIDText.string(id))") }
    static func solution(_ id: UUID) -> AuditChainKey { AuditChainKey(name: "solution:\(UUIDText.string(id))") }
    /// Imports, one at a time.
    static let marketplaceImport = AuditChainKey(name: "marketplace-import")
}
