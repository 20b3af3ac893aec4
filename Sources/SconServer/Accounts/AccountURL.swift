import Foundation
import Vapor

/// The pages of accounts: sign-up, sign-in, the account and its tokens, administration.
enum AccountURL: SiteRoute {
    case signIn
    case signInSecondFactor
    case signUp
    case signOut
    case account
    case accountTokens
    case accountToken(Parameter<UUID>)
    case accountErase
    case accountPassword
    case accountConfirm
    case accountTwoFactor
    case accountTwoFactorRecovery
    case accountTwoFactorDisable
    case adminUsers
    case adminUserGrants(Parameter<UUID>)
    case adminGrant(Parameter<UUID>)

    var pathComponents: [PathComponent] {
        switch self {
        case .signIn: return ["signin"]
        case .signInSecondFactor: return ["signin", "second-factor"]
        case .signUp: return ["signup"]
        case .signOut: return ["signout"]
        case .account: return ["account"]
        case .accountTokens: return ["account", "tokens"]
        case .accountToken(let id): return ["account", "tokens", Self.segment(.id, id), "revoke"]
        case .accountErase: return ["account", "erase"]
        case .accountPassword: return ["account", "password"]
        case .accountConfirm: return ["account", "confirm"]
        case .accountTwoFactor: return ["account", "two-factor"]
        case .accountTwoFactorRecovery: return ["account", "two-factor", "recovery-codes"]
        case .accountTwoFactorDisable: return ["account", "two-factor", "disable"]
        case .adminUsers: return ["admin", "users"]
        case .adminUserGrants(let id): return ["admin", "users", Self.segment(.id, id), "grants"]
        case .adminGrant(let id): return ["admin", "grants", Self.segment(.id, id), "revoke"]
        }
    }
}
