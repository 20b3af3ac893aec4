import Fluent
import Foundation
import SconDomain

/// The names a list of requests shows: requesters' display names and organisations' names.
struct JoinNames: Sendable {
    var people: [UUID: String] = [:]
    var organisations: [UUID: LocalizedText] = [:]

    static func load(users: some Sequence<UUID>, organisations: some Sequence<UUID>, on db: any Database) async throws -> JoinNames {
        var names = JoinNames()
        let userIDs = Array(Set(users)), organisationIDs = Array(Set(organisations))
        if !userIDs.isEmpty {
            for user in try await User.query(on: db).filter(\.$id ~~ userIDs).all() { names.people[user.storedID] = user.displayName }
        }
        if !organisationIDs.isEmpty {
            for organisation in try await Organisation.query(on: db).filter(\.$id ~~ organisationIDs).all() {
                names.organisations[organisation.storedID] = organisation.name
            }
        }
        return names
    }

    static func load(_ rows: [JoinRequestRecord], on db: any Database) async throws -> JoinNames {
        try await load(users: rows.compactMap(\.userID), organisations: rows.map(\.organisationID), on: db)
    }
}

/// A join request as the API reads it.
struct JoinRequestDTO: JSONWritable {
    let record: JoinRequestRecord
    let state: JoinRequestState
    let userName: String
    let organisationName: LocalizedText

    init(_ record: JoinRequestRecord, names: JoinNames) throws {
        self.record = record
        state = try record.joinState
        userName = record.userID.flatMap { names.people[$0] } ?? ""
        organisationName = names.organisations[record.organisationID] ?? LocalizedText(en: "", ko: "")
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", record.storedID)
            $0.field("user", record.userID.map(UUIDText.string))
            $0.field("userName", userName)
            $0.field("organisation", record.organisationID)
            $0.field("organisationName", organisationName)
            $0.field("message", record.message)
            $0.field("state", state.rawValue)
            $0.field("requestedAt", AuditChain.timestamp(record.requestedAt))
            $0.field("decidedBy", record.decidedBy.map(UUIDText.string))
            $0.field("decidedAt", record.decidedAt.map(AuditChain.timestamp))
            $0.field("reason", record.reason)
        }
    }
}

/// A proposed organisation as the API reads it.
struct OrganisationRegistrationDTO: JSONWritable {
    let record: OrganisationRegistrationRecord
    let state: OrganisationRegistrationState

    init(_ record: OrganisationRegistrationRecord) throws {
        self.record = record
        state = try record.registrationState
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object {
            $0.field("id", record.storedID)
            $0.field("name", record.name)
            $0.field("type", record.type)
            $0.field("country", record.countryCode)
            $0.field("city", record.cityID.map(UUIDText.string))
            $0.field("website", record.website)
            $0.field("state", state.rawValue)
            $0.field("proposedBy", record.proposerID.map(UUIDText.string))
            $0.field("proposedAt", AuditChain.timestamp(record.proposedAt))
            $0.field("organisation", record.organisationID.map(UUIDText.string))
            $0.field("decidedAt", record.decidedAt.map(AuditChain.timestamp))
            $0.field("reason", record.reason)
        }
    }
}
