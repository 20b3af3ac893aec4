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
                return " — \(context.strings.format("due.until", ["time": (item.dueText ?? "").replacingOccurrences(of: "T", with: " ")])) (\(left))"
            } ?? .empty
            return "<li><span class=\"badge badge-state\">\(context[item.kind])</span> <a href=\"\(item.path)\">\(item.title)</a>\(when)</li>"
        }
        return """
        <section aria-labelledby="due" class="due"><h2 id="due">\(context["due.title"])</h2><ul class="plain">\(rows)</ul></section>
        """
    }
}
