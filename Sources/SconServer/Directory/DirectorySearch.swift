import Fluent
import Foundation
import SconDomain

extension DirectoryContext {
    /// Organisations and cities, in English and Korean.
    func searchDocuments(on db: any Database) async throws -> [SearchDocument] {
        let organisations = try await Organisation.query(on: db).all().map { organisation in
            SearchDocument(kind: .organisation, objectID: organisation.storedID, externalRef: nil,
                           texts: [.init(title: organisation.nameEn + (organisation.acronym.map { " (\($0))" } ?? ""), body: organisation.descriptionEn, language: .en),
                                   .init(title: organisation.nameKo, body: organisation.descriptionKo, language: .ko)],
                           country: organisation.countryCode, sectors: try organisation.sectorList)
        }
        let cities = try await City.query(on: db).all().map { city in
            SearchDocument(kind: .city, objectID: city.storedID, externalRef: nil,
                           texts: [.init(title: city.nameEn, body: "", language: .en), .init(title: city.nameKo, body: "", language: .ko)],
                           country: city.countryCode, sectors: [])
        }
        return organisations + cities
    }
}
