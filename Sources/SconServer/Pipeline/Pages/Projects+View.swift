import SconDomain
import Vapor

/// The projects: code, title, place, support and stage.
enum ProjectListPage {
    struct Row {
        var project: Project
        var place: String
    }

    static func render(_ context: PageContext, _ rows: [Row]) -> HTML {
        let body: [HTML] = rows.map { row in
            """
            <tr><td>\(row.project.code)</td><th scope="row"><a href="\(ProjectURL.project(.value(row.project.storedID)).path)">\(row.project.title)</a> \(Components.sampleBadge(context, row.project.sample))</th>\
            <td>\(row.place)</td><td>\(context["supporttype.\(row.project.supportType)"])</td><td><span class="badge badge-state">\(context["stage.\(row.project.stage)"])</span></td></tr>
            """
        }
        let table: HTML = body.isEmpty ? "<p>\(context["projects.none"])</p>" : """
            <table class="list"><caption class="visually-hidden">\(context["area.projects.name"])</caption>
            <thead><tr><th scope="col">\(context["proposals.code"])</th><th scope="col">\(context["proposalfield.title"])</th><th scope="col">\(context["selection.place"])</th>\
            <th scope="col">\(context["proposalfield.supportType"])</th><th scope="col">\(context["projects.stage"])</th></tr></thead><tbody>\(body)</tbody></table>
            """
        let html: HTML = """
        <h1>\(context["area.projects.name"])</h1>
        <p class="lead">\(context["area.projects.text"])</p>
        \(table)
        """
        return Layout.page(context, title: context["area.projects.name"], current: "nav.projects", body: html)
    }
}
