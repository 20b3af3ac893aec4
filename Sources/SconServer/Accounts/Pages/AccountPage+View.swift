import SconDomain
import Vapor

/// The signed-in user's page: profile, roles, personal API tokens.
enum AccountPage {
    struct Model {
        var user: SignedInUser
        var grants: [Grant]
        var tokens: [APIToken]
        var newToken: String?
        var issues: [FieldIssue] = []
        var eraseIssues: [FieldIssue] = []
        var twoFactorOn = false
        var passwordChanged = false
        /// The Directory's section: the person's organisations, asking to join one, their requests.
        var organisations: HTML = .empty
        /// The e-mail preferences block (Notices).
        var email: HTML = .empty
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let roles: [HTML] = model.grants.map { "<li>\(RoleText.describe($0, context))</li>" }
        let rolesHTML: HTML = roles.isEmpty ? "<p>\(context["account.noroles"])</p>" : "<ul>\(roles)</ul>"
        let newToken: HTML = model.newToken.map {
            """
            <div class="notice" role="status">
            <p>\(context["tokens.created"])</p>
            <p><code class="token">\($0)</code></p>
            </div>
            """
        } ?? .empty
        let rows: [HTML] = model.tokens.map { token in
            let state: HTML = token.revokedAt == nil
                ? """
                  <form method="post" action="\(AccountURL.accountToken(.value(token.id!)).path)">\(context.csrfField)<button type="submit" class="link-button">\(context["tokens.revoke"])</button></form>
                  """
                : "\(context["tokens.revoked"])"
            return "<tr><td>\(token.name)</td><td><code>…\(token.hint)</code></td><td>\(DateText.day(token.createdAt, context))</td><td>\(DateText.day(token.lastUsedAt, context))</td><td>\(state)</td></tr>"
        }
        let table: HTML = rows.isEmpty ? "<p>\(context["tokens.none"])</p>" : """
            <table><caption class="visually-hidden">\(context["tokens.title"])</caption>
            <thead><tr><th scope="col">\(context["tokens.name"])</th><th scope="col">\(context["tokens.hint"])</th><th scope="col">\(context["tokens.createdAt"])</th><th scope="col">\(context["tokens.lastUsed"])</th><th scope="col">\(context["tokens.state"])</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
        <h1>\(context["account.title"])</h1>
        <dl class="facts">
        \(Components.definition(context["field.displayName"], "\(model.user.displayName)"))
        \(Components.definition(context["field.email"], "\(model.user.email)"))
        </dl>
        \(Components.notice(model.passwordChanged ? context["password.changed"] : nil))
        <h2>\(context["account.roles"])</h2>
        \(rolesHTML)
        \(model.organisations)
        <h2 id="security">\(context["account.security"])</h2>
        <ul>
        <li><a href="\(AccountURL.accountPassword.path)">\(context["password.title"])</a></li>
        <li>\(context[model.twoFactorOn ? "twofactor.state.on" : "twofactor.state.off"]) — <a href="\(AccountURL.accountTwoFactor.path)">\(context[model.twoFactorOn ? "twofactor.manage.title" : "twofactor.enrol.title"])</a></li>
        </ul>
        \(ReviewAccess.allows(context.principal, .keepReviewerProfile) ? "<p><a href=\"\(ReviewURL.reviewerProfile.path)\">\(context["reviewer.title"])</a></p>" as HTML : .empty)
        \(model.email)
        <h2 id="tokens">\(context["tokens.title"])</h2>
        <p>\(context["tokens.intro"])</p>
        \(newToken)
        \(table)
        \(Components.errorSummary(context, model.issues))
        <form method="post" action="\(AccountURL.accountTokens.path)" class="inline-form">
        \(context.csrfField)
        \(Components.textField(context, model.issues, field: "name", name: "name", label: context["tokens.name"], value: nil, required: true, maxLength: 80))
        <button type="submit" class="button">\(context["tokens.create"])</button>
        </form>
        <h2 id="data">\(context["mydata.title"])</h2>
        <p>\(context["mydata.intro"]) <a href="\(AccountAPI.myData.path)" download>\(context["mydata.download"])</a></p>
        <h3 id="erase">\(context["erase.title"])</h3>
        <p>\(context["erase.intro"])</p>
        \(Components.errorSummary(context, model.eraseIssues))
        <form method="post" action="\(AccountURL.accountErase.path)" class="danger-zone">
        \(context.csrfField)
        \(Components.textField(context, model.eraseIssues, field: "password", name: "password", label: context["field.password"], value: nil, type: "password", required: true, autocomplete: "current-password"))
        <p><label><input type="checkbox" name="confirm" value="yes"> \(context["erase.confirm"])</label></p>
        <button type="submit" class="button danger">\(context["erase.submit"])</button>
        </form>
        """
        return Layout.page(context, title: context["account.title"], body: body)
    }
}

/// Role grants in words: "Organisation member — Sample Hanbit Smart Mobility".
enum RoleText {
    static func describe(_ grant: Grant, _ context: PageContext, scopeName: String? = nil) -> HTML {
        let role = context["role.\(grant.role.rawValue)"]
        guard grant.scope.kind != .global else { return "\(role) (\(context["scope.global"]))" }
        return "\(role) — \(context["scope.\(grant.scope.kind.rawValue)"]) \(scopeName ?? grant.scope.id ?? "")"
    }
}

/// Dates as people read them: in UTC, `YYYY-MM-DD`.
enum DateText {
    static func day(_ date: Date?, _ context: PageContext) -> String {
        guard let date else { return context["common.never"] }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
