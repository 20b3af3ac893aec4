import SconDomain
import Vapor

/// The page of a part of the platform that is not built yet: says so plainly, never an error.
enum AreaPage {
    static func render(_ context: PageContext, _ area: ShellURL.Area) -> HTML {
        let name = context["area.\(area.rawValue).name"]
        let body: HTML = """
        <h1>\(name)</h1>
        <p class="lead">\(context["area.\(area.rawValue).text"])</p>
        <div class="notice" role="status"><p>\(context["area.notyet"])</p></div>
        <p><a href="\(DirectoryURL.organisations.path)">\(context["area.meanwhile"])</a></p>
        """
        return Layout.page(context, title: name, current: "area.\(area.rawValue).name", body: body)
    }
}

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
