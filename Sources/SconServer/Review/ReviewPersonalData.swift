import Fluent
import Foundation

/// What the review holds about a person (`PersonalData`): the reviewer profile.
extension ReviewContext {
    struct ProfileSection: Encodable, Sendable {
        var sectors: String; var countries: String; var languages: String; var capacity: Int; var available: Bool; var unavailable: String
    }

    func personalData(of user: UUID, on db: any Database) async throws -> [String: PersonalDataSection] {
        guard let profile = try await ReviewerProfileRecord.query(on: db).filter(\.$userID == user).first() else { return [:] }
        return ["reviewerProfile": PersonalDataSection(ProfileSection(sectors: profile.sectors, countries: profile.countries, languages: profile.languages,
                                                                      capacity: profile.capacity, available: profile.available, unavailable: profile.unavailable))]
    }

    func erasePersonalData(of user: UUID, on db: any Database) async throws {
        try await ReviewerProfileRecord.query(on: db).filter(\.$userID == user).delete()
    }
}
