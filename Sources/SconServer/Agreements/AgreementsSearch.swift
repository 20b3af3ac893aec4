import Fluent
import Foundation
import SconDomain

extension AgreementsContext {
    /// The agreements an anonymous visitor may see (`AgreementAccess` through its list predicate:
    /// the public ones); a restricted agreement is never indexed, so a search never shows it.
    func searchDocuments(on db: any Database) async throws -> [SearchDocument] {
        try await AgreementQuery(db: db).all(AgreementQuery.Filter(), for: .anonymous).map { agreement in
            SearchDocument(kind: .agreement, objectID: agreement.storedID, externalRef: nil,
                           texts: [.init(title: agreement.titleEn, body: agreement.obligationsEn, language: .en),
                                   .init(title: agreement.titleKo, body: agreement.obligationsKo, language: .ko)],
                           country: "", sectors: try agreement.sectorList)
        }
    }
}
