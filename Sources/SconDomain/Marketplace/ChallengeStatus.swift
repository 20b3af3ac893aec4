import Foundation

/// Where a challenge (도시문제) is: written, open to solutions, discussed with one or more
/// solution holders, matched, closed, archived. Archived challenges are hidden from the public
/// lists by default; a draft is seen by its organisation only.
public enum ChallengeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case open
    case inDiscussion = "in-discussion"
    case matched
    case closed
    case archived

    /// The moves a challenge's owner may make from here.
    public var next: Set<ChallengeStatus> {
        switch self {
        case .draft: [.open, .archived]
        case .open: [.inDiscussion, .matched, .closed, .archived]
        case .inDiscussion: [.open, .matched, .closed, .archived]
        case .matched: [.closed, .archived]
        case .closed: [.open, .archived]
        case .archived: []
        }
    }

    /// Published: in the public lists and the search.
    public var isPublished: Bool { self != .draft }
}

/// Where a solution (솔루션) is: a draft its organisation writes, published, or archived.
public enum SolutionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft, published, archived

    public var next: Set<SolutionStatus> {
        switch self {
        case .draft: [.published, .archived]
        case .published: [.archived]
        case .archived: [.published]
        }
    }

    public var isPublished: Bool { self == .published }
}

/// How far a solution is from use.
public enum SolutionReadiness: String, Sendable, Hashable, Codable, CaseIterable {
    case idea, pilot, deployed
}

/// How a solution is paid for.
public enum PriceModel: String, Sendable, Hashable, Codable, CaseIterable {
    case licence, subscription, project, perUnit = "per-unit", free, negotiable
}

/// A status move that is not allowed from where the record is (409).
public struct MarketplaceRefusal: Refusal, Hashable {
    public let from: String
    public let to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    public var key: String { "marketplace.status" }
    public var values: [String: RefusalValue] { ["from": .key("mstatus.\(from)"), "to": .key("mstatus.\(to)")] }
    public var description: String { "a \(from) record cannot become \(to)." }
}
