import SconDomain
import Vapor

/// The projects: code, title, place, support and stage; and one project.
enum ProjectListPage {
    struct Row {
        var project: Project
        var place: String
    }

    static func render(_ context: PageContext, _ rows: [Row]) -> HTML {
        let body: [HTML] = rows.map { row in
            """
            <tr><td>\(row.project.code)</td><th scope="row"><a href="\(SiteURL.project(.value(row.project.id ?? UUID())).path)">\(row.project.title)</a> \(Components.sampleBadge(context, row.project.sample))</th>\
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
        <p class="notice">\(context["projects.soFar"])</p>
        \(table)
        """
        return Layout.page(context, title: context["area.projects.name"], current: "nav.projects", body: html)
    }
}

enum ProjectShowPage {
    static func render(_ context: PageContext, project: Project, place: String, organisation: String, callTitle: String?) -> HTML {
        let way: [HTML] = ProjectStage.way.map { stage in
            let current: HTML = stage == project.projectStage ? " aria-current=\"step\" class=\"current\"" : ""
            return "<li\(current)>\(context["stage.\(stage.rawValue)"])</li>"
        }
        let call: HTML = project.callID.map { "<a href=\"\(SiteURL.call(.value($0)).path)\">\(callTitle ?? "")</a>" } ?? "\(context["common.none"])"
        let body: HTML = """
        <p class="breadcrumb"><a href="\(SiteURL.projects.path)">\(context["area.projects.name"])</a></p>
        <h1>\(project.code) \(project.title) \(Components.sampleBadge(context, project.sample))</h1>
        <dl class="facts">
        \(Components.definition(context["projects.stage"], "<span class=\"badge badge-state\">\(context["stage.\(project.stage)"])</span>"))
        \(Components.definition(context["selection.place"], "\(place)"))
        \(Components.definition(context["proposalfield.organisation"], "\(organisation)"))
        \(Components.definition(context["proposalfield.supportType"], "\(context["supporttype.\(project.supportType)"])"))
        \(Components.definition(context["projects.origin"], call))
        </dl>
        <h2>\(context["projects.way"])</h2>
        <ol class="stages">\(way)</ol>
        """
        return Layout.page(context, title: project.title, current: "nav.projects", body: body)
    }
}
