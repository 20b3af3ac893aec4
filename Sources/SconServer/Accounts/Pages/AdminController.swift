import Fluent
import SconDomain
import Vapor

/// The administrators' pages: accounts and their roles.
struct AdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.signedIn.get(AccountURL.adminUsers, use: users)
        routes.signedIn.recentlySignedIn.post(AccountURL.adminUserGrants(.key), use: grant)
        routes.signedIn.recentlySignedIn.post(AccountURL.adminGrant(.key), use: revoke)
    }

    struct GrantForm: Content { var role: String?; var scopeKind: String?; var scopeID: String? }

    @Sendable func users(_ req: Request) async throws -> HTML {
        try req.principal.require(AccountAccess.allows(req.principal, .manageAccounts), "manage accounts")
        return AdminUsersPage.render(PageContext(request: req), try await model(req))
    }

    @Sendable func grant(_ req: Request) async throws -> Response {
        try req.principal.require(AccountAccess.allows(req.principal, .manageAccounts), "manage roles")
        let userID = try req.uuid()
        let form = try req.content.decode(GrantForm.self)
        do {
            let grant = try Grant.validated(role: form.role, scopeKind: form.scopeKind, scopeID: form.scopeID)
            try await GrantStore(db: req.db).grant(grant, to: userID, by: req.principal)
            req.logger.notice("role granted", metadata: ["user": .string(userID.uuidString), "role": .string(grant.role.rawValue),
                                                        "by": .string(req.principal.userID?.uuidString ?? "")])
            return req.redirect(to: AccountURL.adminUsers.path + "#u-\(userID.uuidString.lowercased())", redirectType: .normal)
        } catch DomainError.invalid(let issues) {
            var model = try await model(req)
            model.issues = issues
            model.failedUser = userID
            return try await AdminUsersPage.render(PageContext(request: req), model).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    @Sendable func revoke(_ req: Request) async throws -> Response {
        let userID = try await GrantStore(db: req.db).revoke(try req.uuid(), by: req.principal)
        return req.redirect(to: AccountURL.adminUsers.path + "#u-\(userID.uuidString.lowercased())", redirectType: .normal)
    }

    private func model(_ req: Request) async throws -> AdminUsersPage.Model {
        let query = (req.queryItem("q") ?? "").trimmingCharacters(in: .whitespaces)
        var users = User.query(on: req.db).sort(\.$email).limit(200)
        if !query.isEmpty {
            users = users.group(.or) { $0.filter(\.$email ~~ query.lowercased()).filter(\.$displayName ~~ query) }
        }
        let list = try await users.all()
        let grants = try await RoleGrant.query(on: req.db).filter(\.$userID ~~ list.compactMap(\.id)).all()
        let byUser = Dictionary(grouping: grants, by: \.userID)
        return AdminUsersPage.Model(query: query, rows: try list.map { user in
            AdminUsersPage.Row(user: user, grants: try (byUser[user.storedID] ?? []).map { ($0, try $0.grant) })
        })
    }
}
