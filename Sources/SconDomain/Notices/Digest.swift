import Foundation

/// One notice as the digest lists it: already in the reader's language.
public struct DigestNotice: Sendable, Equatable {
    public var id: UUID
    public var kind: NoticeKind
    public var text: String
    /// An absolute link (the deployment's address and the page).
    public var link: String
    public var createdAt: Date

    public init(id: UUID, kind: NoticeKind, text: String, link: String, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.text = text
        self.link = link
        self.createdAt = createdAt
    }
}

/// The words of a digest in the reader's language (the server's string tables give them).
public struct DigestWording: Sendable {
    /// The subject for this many notices.
    public var subject: @Sendable (Int) -> String
    public var greeting: String
    public var heading: @Sendable (NoticeKind) -> String
    public var inbox: String
    /// "Stop e-mails about {kind}:" for one kind.
    public var unsubscribeKind: @Sendable (NoticeKind) -> String
    public var unsubscribeAll: String
    public var footer: String

    public init(subject: @escaping @Sendable (Int) -> String, greeting: String, heading: @escaping @Sendable (NoticeKind) -> String, inbox: String,
                unsubscribeKind: @escaping @Sendable (NoticeKind) -> String, unsubscribeAll: String, footer: String) {
        self.subject = subject
        self.greeting = greeting
        self.heading = heading
        self.inbox = inbox
        self.unsubscribeKind = unsubscribeKind
        self.unsubscribeAll = unsubscribeAll
        self.footer = footer
    }
}

/// What a person chose: whether they get the daily digest at all, and the kinds they left.
public struct NoticePreferences: Sendable, Equatable {
    public var digest: Bool
    public var unsubscribed: Set<NoticeKind>

    public init(digest: Bool = true, unsubscribed: Set<NoticeKind> = []) {
        self.digest = digest
        self.unsubscribed = unsubscribed
    }

    public func wants(_ kind: NoticeKind) -> Bool { digest && !unsubscribed.contains(kind) }
}

/// The daily digest: ONE message with every new notice of the kinds the person still wants,
/// grouped by kind (in `NoticeKind`'s order), newest first within a kind, or nothing.
public struct Digest: Sendable, Equatable {
    public var subject: String
    public var body: String
    /// The notices it lists (marked as sent once it went out).
    public var noticeIDs: [UUID]
    public var kinds: [NoticeKind]

    /// At most this many notices are listed one by one; the rest are counted.
    public static let listed = 30

    /// - Parameters:
    ///   - notices: the account's new notices since its last digest.
    ///   - inbox: the absolute address of the inbox.
    ///   - unsubscribe: the absolute unsubscribe address for a kind, or for the whole digest (nil).
    public static func build(notices: [DigestNotice], preferences: NoticePreferences, wording: DigestWording,
                             inbox: String, unsubscribe: (NoticeKind?) -> String) -> Digest? {
        let wanted = notices.filter { preferences.wants($0.kind) }
        guard !wanted.isEmpty else { return nil }
        let kinds = NoticeKind.allCases.filter { kind in wanted.contains { $0.kind == kind } }
        var lines = [wording.greeting, ""]
        var listed = 0
        for kind in kinds {
            let ofKind = wanted.filter { $0.kind == kind }.sorted { ($0.createdAt, $0.text) > ($1.createdAt, $1.text) }
            lines.append(wording.heading(kind))
            for notice in ofKind where listed < Self.listed {
                lines.append("- " + notice.text)
                lines.append("  " + notice.link)
                listed += 1
            }
            lines.append("")
        }
        if wanted.count > listed { lines += ["(+\(wanted.count - listed))", ""] }
        lines.append(wording.inbox)
        lines.append(inbox)
        lines.append("")
        lines.append("-- ")
        lines.append(wording.footer)
        for kind in kinds {
            lines.append(wording.unsubscribeKind(kind))
            lines.append(unsubscribe(kind))
        }
        lines.append(wording.unsubscribeAll)
        lines.append(unsubscribe(nil))
        return Digest(subject: wording.subject(wanted.count), body: lines.joined(separator: "\n") + "\n",
                      noticeIDs: wanted.map(\.id), kinds: kinds)
    }
}
