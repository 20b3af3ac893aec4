import Fluent
import Foundation
import SconDomain

/// The notices of joining, posted in the same transaction as the change they tell of: the
/// organisation's members hear of a request at once (it also stays in their "what is due"),
/// the requester hears of the decision. Each goes to the inbox and, through the daily digest,
/// to e-mail (Notices).
enum JoinNotices {
    static func requested(_ request: JoinRequest, by requesterName: String, on db: any Database, at now: Date) async throws {
        guard let organisation = try await Organisation.find(request.organisation, on: db) else { return }
        let members = try await RoleGrant.query(on: db).filter(\.$role == Role.organisationMember.rawValue)
            .filter(\.$scopeKind == ScopeKind.organisation.rawValue).filter(\.$scopeID == request.organisation.uuidString.lowercased()).all()
        let text = texts("notice.join.requested", organisation: organisation.name, person: requesterName)
        for member in Set(members.map(\.userID)) where member != request.user {
            // The same key as the sweep's for this request's due item, so that it is told once.
            let path = requestPath(request.organisation, request: request.id)
            try await NoticeStore(db: db).post(to: member, kind: .joinRequest, text: text, link: path, dueKey: "due.joinRequest|\(path)", at: now)
        }
    }

    /// Where a member decides one request: the organisation's page, at its requests.
    static func requestPath(_ organisation: UUID, request: UUID) -> String {
        DirectoryURL.organisation(.value(organisation)).path + "?request=\(UUIDText.string(request))#join-requests"
    }

    static func decided(_ request: JoinRequest, _ decision: JoinDecision, on db: any Database, at now: Date) async throws {
        guard let organisation = try await Organisation.find(request.organisation, on: db) else { return }
        let key = decision == .approve ? "notice.join.approved" : "notice.join.refused"
        try await NoticeStore(db: db).post(to: request.user, kind: .decision,
                                           text: texts(key, organisation: organisation.name, reason: request.reason ?? ""),
                                           link: DirectoryURL.myOrganisations.path, dueKey: "join-decision:\(UUIDText.string(request.id))", at: now)
    }

    /// The notice's text in both languages, the organisation's name in each.
    private static func texts(_ key: String, organisation: LocalizedText, person: String = "", reason: String = "") -> LocalizedText {
        func text(_ strings: Strings, _ language: Language) -> String {
            strings.format(key, ["organisation": organisation.text(in: language), "person": person, "reason": reason])
        }
        return LocalizedText(en: text(.english, .en), ko: text(.korean, .ko))
    }
}
