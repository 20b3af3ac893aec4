import Foundation

/// Who may manage accounts and roles.
public enum AccountAccess {
    public enum Action: Sendable, Hashable {
        /// List accounts, grant and revoke roles.
        case manageAccounts
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        switch action {
        case .manageAccounts: principal.isAdministrator
        }
    }

    /// Why an administrator may not revoke this grant, if they may not: nobody revokes their own
    /// administrator role (another administrator must), so that the platform always keeps one.
    public static func revocationRefusal(_ grant: Grant, heldByCaller: Bool) -> DomainError? {
        guard heldByCaller, grant.role == .administrator else { return nil }
        return .conflict("You cannot revoke your own administrator role; ask another administrator.")
    }
}

/// A scope id as the grants hold it (lower-case UUID text).
func scopeID(_ id: UUID) -> String { id.uuidString.lowercased() }

extension AccountAccess {
    public static var table: AccessMatrix.Table {
        AccessMatrix.Table(context: "Accounts", columns: [("manage accounts and roles", { allows($0, .manageAccounts) })])
    }
}
