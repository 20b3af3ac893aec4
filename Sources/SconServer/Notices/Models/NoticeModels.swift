import Fluent
import Foundation
import SconDomain

/// One notice in a person's inbox: its text in both languages (written when it was posted),
/// the page it links to, and the key that makes a due item's notice once only.
final class NoticeRecord: Model, @unchecked Sendable {
    static let schema = "notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kindText: String
    @Field(key: "text_en") var textEn: String
    @Field(key: "text_ko") var textKo: String
    /// A path of the site (`/proposals/…`).
    @Field(key: "link") var link: String
    @OptionalField(key: "due_key") var dueKey: String?
    /// Newest first: the creation time in microseconds, zero-padded (the keyset's sort key).
    @Field(key: "sort_key") var sortKey: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?
    /// When a digest listed it (or it was passed over as a kind the person left).
    @OptionalField(key: "digested_at") var digestedAt: Date?

    init() {}

    var kind: NoticeKind { get throws { try Self.known(kindText, "kind") } }
    var text: LocalizedText { LocalizedText(en: textEn, ko: textKo) }

    static func sortKey(_ date: Date) -> String {
        String(format: "%020lld", Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
    }
}

/// A person's e-mail choices: the daily digest on or off, the kinds they left, the random
/// token their unsubscribe links carry, and their last digest.
final class NoticePreferenceRecord: Model, @unchecked Sendable {
    static let schema = "notice_preferences"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "digest") var digest: Bool
    /// Kinds, comma-separated.
    @Field(key: "unsubscribed") var unsubscribedText: String
    @Field(key: "token") var token: String
    @OptionalField(key: "last_digest_at") var lastDigestAt: Date?
    @OptionalField(key: "last_digest_id") var lastDigestID: String?

    init() {}

    var preferences: NoticePreferences {
        get throws {
            NoticePreferences(digest: digest, unsubscribed: Set(try Self.storedList(unsubscribedText, separator: ",", "unsubscribed") { NoticeKind(rawValue: $0) }))
        }
    }

    func set(_ preferences: NoticePreferences) {
        digest = preferences.digest
        unsubscribedText = NoticeKind.allCases.filter { preferences.unsubscribed.contains($0) }.map(\.rawValue).joined(separator: ",")
    }
}
