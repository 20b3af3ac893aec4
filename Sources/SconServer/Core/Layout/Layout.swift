import SconDomain
import Vapor

/// The page shell: skip link, header with the main navigation, language switch and account
/// menu, the main content and the footer with the data attributions.
enum Layout {
    static let directoryItems: [(SiteURL, String)] = [
        (.countries, "nav.countries"), (.cities, "nav.cities"), (.organisations, "nav.organisations"),
    ]

    static func page(_ context: PageContext, title: String, current: String? = nil, body: HTML) -> HTML {
        let s = context.strings
        return """
        <!doctype html>
        <html lang="\(context.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · K-SCON</title>
        <link rel="stylesheet" href="\(SiteURL.stylesheet.path)">
        </head>
        <body>
        <a class="skip-link" href="#main">\(s["layout.skip"])</a>
        <header class="site-header">
        <div class="bar">
        <a class="brand" href="/"><span class="brand-mark">K-SCON</span> <span class="brand-name">\(s["layout.brand"])</span></a>
        \(languageSwitch(context))
        \(accountMenu(context))
        </div>
        \(mainNavigation(context, current: current))
        </header>
        <main id="main" tabindex="-1">
        \(body)
        </main>
        <footer class="site-footer">
        <p>\(s["layout.footer.programme"])</p>
        <p>\(s["layout.footer.attribution"])</p>
        </footer>
        </body>
        </html>
        """
    }

    static func languageSwitch(_ context: PageContext) -> HTML {
        let next = PercentEncoding.queryValue(context.returnPath)
        let links: [HTML] = [(Language.ko, "한국어"), (Language.en, "English")].map { language, label in
            let current: HTML = language == context.language ? " aria-current=\"true\"" : ""
            return "<li><a href=\"\(SiteURL.language(.value(language.rawValue)).path)?next=\(next)\" lang=\"\(language.rawValue)\" hreflang=\"\(language.rawValue)\"\(current)>\(label)</a></li>"
        }
        return "<nav class=\"language-switch\" aria-label=\"\(context["layout.language"])\"><ul>\(links)</ul></nav>"
    }

    static func accountMenu(_ context: PageContext) -> HTML {
        guard let user = context.user else {
            return """
            <nav class="account-menu" aria-label="\(context["layout.account"])"><ul>
            <li><a href="\(SiteURL.signIn.path)">\(context["nav.signin"])</a></li>
            <li><a href="\(SiteURL.signUp.path)">\(context["nav.signup"])</a></li>
            </ul></nav>
            """
        }
        let admin: HTML = context.principal.mayManageAccounts
            ? "<li><a href=\"\(SiteURL.adminUsers.path)\">\(context["nav.admin"])</a></li>" : .empty
        let proposals: HTML = context.principal.organisationIDs.isEmpty
            ? .empty : "<li><a href=\"\(SiteURL.proposals.path)\">\(context["proposals.mine"])</a></li>"
        let reviews: HTML = context.principal.grants.contains { $0.role == .reviewer }
            ? "<li><a href=\"\(SiteURL.reviews.path)\">\(context["reviews.title"])</a></li>" : .empty
        return """
        <nav class="account-menu" aria-label="\(context["layout.account"])"><ul>
        <li><a href="\(SiteURL.account.path)">\(user.displayName)</a></li>
        \(proposals)
        \(reviews)
        \(admin)
        <li><form method="post" action="\(SiteURL.signOut.path)">\(context.csrfField)<button type="submit" class="link-button">\(context["nav.signout"])</button></form></li>
        </ul></nav>
        """
    }

    static func mainNavigation(_ context: PageContext, current: String?) -> HTML {
        var items: [(String, String, String)] = directoryItems.map { ($0.0.path, context[$0.1], $0.1) }
        items.append((SiteURL.calls.path, context["nav.calls"], "nav.calls"))
        items.append((SiteURL.projects.path, context["area.projects.name"], "nav.projects"))
        items.append((SiteURL.fund.path, context["area.fund.name"], "nav.fund"))
        items += SiteURL.Area.allCases.map { (SiteURL.area($0).path, context["area.\($0.rawValue).name"], "area.\($0.rawValue)") }
        let links: [HTML] = items.map { path, label, key in
            let isCurrent: HTML = key == current ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(path)\"\(isCurrent)>\(label)</a></li>"
        }
        return "<nav class=\"main-nav\" aria-label=\"\(context["layout.navigation"])\"><ul>\(links)</ul></nav>"
    }
}
