import SconDomain
import Vapor

/// The page shell: skip link, header with the main navigation, language switch and account
/// menu, the main content and the footer with the data attributions.
enum Layout {
    static func page(_ context: PageContext, title: String, current: String? = nil, body: HTML) -> HTML {
        let s = context.strings
        return """
        <!doctype html>
        <html lang="\(context.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · K-SCON</title>
        <link rel="stylesheet" href="\(ShellURL.stylesheet.path)">
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
        \(secondFactorNotice(context))
        \(body)
        </main>
        <footer class="site-footer">
        <p><a href="\(DirectoryURL.help.path)">\(s["help.title"])</a> · <a href="\(DirectoryURL.help.path)#contact">\(s["help.contact"])</a></p>
        <p>\(s["layout.footer.programme"])</p>
        <p>\(s["layout.footer.attribution"])</p>
        </footer>
        </body>
        </html>
        """
    }

    /// Roles held back until the account sets up two-factor sign-in: said on every page.
    static func secondFactorNotice(_ context: PageContext) -> HTML {
        guard let user = context.user, !user.heldBackRoles.isEmpty,
              context.request.url.path != AccountURL.accountTwoFactor.path else { return .empty }
        let roles = user.heldBackRoles.map { context["role.\($0.rawValue)"] }.joined(separator: ", ")
        return """
        <div class="notice" role="status"><p>\(context.strings.format("twofactor.heldBack", ["roles": roles])) \
        <a href="\(AccountURL.accountTwoFactor.path)">\(context["twofactor.enrol.title"])</a></p></div>
        """
    }

    static func languageSwitch(_ context: PageContext) -> HTML {
        let next = PercentEncoding.queryValue(context.returnPath)
        let links: [HTML] = [(Language.ko, "한국어"), (Language.en, "English")].map { language, label in
            let current: HTML = language == context.language ? " aria-current=\"true\"" : ""
            return "<li><a href=\"\(ShellURL.language(.value(language.rawValue)).path)?next=\(next)\" lang=\"\(language.rawValue)\" hreflang=\"\(language.rawValue)\"\(current)>\(label)</a></li>"
        }
        return "<nav class=\"language-switch\" aria-label=\"\(context["layout.language"])\"><ul>\(links)</ul></nav>"
    }

    /// The navigation entries of every context, in their order.
    static let entries: [NavigationEntry] = SconContexts.all.flatMap(\.navigation).sorted { $0.order < $1.order }

    static func accountMenu(_ context: PageContext) -> HTML {
        guard let user = context.user else {
            return """
            <nav class="account-menu" aria-label="\(context["layout.account"])"><ul>
            <li><a href="\(AccountURL.signIn.path)">\(context["nav.signin"])</a></li>
            <li><a href="\(AccountURL.signUp.path)">\(context["nav.signup"])</a></li>
            </ul></nav>
            """
        }
        let links: [HTML] = entries.filter { $0.placement == .account && $0.isShown(context.principal) }.map { entry in
            "<li><a href=\"\(entry.route.path)\">\(context[entry.label])\(entry.badge?(context).map { " " + $0 } ?? .empty)</a></li>"
        }
        return """
        <nav class="account-menu" aria-label="\(context["layout.account"])"><ul>
        <li><a href="\(AccountURL.account.path)" translate="no">\(user.displayName)</a></li>
        \(links)
        <li><form method="post" action="\(AccountURL.signOut.path)">\(context.csrfField)<button type="submit" class="link-button">\(context["nav.signout"])</button></form></li>
        </ul></nav>
        """
    }

    static func mainNavigation(_ context: PageContext, current: String?) -> HTML {
        let links: [HTML] = entries.filter { $0.placement == .main && $0.isShown(context.principal) }.map { entry in
            let isCurrent: HTML = entry.label == current ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(entry.route.path)\"\(isCurrent)>\(context[entry.label])</a></li>"
        }
        // On a phone the menu folds behind a "Menu" switch (a checkbox and its label: no JavaScript).
        return """
        <nav class="main-nav" aria-label="\(context["layout.navigation"])">\
        <input type="checkbox" id="menu-toggle" class="menu-toggle"><label for="menu-toggle" class="menu-label">\(context["layout.menu"])</label>\
        <ul>\(links)</ul></nav>
        """
    }
}
