import Fluent
import Foundation
import SconDomain
import Vapor

/// Accounts: sign-up and sign-in, sessions, API tokens, roles and their administration.
struct AccountsContext: SconContext {
    let name = "Accounts"

    var migrations: [any Migration] {
        [CreateUser(), CreateRoleGrant(), CreateAPIToken(), CreateUserSession(), CreateSignInAttempt(), UpdateAccountsAddIndexes(),
         UpdateAccountsAddSecondFactor()]
    }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: AccountController())
        try routes.app.register(collection: SecondFactorController())
        try routes.app.register(collection: PasswordController())
        try routes.app.register(collection: AdminController())
        try routes.app.register(collection: AccountAPIController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .account, order: 90, label: "nav.admin", route: AccountURL.adminUsers,
                         isShown: { AccountAccess.allows($0, .manageAccounts) })]
    }

    var strings: StringTable { Self.table }

    var tools: ContextTools { ContextTools(commands: ["user": UserCommand(), "token": TokenCommand()]) }
}
