import SconDomain
import Vapor

/// The projects: code, title, place, support and stage.
enum ProjectListPage {
    struct Row {
        var project: Project
        var place: String
    }

    struct Model {
        var rows: [Row]
        var filter: ProjectQuery.Filter
        var next: PageCursor?
        var isFirstPage: Bool
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let body: [HTML] = model.rows.map { row in
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
        \(Pagination.links(context, base: ProjectURL.projects.path, query: query(model.filter), next: model.next, isFirstPage: model.isFirstPage))
        """
        return Layout.page(context, title: context["area.projects.name"], current: "nav.projects", body: html)
    }

    static func query(_ filter: ProjectQuery.Filter) -> [(String, String)] {
        var items: [(String, String)] = []
        if let stage = filter.stage { items.append(("stage", stage.rawValue)) }
        if let country = filter.country { items.append(("country", country.value)) }
        return items
    }
}
