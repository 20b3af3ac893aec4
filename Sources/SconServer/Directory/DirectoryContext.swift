import Fluent
import Foundation
import SconDomain
import Vapor

/// The directory: countries, cities, organisations and their contact people.
struct DirectoryContext: SconContext {
    let name = "Directory"

    var migrations: [any Migration] { [CreateCountry(), CreateCity(), CreateOrganisation(), CreatePerson()] }

    func register(_ routes: ContextRoutes) throws {
        try routes.app.register(collection: DirectoryPagesController())
        try routes.app.register(collection: DirectoryAPIController())
    }

    var navigation: [NavigationEntry] {
        [NavigationEntry(placement: .main, order: 10, label: "nav.countries", route: DirectoryURL.countries),
         NavigationEntry(placement: .main, order: 20, label: "nav.cities", route: DirectoryURL.cities),
         NavigationEntry(placement: .main, order: 30, label: "nav.organisations", route: DirectoryURL.organisations)]
    }

    var strings: StringTable { Self.table }

    func seedIfEmpty(_ db: any Database) async throws -> Bool {
        guard try await Country.query(on: db).count() == 0 else { return false }
        try await db.transaction { db in
            try await DemoData.seedCountries(db)
            try await DemoData.seedCities(db)
            try await DemoData.seedOrganisationsAndPeople(db)
        }
        return true
    }
}
