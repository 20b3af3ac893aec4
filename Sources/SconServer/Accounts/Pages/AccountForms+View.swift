import SconDomain
import Vapor

/// The sign-in and sign-up forms.
enum AccountForms {
    struct SignInModel { var email: String = ""; var next: String = "/"; var issues: [FieldIssue] = []; var notice: String?; var info: String? }
    struct SignUpModel {
        var email: String = ""; var displayName: String = ""; var language: Language = .en; var issues: [FieldIssue] = []; var notice: String?
        /// Where to go after signing in with the new account (a call's page, for instance).
        var next: String = "/"
    }

    static func signIn(_ context: PageContext, _ model: SignInModel) -> HTML {
        let notice: HTML = Components.alert(model.notice)
        let info: HTML = Components.notice(model.info)
        let body: HTML = """
        <div class="narrow">
        <h1>\(context["signin.title"])</h1>
        \(info)\(notice)\(Components.errorSummary(context, model.issues))
        <form method="post" action="\(AccountURL.signIn.path)" novalidate>
        \(context.csrfField)
        <input type="hidden" name="next" value="\(model.next)">
        \(Components.textField(context, model.issues, field: "email", name: "email", label: context["field.email"], value: model.email, type: "email", required: true, autocomplete: "username"))
        \(Components.textField(context, [], field: "password", name: "password", label: context["field.password"], value: nil, type: "password", required: true, autocomplete: "current-password"))
        <button type="submit" class="button">\(context["signin.submit"])</button>
        </form>
        <p>\(context["signin.noaccount"]) <a href="\(AccountURL.signUp.path)\(model.next == "/" ? "" : "?next=" + PercentEncoding.queryValue(model.next))">\(context["nav.signup"])</a></p>
        </div>
        """
        return Layout.page(context, title: context["signin.title"], body: body)
    }

    static func signUp(_ context: PageContext, _ model: SignUpModel) -> HTML {
        let languages = Language.allCases.map { (value: $0.rawValue, label: context["language.\($0.rawValue)"]) }
        let body: HTML = """
        <div class="narrow">
        <h1>\(context["signup.title"])</h1>
        <p>\(context["signup.intro"])</p>
        \(Components.alert(model.notice))\(Components.errorSummary(context, model.issues))
        <form method="post" action="\(AccountURL.signUp.path)" novalidate>
        \(context.csrfField)
        <input type="hidden" name="next" value="\(model.next)">
        \(Components.textField(context, model.issues, field: "email", name: "email", label: context["field.email"], value: model.email, type: "email", required: true, autocomplete: "email"))
        \(Components.textField(context, model.issues, field: "displayName", name: "displayName", label: context["field.displayName"], value: model.displayName, required: true, autocomplete: "name", maxLength: 100))
        \(Components.textField(context, model.issues, field: "password", name: "password", label: context["field.password"], value: nil, type: "password", required: true, autocomplete: "new-password", hint: context["signup.passwordHint"]))
        \(Components.select(context, field: "language", name: "language", label: context["field.language"], options: languages, selected: model.language.rawValue))
        <button type="submit" class="button">\(context["signup.submit"])</button>
        </form>
        </div>
        """
        return Layout.page(context, title: context["signup.title"], body: body)
    }
}
