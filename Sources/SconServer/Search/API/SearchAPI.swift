import Vapor

/// The API of the one search box.
enum SearchAPI: APIRoute {
    case search

    var components: [PathComponent] { ["search"] }
}

/// The search page.
enum SearchURL: SiteRoute {
    case search

    var pathComponents: [PathComponent] { ["search"] }
}
