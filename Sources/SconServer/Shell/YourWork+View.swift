import SconDomain
import Vapor

/// A signed-in person's home (`/home`): what is due, then one card per thing they own or
/// watch, each with its next actions. Someone without a role gets the way to start.
enum YourWorkPage {
    static func render(_ context: PageContext, due: [DueItem], cards: [HomeCard]) -> HTML {
        let rendered: [HTML] = cards.map { card in
            let lines: [HTML] = card.lines.map { "<li><a href=\"\($0.path)\">\($0.text)</a></li>" }
            let actions: [HTML] = card.actions.map { "<a class=\"button secondary\" href=\"\($0.path)\">\($0.text)</a>" }
            let empty: HTML = lines.isEmpty ? card.empty.map { "<p class=\"muted\">\($0)</p>" } ?? .empty : .empty
            return """
            <section class="home-card"><h2>\(card.title)</h2>\(empty)\(lines.isEmpty ? HTML.empty : "<ul class=\"plain\">\(lines)</ul>" as HTML)\
            \(actions.isEmpty ? HTML.empty : "<p class=\"actions\">\(actions)</p>" as HTML)</section>
            """
        }
        let nothing: HTML = due.isEmpty ? "<p class=\"muted\">\(context["work.nothingDue"])</p>" : .empty
        let body: HTML = """
        <h1>\(context["work.title"])</h1>
        \(DueList.render(context, due))\(nothing)
        <div class="home-cards">\(rendered)</div>
        """
        return Layout.page(context, title: context["work.title"], current: "work.title", body: body)
    }
}
