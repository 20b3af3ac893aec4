import SconDomain
import Vapor

/// "First" and "Next" links under a keyset-paginated list, keeping its filter.
enum Pagination {
    static func links(_ context: PageContext, base: String, query: [(String, String)], next: PageCursor?, isFirstPage: Bool) -> HTML {
        func href(_ extra: [(String, String)]) -> String {
            let all = query + extra
            guard !all.isEmpty else { return base }
            return base + "?" + all.map { "\($0.0)=\(PercentEncoding.queryValue($0.1))" }.joined(separator: "&")
        }
        var links: [HTML] = []
        if !isFirstPage { links.append("<li><a href=\"\(href([]))\">\(context["list.first"])</a></li>") }
        if let next { links.append("<li><a href=\"\(href([("cursor", next.encoded)]))\" rel=\"next\">\(context["list.next"])</a></li>") }
        guard !links.isEmpty else { return .empty }
        return "<nav class=\"pagination\" aria-label=\"\(context["list.pages"])\"><ul>\(links)</ul></nav>"
    }
}
