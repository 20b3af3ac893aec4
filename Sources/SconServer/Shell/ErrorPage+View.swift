import SconDomain
import Vapor

/// A page for an error, in the visitor's language.
struct ErrorPage {
    var status: HTTPResponseStatus
    var problem: Problem

    func render(_ context: PageContext) -> HTML {
        let key = "error.status.\(status.code)"
        let title = context.strings.has(key) ? context[key] : status.reasonPhrase
        let fields: [HTML] = (problem.errors ?? []).map { "<li>\($0.field): \($0.detail)</li>" }
        let body: HTML = """
        <h1>\(title)</h1>
        <p>\(problem.detail ?? "")</p>
        \(fields.isEmpty ? HTML.empty : "<ul>\(fields)</ul>")
        <p><a href="/">\(context["error.home"])</a></p>
        """
        return Layout.page(context, title: title, body: body)
    }
}
