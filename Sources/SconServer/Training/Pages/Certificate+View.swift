import SconDomain
import Vapor

/// The public verification page of a certificate and the printable certificate; both carry
/// the QR code of the verification page's absolute address, drawn by the app as inline SVG.
enum CertificatePages {
    /// The QR code of `url` as inline SVG (or nothing, if it cannot be drawn).
    static func qr(_ url: String, title: String) -> HTML {
        guard let code = try? QRCode.encode(url, correction: .medium) else { return .empty }
        return HTML(raw: code.svg(moduleSize: 4, quietZone: 4, title: title))
    }

    static func status(_ context: PageContext, _ verification: CertificateVerification) -> HTML {
        switch verification.status {
        case .valid: return "<p class=\"certificate-status valid\" role=\"status\">\(context["certificate.isValid"])</p>"
        case .revoked:
            return "<p class=\"certificate-status revoked\" role=\"status\">\(context.strings.format("certificate.isRevoked", ["day": verification.revokedOn?.description ?? ""]))</p>"
        }
    }

    static func verification(_ context: PageContext, _ verification: CertificateVerification, url: String, sample: Bool, mayPrint: Bool, mayRevoke: Bool,
                             issues: [FieldIssue] = [], refusal: String? = nil) -> HTML {
        let language = context.language
        let print: HTML = mayPrint ? "<p><a href=\"\(TrainingURL.printable(.value(verification.code.description)).path)\">\(context["certificate.print"])</a></p>" : .empty
        let revoke: HTML = mayRevoke && verification.status == .valid ? """
        <h2>\(context["certificate.revokeTitle"])</h2>
        \(Components.alert(refusal))
        \(Components.errorSummary(context, issues))
        <form method="post" action="\(TrainingURL.revoke(.value(verification.code.description)).path)">
        \(context.csrfField)
        \(Components.textArea(context, issues, field: "reason", name: "reason", label: context["certificate.reason"], value: nil, hint: context["certificate.reasonHint"]))
        <button type="submit" class="button danger">\(context["certificate.revoke"])</button>
        </form>
        """ : .empty
        let body: HTML = """
        <div class="certificate-verification">
        <h1>\(context["certificate.verificationTitle"]) \(Components.sampleBadge(context, sample))</h1>
        \(status(context, verification))
        <dl class="facts">
        \(Components.definition(context["certificate.code"], "<span class=\"code\">\(verification.code.description)</span>"))
        \(Components.definition(context["field.name"], "\(verification.name)"))
        \(Components.definition(context["certificate.programme"], "\(verification.programme.text(in: language))"))
        \(Components.definition(context["certificate.cohort"], "\(verification.cohort.text(in: language))"))
        \(Components.definition(context["training.dates"], "\(verification.dates.start.description) – \(verification.dates.end.description)"))
        </dl>
        <figure class="certificate-qr">\(qr(url, title: context["certificate.qrTitle"]))<figcaption>\(url)</figcaption></figure>
        <p class="hint">\(context["certificate.verificationNote"])</p>
        \(print)
        </div>
        \(revoke)
        """
        return Layout.page(context, title: context["certificate.verificationTitle"], current: "nav.training", body: body)
    }

    /// The certificate to print: its own plain page (no site navigation), A4 landscape in print.
    static func printable(_ context: PageContext, _ verification: CertificateVerification, url: String, sample: Bool) -> HTML {
        let language = context.language
        let revoked: HTML = verification.status == .revoked ? status(context, verification) : .empty
        return """
        <!doctype html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(context["certificate.title"]) · \(verification.name) · K-SCON</title>
        <link rel="stylesheet" href="\(ShellURL.stylesheet.path)">
        </head>
        <body class="certificate-page">
        <p class="certificate-back"><a href="\(TrainingURL.certificate(.value(verification.code.description)).path)">\(context["certificate.backToVerification"])</a></p>
        <main id="main" class="certificate">
        \(revoked)
        \(sample ? "<p class=\"certificate-status revoked\">\(context["certificate.sampleNotice"])</p>" as HTML : .empty)
        <p class="certificate-issuer">\(context["certificate.issuer"])</p>
        <h1>\(context["certificate.title"])</h1>
        <p class="certificate-name">\(verification.name)</p>
        <p class="certificate-text">\(context.strings.format("certificate.text", ["programme": verification.programme.text(in: language), "cohort": verification.cohort.text(in: language),
                                                                                   "start": verification.dates.start.description, "end": verification.dates.end.description]))</p>
        <div class="certificate-footer">
        <figure class="certificate-qr">\(qr(url, title: context["certificate.qrTitle"]))</figure>
        <p>\(context["certificate.code"]): <span class="code">\(verification.code.description)</span><br>\(context["certificate.verifyAt"]) <span class="url">\(url)</span></p>
        </div>
        </main>
        </body>
        </html>
        """
    }
}
