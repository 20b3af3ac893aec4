import SconDomain
import Vapor

/// The second step of a page action that cannot be undone (start the review, confirm the
/// selection, submit a review, drop a project, revoke a certificate…). Without JavaScript:
/// the first POST, without `confirm=yes`, writes nothing and answers a page (200) that says
/// what will happen and that it cannot be undone, carries the submitted fields again as hidden
/// inputs (escaped, with a fresh CSRF field), and offers "Yes, …" (the same POST with
/// `confirm=yes`) and "Back". Only the confirmed POST acts. The API is unchanged: its clients
/// confirm in their own way.
struct ConfirmStep: Sendable {
    /// The question, as the page's heading: "Start the review of this call?"
    var title: String
    /// What will happen, in a sentence or two.
    var consequence: String
    /// The button that acts: "Yes, start the review".
    var yes: String
    /// Where "Back" leads (the page the form was on).
    var back: String
    /// Destroys or ends something (drop, withdraw, revoke, cancel): a red button.
    var destructive = false
    /// What the action is about (a call's or a project's title), shown under the heading.
    var subject: String?
    /// What cannot be undone, when it is not the whole action ("Notices already sent cannot be
    /// recalled."); by default "This cannot be undone."
    var final: String?
}

extension Components {
    /// The field that says the second step was taken.
    static let confirmField = "confirm"

    /// True when the POST carries `confirm=yes`: act now.
    static func isConfirmed(_ req: Request) -> Bool {
        (try? req.content.get(String.self, at: confirmField)) == "yes"
    }

    /// nil when the POST is confirmed (the caller acts); otherwise the confirmation page, having
    /// written nothing. Callers ask only when the action would be allowed for this user in this
    /// state, so that a refusal (403/404/409/422) reads as before, without a confirmation first.
    static func confirmStep(_ req: Request, _ step: ConfirmStep) async throws -> Response? {
        guard !isConfirmed(req) else { return nil }
        let response = try await confirmPage(req, step).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func confirmPage(_ req: Request, _ step: ConfirmStep) -> HTML {
        let context = PageContext(request: req)
        let hidden: [HTML] = submittedFields(req)
            .filter { $0.name != CSRFProtection.fieldName && $0.name != confirmField }
            .map { "<input type=\"hidden\" name=\"\($0.name)\" value=\"\($0.value)\">" }
        var action = req.url.path
        if let query = req.url.query, !query.isEmpty { action += "?" + query }
        let subject: HTML = step.subject.map { "<p class=\"confirm-subject\">\($0)</p>" } ?? .empty
        let body: HTML = """
        <section class="confirm-step\(step.destructive ? " confirm-danger" : "")" aria-labelledby="confirm-title">
        <h1 id="confirm-title">\(step.title)</h1>
        \(subject)
        <p>\(step.consequence)</p>
        <p class="confirm-final"><strong>\(step.final ?? context["confirm.final"])</strong></p>
        <form method="post" action="\(action)">\(context.csrfField)\(hidden)<input type="hidden" name="\(confirmField)" value="yes">
        <div class="actions"><button type="submit" class="button\(step.destructive ? " danger" : "")">\(step.yes)</button>
        <a class="button-back" href="\(step.back)">\(context["confirm.back"])</a></div>
        </form>
        </section>
        """
        return Layout.page(context, title: step.title, body: body)
    }

    /// The fields of a URL-encoded form body, in their order, repeated names kept.
    static func submittedFields(_ req: Request) -> [(name: String, value: String)] {
        guard req.headers.contentType == .urlEncodedForm, let body = req.body.string else { return [] }
        func decode(_ part: Substring) -> String {
            String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
        }
        return body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first, !name.isEmpty else { return nil }
            return (decode(name), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
