import Fluent
import SconDomain
import Vapor

/// The inbox: newest first, unread marked "New" with a button to mark it read.
enum InboxPage {
    static func render(_ context: PageContext, notices: SconDomain.Page<NoticeRecord>, unread: Int, isFirstPage: Bool, allRead: Bool) -> HTML {
        let rows: [HTML] = notices.items.map { notice in
            let isUnread = notice.readAt == nil
            let mark: HTML = isUnread ? """
                <form method="post" action="\(NoticesURL.read(.value(notice.storedID)).path)">\(context.csrfField)\
                <button type="submit" class="link-button">\(context["inbox.markRead"])</button></form>
                """ : .empty
            let badge: HTML = isUnread ? "<span class=\"badge badge-alert\">\(context["inbox.new"])</span> " : .empty
            let text = notice.text.text(in: context.language)
            return """
            <li class="\(isUnread ? "unread" : "read")"><p>\(badge)\(isUnread ? "<strong>\(text)</strong>" as HTML : "\(text)")</p>
            <div class="notice-meta"><span>\(context.strings.format("inbox.received", ["time": DateText.day(notice.createdAt, context)]))</span>\
            <a href="\(LocalPath.sanitise(notice.link))" aria-label="\(context["inbox.open"]): \(text)">\(context["inbox.open"])</a>\(mark)</div></li>
            """
        }
        let markAll: HTML = unread > 0 ? """
            <form method="post" action="\(NoticesURL.readAll.path)">\(context.csrfField)\
            <button type="submit" class="button">\(context["inbox.markAllRead"])</button></form>
            """ : .empty
        let list: HTML = rows.isEmpty && isFirstPage ? "<p>\(context["inbox.empty"])</p>" : """
            <h2 class="visually-hidden" id="notices-heading">\(context["inbox.caption"])</h2>
            <ul class="plain notices" aria-labelledby="notices-heading">\(rows)</ul>
            """
        let body: HTML = """
        <h1>\(context["inbox.title"])\(unread > 0 ? " <span class=\"badge badge-alert\">\(context.strings.format("inbox.unreadCount", ["n": String(unread)]))</span>" as HTML : .empty)</h1>
        \(Components.notice(allRead ? context["inbox.allRead"] : nil))
        <p>\(context["inbox.intro"])</p>
        <p>\(context["inbox.emailHint"]) <a href="\(AccountURL.account.path)#email">\(context["inbox.emailSettings"])</a></p>
        \(markAll)
        \(list)
        \(Pagination.links(context, base: NoticesURL.inbox.path, query: [], next: notices.nextCursor, isFirstPage: isFirstPage))
        """
        return Layout.page(context, title: context["inbox.title"], current: "nav.inbox", body: body)
    }
}

/// The e-mail block of the account page: the digest on or off, a box per kind.
enum NoticePreferencesView {
    /// Reads the person's preferences (the defaults when they never chose) and renders the form.
    static func block(_ req: Request) async throws -> HTML {
        guard let user = req.signedInUser else { return .empty }
        let preferences = try await NoticePreferenceRecord.query(on: req.db).filter(\.$userID == user.id).first()?.preferences ?? NoticePreferences()
        return render(PageContext(request: req), preferences, mailOn: req.application.sconConfig.sendmail != nil, saved: req.queryItem("email") == "saved")
    }

    static func render(_ context: PageContext, _ preferences: NoticePreferences, mailOn: Bool, saved: Bool) -> HTML {
        let boxes: [HTML] = NoticeKind.allCases.map { kind in
            let checked: HTML = preferences.unsubscribed.contains(kind) ? "" : " checked"
            return "<li><label><input type=\"checkbox\" name=\"kind-\(kind.rawValue)\" value=\"on\"\(checked)> \(context["noticekind.\(kind.rawValue)"])</label></li>"
        }
        return """
        <h2 id="email">\(context["prefs.title"])</h2>
        \(Components.notice(saved ? context["prefs.saved"] : nil))
        <p>\(context["prefs.intro"])\(mailOn ? .empty : " \(context["prefs.off"])" as HTML) <a href="\(NoticesURL.inbox.path)">\(context["nav.inbox"])</a></p>
        <form method="post" action="\(NoticesURL.preferences.path)">
        \(context.csrfField)
        <p><label><input type="checkbox" name="digest" value="on"\(preferences.digest ? " checked" : "")> \(context["prefs.digest"])</label></p>
        <fieldset><legend>\(context["prefs.kinds"])</legend><ul class="plain">\(boxes)</ul></fieldset>
        <button type="submit" class="button">\(context["prefs.save"])</button>
        </form>
        """
    }
}

/// The confirm page of an e-mail's unsubscribe link, and what it says once done.
enum UnsubscribePage {
    static func render(_ context: PageContext, kind: NoticeKind?, token: String, done: Bool) -> HTML {
        let question = kind.map { context.strings.format("unsubscribe.kind", ["kind": context["noticekind.\($0.rawValue)"]]) } ?? context["unsubscribe.all"]
        let body: HTML = done ? """
            <h1>\(context["unsubscribe.title"])</h1>
            \(Components.notice(context["unsubscribe.done"]))
            <p>\(context["unsubscribe.explain"])</p>
            """ : """
            <h1>\(context["unsubscribe.title"])</h1>
            <p>\(question)</p>
            <p>\(context["unsubscribe.explain"])</p>
            <form method="post" action="\(NoticesURL.unsubscribe(kind, token: token).path)">\(context.csrfField)
            <button type="submit" class="button">\(context["unsubscribe.confirm"])</button></form>
            """
        return Layout.page(context, title: context["unsubscribe.title"], body: body)
    }
}
