import Fluent
import Foundation
import SconDomain

extension PipelineContext {
    /// The projects anyone may see (`ProjectAccess` for an anonymous reader).
    func searchDocuments(on db: any Database) async throws -> [SearchDocument] {
        try await ProjectQuery(db: db).all(ProjectQuery.Filter(), for: .anonymous).map { project in
            SearchDocument(kind: .project, objectID: project.storedID, externalRef: nil,
                           texts: [.init(title: project.title, body: project.descriptionEn, language: .en),
                                   .init(title: "", body: project.descriptionKo, language: .ko)],
                           country: project.countryCode, sectors: try project.sectorList)
        }
    }
}
