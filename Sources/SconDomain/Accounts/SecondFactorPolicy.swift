import Foundation

/// When two-factor sign-in is required and what a session without it may do. Roles that
/// move money or decide who holds roles (administrators, programme officers, fund managers)
/// need a second factor: a browser session of an account that holds one of them and has no
/// confirmed second factor works without those roles (the page asks to set one up). Granting
/// roles and booking money ask the session's person to confirm again once the last
/// confirmation is older than `reauthenticationWindow`.
public enum SecondFactorPolicy {
    /// The roles that require a second factor.
    public static let requiredFor: Set<Role> = [.administrator, .programmeOfficer, .fundManager]

    /// How long a sign-in (password and, when set up, the code) counts as recent: 10 minutes.
    public static let reauthenticationWindow: TimeInterval = 600

    /// How long the step between the password and the code may take: 10 minutes.
    public static let pendingLifetime: TimeInterval = 600

    /// Whether an account with these grants must set up a second factor.
    public static func isRequired(for grants: some Sequence<Grant>) -> Bool {
        grants.contains { requiredFor.contains($0.role) }
    }

    /// The grants a browser session works with, and those held back until a second factor is
    /// set up (sorted, for a stable message).
    public static func effective(_ grants: Set<Grant>, hasSecondFactor: Bool) -> (grants: Set<Grant>, heldBack: [Role]) {
        guard !hasSecondFactor else { return (grants, []) }
        let heldBack = grants.filter { requiredFor.contains($0.role) }
        return (grants.subtracting(heldBack), Set(heldBack.map(\.role)).sorted { $0.rawValue < $1.rawValue })
    }

    /// Whether a session last confirmed at `authenticatedAt` must confirm again before a
    /// sensitive action at `now` (never confirmed: yes).
    public static func needsReauthentication(authenticatedAt: Date?, now: Date) -> Bool {
        guard let authenticatedAt else { return true }
        return now.timeIntervalSince(authenticatedAt) > reauthenticationWindow || authenticatedAt > now.addingTimeInterval(60)
    }
}
