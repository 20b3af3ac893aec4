import SconDomain
import Vapor

/// Changing the password, and confirming who you are before granting roles or booking money.
enum PasswordPages {
    static func change(_ context: PageContext, issues: [FieldIssue] = []) -> HTML {
        let body: HTML = """
        <div class="narrow">
        <h1>\(context["password.title"])</h1>
        <p>\(context["password.intro"])</p>
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(AccountURL.accountPassword.path)" novalidate>
        \(context.csrfField)
        \(Components.textField(context, issues, field: "current", name: "current", label: context["field.current"], value: nil, type: "password", required: true, autocomplete: "current-password"))
        \(Components.textField(context, issues, field: "new", name: "new", label: context["field.new"], value: nil, type: "password", required: true, autocomplete: "new-password", hint: context["signup.passwordHint"]))
        \(Components.textField(context, issues, field: "repeat", name: "repeat", label: context["field.repeat"], value: nil, type: "password", required: true, autocomplete: "new-password"))
        <button type="submit" class="button">\(context["password.submit"])</button>
        </form>
        </div>
        """
        return Layout.page(context, title: context["password.title"], body: body)
    }

    /// "Confirm it is you": the password, and the code when two-factor sign-in is on; then back
    /// to `next` to do again what was asked.
    static func confirm(_ context: PageContext, next: String, withCode: Bool, issues: [FieldIssue] = []) -> HTML {
        let code: HTML = withCode ? SecondFactorPages.codeField(context, issues) : .empty
        let body: HTML = """
        <div class="narrow">
        <h1>\(context["confirm.title"])</h1>
        <p>\(context["confirm.intro"])</p>
        \(Components.errorSummary(context, SecondFactorPages.codeIssues(issues)))
        <form method="post" action="\(AccountURL.accountConfirm.path)" novalidate>
        \(context.csrfField)
        <input type="hidden" name="next" value="\(next)">
        \(Components.textField(context, issues, field: "password", name: "password", label: context["field.password"], value: nil, type: "password", required: true, autocomplete: "current-password"))
        \(code)
        <button type="submit" class="button">\(context["confirm.submit"])</button>
        </form>
        </div>
        """
        return Layout.page(context, title: context["confirm.title"], body: body)
    }
}
