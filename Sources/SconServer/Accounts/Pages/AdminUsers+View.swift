import SconDomain
import Vapor

/// Administrators: every account with its roles, a form to grant a role, a button to revoke one.
enum AdminUsersPage {
    struct Row { var user: User; var grants: [(row: RoleGrant, grant: Grant)] }
    struct Model { var query: String; var rows: [Row]; var issues: [FieldIssue] = []; var failedUser: UUID? }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let roleOptions = Role.allCases.map { (value: $0.rawValue, label: context["role.\($0.rawValue)"]) }
        let scopeOptions = ScopeKind.allCases.map { (value: $0.rawValue, label: context["scope.\($0.rawValue)"]) }
        let rows: [HTML] = model.rows.map { row in
            let id = row.user.id!
            let grants: [HTML] = row.grants.map { stored in
                """
                <li>\(RoleText.describe(stored.grant, context)) <form method="post" action="\(AccountURL.adminGrant(.value(stored.row.storedID)).path)" class="inline">\(context.csrfField)<button type="submit" class="link-button">\(context["admin.revoke"])</button></form></li>
                """
            }
            let issues = model.failedUser == id ? model.issues : []
            return """
            <section class="card" aria-labelledby="u-\(id.uuidString.lowercased())">
            <h2 id="u-\(id.uuidString.lowercased())">\(row.user.displayName) <small>\(row.user.email)</small></h2>
            <ul>\(grants)</ul>
            \(Components.errorSummary(context, issues))
            <form method="post" action="\(AccountURL.adminUserGrants(.value(id)).path)" class="grant-form">
            \(context.csrfField)
            \(Components.select(context, field: "role-\(id.uuidString.lowercased())", name: "role", label: context["admin.role"], options: roleOptions, selected: nil))
            \(Components.select(context, field: "scope-\(id.uuidString.lowercased())", name: "scopeKind", label: context["admin.scopeKind"], options: scopeOptions, selected: nil))
            \(Components.textField(context, issues, field: "scope.id", name: "scopeID", label: context["admin.scopeID"], value: nil, hint: context["admin.scopeHint"]))
            <button type="submit" class="button">\(context["admin.grant"])</button>
            </form>
            </section>
            """
        }
        let body: HTML = """
        <h1>\(context["admin.title"])</h1>
        <form method="get" action="\(AccountURL.adminUsers.path)" class="filters" role="search">
        \(Components.textField(context, [], field: "q", name: "q", label: context["admin.search"], value: model.query, type: "search"))
        <button type="submit" class="button">\(context["common.search"])</button>
        </form>
        \(rows)
        """
        return Layout.page(context, title: context["admin.title"], body: body)
    }
}
