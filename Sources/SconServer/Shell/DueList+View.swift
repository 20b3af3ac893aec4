import SconDomain
import Vapor

/// "What is due": the person's open tasks in the call, the nearest deadline first.
enum DueList {
    static func render(_ context: PageContext, _ items: [DueItem]) -> HTML {
        let now = context.request.now
        guard !items.isEmpty else { return .empty }
        let rows: [HTML] = items.map { item in
            let when: HTML = item.due.map { due in
                let days = Int(due.timeIntervalSince(now) / 86_400)
                let left = days >= 1 ? context.strings.format("due.days", ["n": String(days)]) : context["due.today"]
                return " — \(context.strings.format("due.until", ["time": DueText.readable(item.dueText ?? "")])) (\(left))"
            } ?? .empty
            return "<li><span class=\"badge badge-state\">\(context[item.kind])</span> <a href=\"\(item.path)\">\(item.title)</a>\(when)</li>"
        }
        return """
        <section aria-labelledby="due" class="due"><h2 id="due">\(context["due.title"])</h2><ul class="plain">\(rows)</ul></section>
        """
    }
}

/// A due time as people read it: `2026-12-21T18:00` → `2026-12-21 18:00`; only the `T` between
/// a day and a time is replaced (a text such as `2026-12-21 (UTC)` keeps its letters).
enum DueText {
    static func readable(_ text: String) -> String {
        text.replacing(/(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/) { "\($0.output.1) \($0.output.2)" }
    }
}
