import Foundation

/// What a notice is about: the kinds a person can unsubscribe from one by one.
public enum NoticeKind: String, CaseIterable, Sendable, Codable {
    /// A deadline 7 days or 1 day ahead (a draft to submit, a training seat to accept, …).
    case deadline
    /// Proposals to review.
    case review
    /// A country's proposals to endorse.
    case endorsement
    /// Appeals to answer.
    case appeal
    /// Requests to join an organisation.
    case joinRequest
    /// A decision about the person's own proposal or application.
    case decision
    /// Anything else that is due (follow-ups, registrations to validate, meeting requests).
    case other

    /// The kind of notice a due item of the platform (`DueItem.kind`, e.g. `due.review`) makes.
    /// Items that only matter by their deadline (drafts, offers) are `deadline`: they make
    /// notices at 7 days and 1 day ahead only.
    public static func of(dueKind: String) -> NoticeKind {
        switch dueKind {
        case "due.draft", "due.trainingOffer": return .deadline
        case "due.review": return .review
        case "due.endorsement": return .endorsement
        case "due.appeal": return .appeal
        case "due.decision": return .decision
        default:
            if dueKind.hasPrefix("due.join") { return .joinRequest }
            return .other
        }
    }
}

/// One thing that is due, as the sweep sees it: what kind, its title, its deadline and link.
public struct DueFact: Sendable, Equatable {
    public var dueKind: String
    public var title: String
    public var due: Date?
    public var path: String

    public init(dueKind: String, title: String, due: Date?, path: String) {
        self.dueKind = dueKind
        self.title = title
        self.due = due
        self.path = path
    }
}

/// A notice to post: its kind, the due item it comes from, the horizon (7 or 1 day) when it
/// is a deadline reminder, and the key that makes it once only.
public struct NoticeDraft: Sendable, Equatable {
    public var kind: NoticeKind
    public var dueKind: String
    /// 7 or 1 for a deadline reminder; nil for the first notice of a task.
    public var horizonDays: Int?
    public var title: String
    public var due: Date?
    public var link: String
    /// The same due item at the same horizon has the same key: one notice only.
    public var dueKey: String
}

/// Which notices a due item makes now.
public enum NoticeRule {
    /// The horizons of deadline reminders, in days.
    public static let horizons = [7, 1]

    /// A task of a kind that is not only a deadline (a review, an endorsement, an appeal, a join
    /// request, …) makes one notice when it first appears. Anything with a deadline ahead makes a
    /// `deadline` notice once it is 7 days or less ahead, and another once it is 1 day or less
    /// ahead (a deadline found 3 days ahead makes the 7-day one at once; past deadlines none).
    public static func notices(for fact: DueFact, now: Date) -> [NoticeDraft] {
        var drafts: [NoticeDraft] = []
        let kind = NoticeKind.of(dueKind: fact.dueKind)
        if kind != .deadline {
            drafts.append(NoticeDraft(kind: kind, dueKind: fact.dueKind, horizonDays: nil, title: fact.title, due: fact.due, link: fact.path,
                                      dueKey: "\(fact.dueKind)|\(fact.path)"))
        }
        if let due = fact.due, let horizon = horizon(due: due, now: now) {
            let stamp = Int(due.timeIntervalSince1970)
            drafts.append(NoticeDraft(kind: .deadline, dueKind: fact.dueKind, horizonDays: horizon, title: fact.title, due: due, link: fact.path,
                                      dueKey: "\(fact.dueKind)|\(fact.path)|\(stamp)|\(horizon)d"))
        }
        return drafts
    }

    /// 1 when the deadline is a day or less ahead, 7 when a week or less, else nil.
    public static func horizon(due: Date, now: Date) -> Int? {
        let left = due.timeIntervalSince(now)
        guard left > 0 else { return nil }
        return horizons.sorted().first { left <= Double($0) * 86_400 }
    }
}

/// Who may read and mark a notice: its addressee only.
public enum NoticeAccess {
    public enum Action: Sendable {
        /// Read or mark read a notice addressed to `owner`.
        case read(owner: UUID)
    }

    public static func allows(_ principal: Principal, _ action: Action) -> Bool {
        switch action {
        case .read(let owner): return principal.userID == owner
        }
    }
}
