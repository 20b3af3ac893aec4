import SconDomain
import Vapor

/// The pages of two-factor sign-in: the code at sign-in, setting up an authenticator, the
/// recovery codes (shown once), and managing it.
enum SecondFactorPages {
    struct CodeModel { var next: String = "/"; var issues: [FieldIssue] = []; var notice: String?; var expired = false }

    /// The second step of sign-in.
    static func signInCode(_ context: PageContext, _ model: CodeModel) -> HTML {
        let body: HTML = model.expired ? """
            <div class="narrow">
            <h1>\(context["twofactor.signin.title"])</h1>
            <p>\(context["twofactor.signin.expired"])</p>
            <p><a class="button" href="\(AccountURL.signIn.path)?next=\(PercentEncoding.queryValue(model.next))">\(context["signin.submit"])</a></p>
            </div>
            """ : """
            <div class="narrow">
            <h1>\(context["twofactor.signin.title"])</h1>
            <p>\(context["twofactor.signin.intro"])</p>
            \(Components.alert(model.notice))\(Components.errorSummary(context, codeIssues(model.issues)))
            <form method="post" action="\(AccountURL.signInSecondFactor.path)" novalidate>
            \(context.csrfField)
            <input type="hidden" name="next" value="\(model.next)">
            \(codeField(context, model.issues))
            <button type="submit" class="button">\(context["twofactor.signin.submit"])</button>
            </form>
            <p class="hint">\(context["twofactor.signin.lost"])</p>
            </div>
            """
        return Layout.page(context, title: context["twofactor.signin.title"], body: body)
    }

    struct EnrolModel {
        var uri: String
        var typedSecret: String
        var required: Bool
        var next: String
        var issues: [FieldIssue] = []
    }

    /// Setting up: the QR code, the secret to type, and the first code to confirm it.
    static func enrol(_ context: PageContext, _ model: EnrolModel) -> HTML {
        let qr: HTML = (try? QRCode.encode(model.uri, correction: .medium)).map {
            HTML(raw: $0.svg(moduleSize: 4, quietZone: 4, title: context["twofactor.enrol.qr"]))
        } ?? .empty
        let required: HTML = model.required ? "<p class=\"notice\" role=\"status\">\(context["twofactor.enrol.required"])</p>" : .empty
        let body: HTML = """
        <div class="narrow">
        <h1>\(context["twofactor.enrol.title"])</h1>
        \(required)
        <p>\(context["twofactor.enrol.intro"])</p>
        <ol>
        <li>\(context["twofactor.enrol.step1"])</li>
        <li>\(context["twofactor.enrol.step2"])
        <div class="qr">\(qr)</div>
        <p>\(context["twofactor.enrol.typed"]) <code class="token">\(model.typedSecret)</code></p></li>
        <li>\(context["twofactor.enrol.step3"])</li>
        </ol>
        \(Components.errorSummary(context, codeIssues(model.issues)))
        <form method="post" action="\(AccountURL.accountTwoFactor.path)" novalidate>
        \(context.csrfField)
        <input type="hidden" name="next" value="\(model.next)">
        \(codeField(context, model.issues))
        <button type="submit" class="button">\(context["twofactor.enrol.submit"])</button>
        </form>
        </div>
        """
        return Layout.page(context, title: context["twofactor.enrol.title"], body: body)
    }

    /// The recovery codes, once, right after they are made.
    static func recoveryCodes(_ context: PageContext, _ codes: [String], next: String) -> HTML {
        let items: [HTML] = codes.map { "<li><code>\($0)</code></li>" }
        let body: HTML = """
        <div class="narrow">
        <h1>\(context["twofactor.codes.title"])</h1>
        <p class="notice" role="status">\(context["twofactor.codes.intro"])</p>
        <ol class="recovery-codes">\(items)</ol>
        <p><a class="button" href="\(next)">\(context["twofactor.codes.done"])</a></p>
        </div>
        """
        return Layout.page(context, title: context["twofactor.codes.title"], body: body)
    }

    struct ManageModel { var confirmedAt: Date?; var codesLeft: Int; var issues: [FieldIssue] = []; var failedForm: String? }

    /// Two-factor sign-in is on: new recovery codes, or turning it off (each with a code).
    static func manage(_ context: PageContext, _ model: ManageModel) -> HTML {
        let issues = { (form: String) in model.failedForm == form ? model.issues : [] }
        let body: HTML = """
        <div class="narrow">
        <h1>\(context["twofactor.manage.title"])</h1>
        <p class="notice" role="status">\(context.strings.format("twofactor.manage.on", ["day": DateText.day(model.confirmedAt, context)]))</p>
        <p>\(context.strings.format("twofactor.manage.codesLeft", ["count": String(model.codesLeft)]))</p>
        <h2 id="renew">\(context["twofactor.manage.renew"])</h2>
        \(Components.errorSummary(context, codeIssues(issues("renew"), id: "totp-renew")))
        <form method="post" action="\(AccountURL.accountTwoFactorRecovery.path)" novalidate>
        \(context.csrfField)
        \(codeField(context, issues("renew"), id: "totp-renew"))
        <button type="submit" class="button">\(context["twofactor.manage.renewSubmit"])</button>
        </form>
        <h2 id="disable">\(context["twofactor.manage.disable"])</h2>
        <p>\(context["twofactor.manage.disableIntro"])</p>
        \(Components.errorSummary(context, codeIssues(issues("disable"), id: "totp-disable")))
        <form method="post" action="\(AccountURL.accountTwoFactorDisable.path)" novalidate>
        \(context.csrfField)
        \(codeField(context, issues("disable"), id: "totp-disable"))
        <button type="submit" class="button danger">\(context["twofactor.manage.disableSubmit"])</button>
        </form>
        </div>
        """
        return Layout.page(context, title: context["twofactor.manage.title"], body: body)
    }

    /// The stores name the code `code`; the pages' inputs are `totp…` (a label of their own).
    static func codeIssues(_ issues: [FieldIssue], id: String = "totp") -> [FieldIssue] {
        issues.map { FieldIssue(field: $0.field == "code" ? id : $0.field, code: $0.code, detail: $0.detail) }
    }

    /// The code input: digits or a recovery code, never remembered by the browser.
    static func codeField(_ context: PageContext, _ issues: [FieldIssue], id: String = "totp") -> HTML {
        Components.textField(context, codeIssues(issues, id: id), field: id, name: "code", label: context["field.\(id)"], value: nil,
                                    required: true, autocomplete: "one-time-code", hint: context["twofactor.code.hint"], maxLength: 12)
    }
}
