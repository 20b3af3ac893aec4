import Foundation

/// One card of a person's home (`/home`): what they own in one context, as links, and the
/// next things they can do there. A context gives the cards of the roles it serves
/// (`SconContext.home`), in the person's language.
struct HomeCard: Sendable {
    struct Link: Sendable {
        var text: String
        var path: String
    }

    /// Orders cards across contexts (lower first).
    var order: Int
    var title: String
    /// What the person owns or watches here, each leading to its page.
    var lines: [Link]
    /// The next actions (buttons).
    var actions: [Link] = []
    /// One sentence when there is nothing yet.
    var empty: String? = nil
}
